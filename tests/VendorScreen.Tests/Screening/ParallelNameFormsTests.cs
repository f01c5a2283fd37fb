using FluentAssertions;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A name written in Hangul is screened in each of its romanisations; with <see cref="ScreeningOptions.ParallelNameForms"/> (the
/// default) those forms are shared between the calling thread and one from the thread pool, and their matches merged in the order
/// of the forms. The results must be those of one thread screening the forms in turn, alone, in a batch and a stream (which
/// keep each screening to one thread) and when the thread pool is busy.
/// </summary>
public sealed class ParallelNameFormsTests
{
    private static readonly string[] Embedded =
    [
        "김정은", "하이크비전", "다화", "조선광업개발무역회사", "이지비즈", "화웨이", "하이실리콘", "김 정 은", "다후아 테크놀로지", "항저우 하이크비전",
        "스클라다노프스키", "지크프리트", "유르스나르", "海康威视", "ハイクビジョン", "ダーファ",
    ];

    [Fact]
    public async Task ScreenAsync_HangulNamesOnTheEmbeddedDataset_SameResultsAsOneThread()
    {
        Embedded.Count(HasFormsToShare).Should().BeGreaterThanOrEqualTo(8, "most of these names have two romanisations to share");
        using var engines = await EnginePair.StartAsync(o => o.ParallelNameForms = false);
        var requests = Embedded.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n)).ToList();

        var expected = await ResultJson.ScreenEachAsync(engines.OneThread, requests);

        await ResultJson.ShouldGiveEveryWayAsync(engines.Shared, requests, expected);
    }

    [Fact]
    public async Task ScreenAsync_ThreadPoolBusy_SameResultsAsOneThread()
    {
        // Screenings started together on every processor: the helpers they queue may start late or not at all, and the screening
        // threads then take every form themselves.
        using var engines = await EnginePair.StartAsync(o => o.ParallelNameForms = false);

        await engines.ShouldMatchWhenThePoolIsBusyAsync(Embedded, times: 8);
    }

    [SharedDataFact]
    public async Task ScreenAsync_KoreanNamesAgainstOfacSdn2021_SameResultsAsOneThread()
    {
        var names = File.ReadLines(SharedData.DataPath("eval/wikidata-name-transliteration/wd_korean_20.tsv"))
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 2 && parts[1].Length > 0)
            .Select(parts => parts[1].Replace(" ", string.Empty, StringComparison.Ordinal))
            .Take(300)
            .ToList();
        names.Count(HasFormsToShare).Should().BeGreaterThan(150);
        using var parallel = OfacEngine(parallelForms: true);
        using var oneThread = OfacEngine(parallelForms: false);
        await parallel.RefreshAsync();
        await oneThread.RefreshAsync();
        var requests = names.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n)).ToList();

        var shared = await ResultJson.ScreenEachAsync(parallel, requests);

        shared.Should().Equal(await ResultJson.ScreenEachAsync(oneThread, requests));
        shared.Should().Contain(r => !r.Contains("\"hits\":[]", StringComparison.Ordinal), "some of the names find listed names to compare");
    }

    // Whether screening shares the name's forms: two or more romanisations of a name in Hangul or kana.
    private static bool HasFormsToShare(string name) =>
        NameNormalizer.Normalize(name).Count(v => v.IsTransliteration && v.SourceScript is NameScript.Hangul or NameScript.Kana or NameScript.Han
            && v.Tokens.Count > 0 && v.Tokens[0].Class != TokenClass.Ideograph) >= 2;

    private static ScreeningEngine OfacEngine(bool parallelForms) => new ScreeningEngineBuilder()
        .Configure(o =>
        {
            o.UseDefaultDataset = false;
            o.ParallelNameForms = parallelForms;
        })
        .AddSource(SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")))
        .Build();
}
