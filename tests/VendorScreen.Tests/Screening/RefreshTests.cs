using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Sources.Remote;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Screening;

/// <summary>Refreshes, failures, staleness and the swap of datasets under concurrent screening.</summary>
public sealed class RefreshTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ScreenAsync_SourceWithinMaxAge_IsClear()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = CreateEngine(clock, new DelegateSource("list", () => DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow())));
        await engine.RefreshAsync();
        clock.Advance(TimeSpan.FromMinutes(59));

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_SourceOlderThanMaxAge_IsIncompleteWithoutARefresh()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = CreateEngine(clock, new DelegateSource("list", () => DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow())));
        await engine.RefreshAsync();
        clock.Advance(TimeSpan.FromMinutes(61));

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        result.DecidingRule.Should().Be("source-unusable");
        result.Reason.Should().Contain("list: stale: fetched 2026-03-01 08:00:00Z");
        engine.Sources.Single().IsUsable.Should().BeFalse();
        result.Sources.Single().Error.Should().StartWith("stale");
    }

    [Fact]
    public async Task ScreenAsync_StaleSourceWithAStrongHit_StillBlocks()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = CreateEngine(clock, new DelegateSource("list", () => DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow())));
        await engine.RefreshAsync();
        clock.Advance(TimeSpan.FromDays(2));

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 2"));

        result.Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task RefreshAsync_StaleSourceRefreshedAgain_IsUsable()
    {
        var clock = new FakeTimeProvider(T0);
        using var engine = CreateEngine(clock, new DelegateSource("list", () => DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow())));
        await engine.RefreshAsync();
        clock.Advance(TimeSpan.FromHours(2));

        var statuses = await engine.RefreshAsync();

        statuses.Single().IsUsable.Should().BeTrue();
        (await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"))).Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_SourceNeverLoaded_IsIncompleteNeverClear()
    {
        var clock = new FakeTimeProvider(T0);
        var broken = new DelegateSource("ofac", _ => throw new SanctionListSourceException("ofac", "https://example.org/sdn.csv", "HTTP 503"));
        using var engine = CreateEngine(clock, broken, new DelegateSource("list", () => DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow())));

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        result.Reason.Should().Contain("ofac: ofac: https://example.org/sdn.csv: HTTP 503");
        engine.Sources.Should().ContainSingle(s => !s.IsUsable).Which.Version.Should().BeNull();
    }

    [Fact]
    public async Task ScreenAsync_SourceThrowsAnUnexpectedException_IsIncompleteAndOtherSourcesLoad()
    {
        var clock = new FakeTimeProvider(T0);
        var buggy = new DelegateSource("buggy", _ => throw new InvalidOperationException("reader bug"));
        var good = new DelegateSource("list", () => DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow()));
        using var engine = CreateEngine(clock, buggy, good);

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        result.Reason.Should().Contain("buggy: InvalidOperationException: reader bug");
        good.Loads.Should().Be(1);
        engine.Dataset!.Version.Should().Be("list@v1");
    }

    [Fact]
    public async Task RefreshAsync_RefreshFails_KeepsLastGoodSnapshot()
    {
        var clock = new FakeTimeProvider(T0);
        var fail = false;
        var source = new DelegateSource("list", () => Volatile.Read(ref fail)
            ? throw new SanctionListSourceException("list", null, "connection refused")
            : DelegateSource.Snapshot("list", "v1", 3, clock.GetUtcNow()));
        using var engine = CreateEngine(clock, source);
        await engine.RefreshAsync();
        Volatile.Write(ref fail, true);

        var statuses = await engine.RefreshAsync();

        statuses.Single().IsUsable.Should().BeTrue();
        statuses.Single().Error.Should().Be("refresh failed, serving version v1: list: connection refused");
        (await engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 3"))).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenAsync_ConcurrentFirstScreenings_LoadEachSourceOnce()
    {
        var gate = new TaskCompletionSource();
        var source = new DelegateSource("list", async _ =>
        {
            await gate.Task;
            return DelegateSource.Snapshot("list", "v1", 3);
        });
        using var engine = CreateEngine(TimeProvider.System, source);

        var screenings = Enumerable.Range(0, 8).Select(_ => engine.ScreenAsync(ScreeningRequest.ForParty("Entity Number 1")).AsTask()).ToArray();
        gate.SetResult();
        var results = await Task.WhenAll(screenings);

        results.Should().OnlyContain(r => r.Decision == ScreeningDecision.Block);
        source.Loads.Should().Be(1);
    }

    [Fact]
    public async Task ScreenAsync_RemoteSourceServedFromAnOldCache_IsIncomplete()
    {
        using var cache = new TempFolder();
        var clock = new FakeTimeProvider(T0);
        Uri url;
        await using (var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Dataset("remote", "v1", "Alpha Trading Company"), "application/json")))
        {
            url = server.BaseUrl;
            using var before = RemoteSource(url, cache.Path, clock);
            await before.LoadAsync();
        }

        clock.Advance(TimeSpan.FromDays(2));
        using var source = RemoteSource(url, cache.Path, clock);
        using var engine = CreateEngine(clock, source);

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unrelated Bakery Supplies"));

        source.LastReport!.Status.Should().Be(RemoteFetchStatus.FromCache);
        engine.Dataset!.Version.Should().Be("remote@v1");
        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        result.Reason.Should().Contain("stale: fetched 2026-03-01 08:00:00Z");
    }

    internal static ScreeningEngine CreateEngine(TimeProvider clock, params VendorScreen.Sources.ISanctionListSource[] sources)
    {
        var builder = new ScreeningEngineBuilder { TimeProvider = clock }.Configure(o =>
        {
            o.UseDefaultDataset = false;
            o.MaxSourceAge = TimeSpan.FromHours(1);
        });
        foreach (var source in sources)
        {
            builder.AddSource(source);
        }

        return builder.Build();
    }

    internal static HttpSanctionListSource RemoteSource(Uri url, string cache, TimeProvider clock, string name = "remote") =>
        new(HttpSanctionListSourceTests.Client, new HttpSanctionListSourceOptions(name, url)
        {
            Reader = VendorScreen.Sources.VendorScreenJson.VendorScreenJsonReader.Read,
            CacheDirectory = cache,
            Timeout = TimeSpan.FromSeconds(30),
            MaxRetries = 0,
            TimeProvider = clock,
        });
}

/// <summary>The swap of datasets under concurrent screening. Runs alone: it keeps the processor busy on purpose.</summary>
[Collection(RefreshStressTests.Collection)]
public sealed class RefreshStressTests
{
    public const string Collection = "refresh-stress";

    [Fact]
    public async Task ScreenAsync_DuringAlternatingRefreshes_NeverSeesAMixedDataset()
    {
        // Two remote sources switch together between two generations; a screening must see both at one generation.
        var generation = 1;
        var alpha = new[] { TestLists.Dataset("alpha", "g1", "Harbor Crane Holdings"), TestLists.Dataset("alpha", "g2", "Granite Peak Minerals") };
        var bravo = new[] { TestLists.Dataset("bravo", "g1", "Northwind Freight Lines"), TestLists.Dataset("bravo", "g2", "Silverline Optics Works") };
        await using var server = LoopbackServer.Start(r =>
        {
            var g = Volatile.Read(ref generation) - 1;
            return ServerResponse.Ok(r.Path == "/alpha.json" ? alpha[g] : bravo[g], "application/json") with { ETag = $"\"{r.Path}-{g}\"" };
        });
        using var cache = new TempFolder();
        using var alphaSource = RefreshTests.RemoteSource(server.Url("alpha.json"), cache.Path, TimeProvider.System, "alpha");
        using var bravoSource = RefreshTests.RemoteSource(server.Url("bravo.json"), cache.Path, TimeProvider.System, "bravo");
        using var engine = RefreshTests.CreateEngine(TimeProvider.System, alphaSource, bravoSource);
        await engine.RefreshAsync();

        var queries = new[] { "Harbor Crane Holdings", "Granite Peak Minerals", "Northwind Freight Lines", "Silverline Optics Works" };
        var expected = new Dictionary<string, string[]>
        {
            ["alpha@g1; bravo@g1"] = ["Harbor Crane Holdings", "Northwind Freight Lines"],
            ["alpha@g2; bravo@g2"] = ["Granite Peak Minerals", "Silverline Optics Works"],
        };
        var results = new ConcurrentBag<ScreeningResult>();
        var refreshing = true;
        var screeners = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            for (var n = i; Volatile.Read(ref refreshing); n++)
            {
                if (n % 5 == 0)
                {
                    var batch = await engine.ScreenBatchAsync(queries.Select(q => ScreeningRequest.ForParty(q)));
                    batch.Results.Select(r => r.DatasetVersion).Distinct().Should().ContainSingle("a batch runs against one generation");
                    foreach (var r in batch.Results)
                    {
                        results.Add(r);
                    }
                }
                else
                {
                    results.Add(await engine.ScreenAsync(ScreeningRequest.ForParty(queries[n % queries.Length])));
                }

                // Screening completes synchronously; yielding keeps the loops from starving the refresh of threads.
                await Task.Yield();
            }
        })).ToArray();

        var versionsSeen = new List<string>();
        try
        {
            for (var i = 0; i < 12; i++)
            {
                Volatile.Write(ref generation, (i % 2) + 1);
                var statuses = await engine.RefreshAsync();
                statuses.Should().OnlyContain(s => s.IsUsable && s.Error == null);
                versionsSeen.Add(engine.Dataset!.Version);
                await Task.Delay(5);
            }
        }
        finally
        {
            Volatile.Write(ref refreshing, false);
            await Task.WhenAll(screeners);
        }

        versionsSeen.Distinct().Should().BeEquivalentTo(expected.Keys);
        results.Should().NotBeEmpty();
        foreach (var result in results)
        {
            expected.Should().ContainKey(result.DatasetVersion);
            var listedInVersion = expected[result.DatasetVersion];
            var query = result.Hits.Count > 0 ? result.Hits[0].Query : result.Reason;
            if (result.Decision == ScreeningDecision.Block)
            {
                listedInVersion.Should().Contain(result.Hits[0].EntityName, "a hit must come from the generation the result names");
            }
            else
            {
                result.Decision.Should().Be(ScreeningDecision.Clear, query);
            }
        }

        results.Where(r => r.Decision == ScreeningDecision.Block).Select(r => r.Hits[0].EntityName).Distinct().Should().HaveCountGreaterThan(1);
    }
}

[CollectionDefinition(RefreshStressTests.Collection, DisableParallelization = true)]
public sealed class RefreshStressDefinition;
