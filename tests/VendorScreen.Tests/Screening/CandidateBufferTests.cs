using System.Text.Json;
using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Screening;

/// <summary>Screening reads the candidates of each name from a buffer the thread reuses: a look-up into it must give the ids a
/// fresh array holds, and nothing of one query's candidates may reach the next query's result.</summary>
public sealed class CandidateBufferTests
{
    private static readonly string[] Queries =
    [
        "ZTE Corporation", "Hikvision", "Huawei Technologies Co Ltd", "Acme Widgets", "Dahua Technology USA Inc.", "China Mobile",
        "Kaspersky Lab", "Hytera Communications", "ZTE Corp", "Nobody In Particular Ltd", "华为", "Hangzhou Hikvision Digital Technology",
    ];

    [Fact]
    public async Task FindCandidates_IntoAReusedBuffer_WritesTheIdsOfAFreshArray_AndLeavesTheRestOfTheBuffer()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        int[]? small = [-1, -1, -1];
        var large = Enumerable.Repeat(-7, 1_000).ToArray();
        var sawMany = false;
        foreach (var query in Queries.SelectMany(NameNormalizer.Normalize))
        {
            var fresh = index.FindCandidates(query, 64);
            var count = index.FindCandidates(query, 64, null, ref small);
            int[]? given = large;
            var countLarge = index.FindCandidates(query, 64, null, ref given);

            count.Should().Be(fresh.Count);
            small.Should().NotBeNull();
            small!.Take(count).Should().Equal(fresh, query.Key);
            given.Should().BeSameAs(large, "a buffer large enough is written into");
            countLarge.Should().Be(fresh.Count);
            large.Take(countLarge).Should().Equal(fresh);
            large.Skip(countLarge).Should().AllSatisfy(x => x.Should().Be(-7));
            Array.Fill(large, -7);
            sawMany |= count > 3;
        }

        sawMany.Should().BeTrue("some query has more candidates than the first buffer holds");
    }

    [Fact]
    public void Screen_ManyQueriesOnOneThread_GivesTheResultsEachGetsOnAThreadOfItsOwn()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        var requests = Queries.Select(q => ScreeningRequest.ForParty(q) with { AsOf = new DateOnly(2026, 12, 1) }).ToArray();

        var oneThread = OnNewThread(() => requests.Concat(requests.Reverse()).Select(r => Json(engine.ScreenAsync(r).AsTask().GetAwaiter().GetResult())).ToArray());
        var ownThreads = requests.Select(r => OnNewThread(() => Json(engine.ScreenAsync(r).AsTask().GetAwaiter().GetResult()))).ToArray();

        oneThread.Should().Equal(ownThreads.Concat(ownThreads.Reverse()));
        ownThreads.Count(j => j.Contains("\"hits\":[{", StringComparison.Ordinal)).Should().BeGreaterThan(3);
    }

    private static string Json(ScreeningResult result) =>
        JsonSerializer.Serialize(result with { ScreenedAt = default }, VendorScreenJsonContext.Default.ScreeningResult);

    private static T OnNewThread<T>(Func<T> work)
    {
        T value = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                value = work();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();
        return error is null ? value : throw new InvalidOperationException("the screening failed", error);
    }
}
