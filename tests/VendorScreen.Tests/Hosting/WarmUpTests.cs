using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VendorScreen.Tests.Infrastructure;
using WarmUp = VendorScreen.Screening.WarmUp;

namespace VendorScreen.Tests.Hosting;

/// <summary><see cref="ScreeningEngine.WarmUpAsync"/> runs the screening code without changing what screenings give, and the
/// hosting add-on runs it while the host starts unless <c>Refresh:WarmUpScreening</c> is off.</summary>
public sealed class WarmUpTests
{
    // Names of the embedded dataset in several scripts, a made-up one, and a listing: what a warmed-up engine must screen alike.
    private static readonly ScreeningRequest[] Requests =
    [
        ScreeningRequest.ForParty("Hangzhou Hikvision Digital Technology Co., Ltd."),
        ScreeningRequest.ForParty("Zhejiang Dahua Technolgy Co Ltd"),
        ScreeningRequest.ForParty("海康威视"),
        ScreeningRequest.ForParty("Northwind Bakery Supplies"),
        ScreeningRequest.ForProduct() with { Title = "EZVIZ C6N indoor camera", Brand = "EZVIZ" },
    ];

    [Fact]
    public async Task WarmUpAsync_EngineNotLoaded_LoadsTheLists()
    {
        using var engine = new ScreeningEngineBuilder().Build();

        await engine.WarmUpAsync();

        engine.Dataset.Should().NotBeNull();
        engine.Sources.Should().OnlyContain(s => s.IsUsable);
    }

    [Fact]
    public async Task WarmUpAsync_Cancelled_ThrowsAndLoadsNothing()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var warmUp = async () => await engine.WarmUpAsync(cancelled.Token);

        await warmUp.Should().ThrowAsync<OperationCanceledException>();
        engine.Dataset.Should().BeNull();
    }

    [Fact]
    public async Task WarmUpAsync_ThenScreenings_SameResultsAsAnEngineNotWarmedUp()
    {
        using var warmed = new ScreeningEngineBuilder().Build();
        using var cold = new ScreeningEngineBuilder().Build();
        await warmed.WarmUpAsync();

        foreach (var request in Requests)
        {
            var expected = await cold.ScreenAsync(request);
            var actual = await warmed.ScreenAsync(request);

            actual.Decision.Should().Be(expected.Decision, request.ToString());
            actual.DecidingRule.Should().Be(expected.DecidingRule, request.ToString());
            actual.Hits.Select(h => (h.Field, h.EntityId, h.MatchedName, h.Score)).Should()
                .Equal(expected.Hits.Select(h => (h.Field, h.EntityId, h.MatchedName, h.Score)), request.ToString());
        }

        (await cold.ScreenAsync(Requests[0])).Decision.Should().Be(ScreeningDecision.Block, "the requests include a listed name");
    }

    [Fact]
    public async Task WarmUpAsync_CancelledWhileItRuns_Throws()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        using var cancel = new CancellationTokenSource();

        // The warm-up waits at least 100 ms after each of its phases for the runtime's compiling to settle: a token cancelled
        // after 50 ms is cancelled while it runs, in its screenings or in a wait.
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));
        var warmUp = async () => await engine.WarmUpAsync(cancel.Token);

        await warmUp.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ListedRequests_EveryRound_NamesOfTheDatasetWrittenAsPeopleWriteThem()
    {
        // The made-up names find nothing listed: the warm-up also screens the dataset's own names, so that the paths of a hit (the
        // explanations, the policy's decision, the names read in another order) are compiled before the first request.
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        var state = engine.Datasets.Current!.State;
        var asOf = new DateOnly(2026, 12, 1);
        var listed = state.Index.Names.Select(n => n.Name.Value).ToHashSet(StringComparer.Ordinal);

        var rounds = Enumerable.Range(0, WarmUp.Phases * WarmUp.Rounds).Select(r => WarmUp.ListedRequests(state, asOf, r).OfType<PartyScreeningRequest>().ToList()).ToList();

        rounds.Should().OnlyContain(r => r.Count >= 1);
        var asWritten = rounds.Where((_, r) => r % 4 == 0).Select(r => r[0].Name).ToList();
        asWritten.Should().OnlyContain(name => listed.Contains(name), "every fourth round screens a name as the list writes it");
        asWritten.Distinct(StringComparer.Ordinal).Should().HaveCountGreaterThan(asWritten.Count / 2, "the rounds spread over the index");
        rounds.Where((_, r) => r % 4 == 1).Select(r => r[0].Name).Should().Contain(name => !listed.Contains(name), "a letter is left out");
        rounds.Where((_, r) => r % 4 == 3).Select(r => r[0].Name).Should().OnlyContain(name => !name.Any(char.IsUpper), "punctuation and case dropped");
        if (state.Ownership.At(asOf).Exposures.Count > 0)
        {
            rounds.Where((_, r) => r % 4 == 0).Should().OnlyContain(r => r.Count == 2, "an entity owned by listed parties in every fourth round");
        }

        var cut = Enumerable.Range(0, WarmUp.Rounds).Where(r => r % 4 == 2)
            .Select(r => WarmUp.ListedRequests(state, asOf, r, [35]).OfType<PartyScreeningRequest>().Select(q => q.Name).ToList()).ToList();
        cut.Should().OnlyContain(r => r.Count >= 2 && r[1].Length == 35 && listed.Any(name => name.Length > 35 && name.StartsWith(r[1], StringComparison.Ordinal)),
            "every fourth round also screens a longer listed name cut as a name field of 35 characters cuts it");
        cut.Should().Contain(r => r.Count == 3 && r[2].Length == 35 && r[2].StartsWith("LIMITED LIABILITY COMPANY ", StringComparison.Ordinal),
            "and a legal form followed by the start of a word");

        var results = rounds[0].Select(r => VendorScreen.Screening.Screener.Screen(state, r, new ScreeningOptions(), global::VendorScreen.Policies.ScreeningPolicies.Find("default")!, asOf, DateTimeOffset.UnixEpoch, default)).ToList();
        results.Should().Contain(r => r.Hits.Count > 0, "the dataset's own names find what it lists");
    }

    [Fact]
    public void Requests_FirstRound_OnePerPathOfTheScreeningCode()
    {
        var first = WarmUp.Requests(0).ToList();

        first.OfType<PartyScreeningRequest>().Select(r => r.Name).Should().Equal(
            "Nortwind Trading Company Limited", "Maria Elena Gonzalez", "\u5F20\u4F1F\u79D1\u6280\u6709\u9650\u516C\u53F8", "\uAE40\uBBFC\uC900",
            "\u0418\u0432\u0430\u043D \u041F\u0435\u0442\u0440\u043E\u0432");
        first.OfType<ProductScreeningRequest>().Should().ContainSingle().Which.FccId.Should().Be("2AXYZLV4420");
        WarmUp.SearchName(0).Should().Be("Northwind Trading");
    }

    [Fact]
    public void Requests_LaterRounds_EachScriptInEveryRoundAndNoNameTwice()
    {
        var rounds = WarmUp.Phases * WarmUp.Rounds;
        var names = new List<string>[5];
        for (var k = 0; k < names.Length; k++)
        {
            names[k] = [];
        }

        for (var round = 1; round < rounds; round++)
        {
            var requests = WarmUp.Requests(round).ToList();
            var parties = requests.OfType<PartyScreeningRequest>().Select(r => r.Name).ToList();
            parties.Should().HaveCount(5, $"round {round}");
            parties[0].Should().MatchRegex("^[A-Za-z]+ [A-Za-z]+$", "a person in Latin letters");
            parties[1].Should().MatchRegex("^[A-Za-z]+ [A-Za-z]+ [A-Za-z.,]+( [A-Za-z.]+)?$", "a company in Latin letters with a legal form");
            parties[2].Should().MatchRegex("^\\p{IsCJKUnifiedIdeographs}{3}$", "a name in Han");
            parties[3].Should().MatchRegex("^\\p{IsHangulSyllables}{3}$", "a name in Hangul");
            parties[4].Should().MatchRegex("^\\p{IsCyrillic}+ \\p{IsCyrillic}+$", "a name in Cyrillic");
            requests.OfType<ProductScreeningRequest>().Should().HaveCount(round % 4 == 0 ? 1 : 0, $"round {round}");
            for (var k = 0; k < names.Length; k++)
            {
                names[k].Add(parties[k]);
            }
        }

        foreach (var kind in names)
        {
            kind.Should().OnlyHaveUniqueItems("every round screens new names, which miss the memos as new queries do");
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task BackgroundRefresh_WarmUpScreening_RunsBeforeTheHostStartsUnlessTurnedOff(string? setting, bool expected)
    {
        var logs = new ListLoggerProvider();
        var settings = new Dictionary<string, string?> { ["VendorScreen:Refresh:Enabled"] = "false" };
        if (setting is not null)
        {
            settings["VendorScreen:Refresh:WarmUpScreening"] = setting;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var store = new InMemoryScreeningStore();
        services.AddSingleton<IScreeningAuditStore>(store);
        services.AddVendorScreen(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("VendorScreen"));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();

        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        provider.GetRequiredService<IScreeningDatasetProvider>().Current.Should().NotBeNull("the warm-up loads the lists");
        logs.Events.Select(e => e.Id).Should().Contain(40);
        logs.Events.Any(e => e.Id == 45).Should().Be(expected);
        logs.Events.Should().NotContain(e => e.Id == 46 || e.Level >= LogLevel.Warning);
        logs.Events.Should().NotContain(e => e.Message.StartsWith("Screened request", StringComparison.Ordinal), "the warm-up logs no screening");
        var records = 0;
        await foreach (var unused in store.ReadAsync())
        {
            records++;
        }

        records.Should().Be(0, "the warm-up records no screening");
    }
}
