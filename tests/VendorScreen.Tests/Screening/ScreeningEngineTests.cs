using FluentAssertions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Screening;

public sealed class ScreeningEngineTests
{
    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new ScreeningEngineBuilder();
        using var engine = builder.Build();

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Build_InvalidOptions_ListsEveryProblem()
    {
        var act = () => new ScreeningEngineBuilder().Configure(o =>
        {
            o.ReviewThreshold = -1;
            o.MaxPathDepth = 99;
            o.MaxSourceAge = TimeSpan.Zero;
        }).Build();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(3);
    }

    [Fact]
    public async Task ScreenAsync_SourceNeverLoaded_IsIncompleteNotClear()
    {
        using var engine = new ScreeningEngineBuilder().AddSource(new FailingSource()).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Axis Communications AB"));

        result.Decision.Should().Be(ScreeningDecision.Incomplete);
        result.DecidingRule.Should().Be("source-unusable");
        result.Reason.Should().Contain("broken");
        result.Sources.Should().Contain(s => s.SourceName == "broken" && !s.IsUsable);
    }

    [Fact]
    public async Task ScreenAsync_SourceNeverLoaded_StillBlocksOnWhatDidLoad()
    {
        using var engine = new ScreeningEngineBuilder().AddSource(new FailingSource()).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"));

        result.Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenAsync_SourceOlderThanMaxAge_IsIncomplete()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var snapshot = new ListSnapshot("feed", "v1") { FetchedAt = clock.GetUtcNow() };
        using var engine = new ScreeningEngineBuilder { TimeProvider = clock }
            .Configure(o =>
            {
                o.MaxSourceAge = TimeSpan.FromHours(36);
                o.SourcesAllowedEmpty.Add("feed");
            })
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();

        (await engine.ScreenAsync(ScreeningRequest.ForParty("Axis"))).Decision.Should().Be(ScreeningDecision.Clear);
        clock.Advance(TimeSpan.FromHours(37));
        await engine.RefreshAsync();

        (await engine.ScreenAsync(ScreeningRequest.ForParty("Axis"))).Decision.Should().Be(ScreeningDecision.Incomplete);
    }

    [Fact]
    public async Task RefreshAsync_FailingRefresh_KeepsLastGoodSnapshotAndSaysSo()
    {
        var source = new FlakySource();
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(source).Build();
        await engine.RefreshAsync();

        source.Fail = true;
        var statuses = await engine.RefreshAsync();
        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Contoso Optics"));

        statuses.Single().IsUsable.Should().BeTrue();
        statuses.Single().Error.Should().Contain("serving version v1");
        result.Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenBatchAsync_KeepsOrderAndUsesTheTimeProviderForAsOf()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero));
        using var engine = new ScreeningEngineBuilder { TimeProvider = clock }.Build();

        var batch = await engine.ScreenBatchAsync(
        [
            ScreeningRequest.ForParty("Axis Communications AB") with { Id = "1" },
            ScreeningRequest.ForProduct() with { Id = "2", Brand = "Lorex" },
            ScreeningRequest.ForParty("Sepura") with { Id = "3" },
        ]);

        batch.Results.Select(r => r.RequestId).Should().Equal("1", "2", "3");
        batch.Results.Select(r => r.Decision).Should().Equal(ScreeningDecision.Clear, ScreeningDecision.Block, ScreeningDecision.Block);
        batch.Results[1].AsOf.Should().Be(new DateOnly(2021, 6, 1));
        batch.MostSevere.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenAsync_ConcurrentCalls_GiveTheSameAnswers()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        var names = new[] { "Hikvision", "Axis Communications", "Dahua Technology", "Imou", "Motorola Solutions" };

        var expected = new Dictionary<string, (ScreeningDecision, string)>();
        foreach (var name in names)
        {
            var r = await engine.ScreenAsync(ScreeningRequest.ForParty(name));
            expected[name] = (r.Decision, r.Reason);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => engine.ScreenAsync(ScreeningRequest.ForParty(names[i % names.Length]) with { Id = names[i % names.Length] }).AsTask()));

        results.Should().OnlyContain(r => expected[r.RequestId!].Equals(ValueTuple.Create(r.Decision, r.Reason)));
        expected.Values.Select(v => v.Item1).Should().Contain([ScreeningDecision.Block, ScreeningDecision.Clear]);
    }

    [Fact]
    public async Task ScreenAsync_PartyIdentifier_MatchesTheRightValueExactly()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Unnamed supplier") with
        {
            Identifiers = [new EntityIdentifier(IdentifierSchemes.StockCode, "0763.HK")],
        });

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].Field.Should().Be("identifier");
        result.Hits[0].MatchedName.Should().Be("stock-code:0763.HK");
    }

    [Fact]
    public void EnsureNotBlocked_BlockedResult_Throws()
    {
        var result = new ScreeningResult { Decision = ScreeningDecision.Block, Reason = "r", DatasetVersion = "d", Algorithm = "a", Policy = "p" };

        result.Invoking(r => r.EnsureNotBlocked()).Should().Throw<ScreeningBlockedException>().Which.Result.Should().BeSameAs(result);
        (result with { Decision = ScreeningDecision.Review }).EnsureNotBlocked().Decision.Should().Be(ScreeningDecision.Review);
    }

    private sealed class FailingSource : ISanctionListSource
    {
        public string Name => "broken";

        public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default) =>
            throw new SanctionListSourceException(Name, "https://example.invalid/list.csv", "HTTP 500");
    }

    private sealed class FlakySource : ISanctionListSource
    {
        public bool Fail { get; set; }

        public string Name => "flaky";

        public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default) => Fail
            ? throw new SanctionListSourceException(Name, null, "truncated body")
            : ValueTask.FromResult(new ListSnapshot(Name, "v1")
            {
                Entities = [new Entity("flaky:1", EntityKind.Organization, "Contoso Optics") { Listings = [new Listing("erp-ban")] }],
                Lists = [new ListDefinition("erp-ban", "ERP bans", ListCategory.Custom)],
            });
    }
}
