using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace VendorScreen.Tests.Audit;

/// <summary>A false-positive disposition suppresses its hit on re-screen, visibly, and stops when the entry changes, the disposition
/// expires or it is removed.</summary>
public sealed class DispositionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly SwitchableSource _source = new(AuditTestData.Blocklist("1"));
    private readonly InMemoryScreeningStore _store = new();
    private readonly ScreeningEngine _engine;

    public DispositionTests()
    {
        _engine = new ScreeningEngineBuilder { TimeProvider = _clock }
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(_source)
            .Build();
    }

    private IScreeningEngine Screening => _engine.WithDispositions(_store, _engine.Datasets, _clock);

    private static PartyScreeningRequest Globex => new("Globex Trading") { Id = "SUP-1" };

    [Fact]
    public async Task ScreenAsync_FalsePositiveDisposition_SuppressesTheHitAndSaysWhich()
    {
        var before = await Screening.ScreenAsync(Globex);
        before.Decision.Should().Be(ScreeningDecision.Block, "the name is on the blocklist (a sanctions-category list)");
        var disposition = await AddAsync(expiresAt: null);

        var after = await Screening.ScreenAsync(Globex);

        after.Decision.Should().Be(ScreeningDecision.Clear);
        after.Hits.Should().BeEmpty();
        var suppressed = after.Suppressed.Should().ContainSingle().Subject;
        suppressed.Hit.ListedEntityId.Should().Be("acme:globex");
        suppressed.Disposition.Id.Should().Be(disposition.Id);
        after.Reason.Should().Contain("suppressed as false positive by disposition " + disposition.Id);
    }

    [Fact]
    public async Task ScreenAsync_EntryChangedSinceTheDisposition_HitIsBack()
    {
        await AddAsync(expiresAt: null);
        _source.Snapshot = AuditTestData.Blocklist("2", "Globex General Trading LLC");
        await _engine.RefreshAsync();

        var after = await Screening.ScreenAsync(Globex);

        after.Decision.Should().Be(ScreeningDecision.Block);
        after.Suppressed.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenAsync_NewVersionWithTheSameEntry_StillSuppressed()
    {
        await AddAsync(expiresAt: null);
        _source.Snapshot = AuditTestData.Blocklist("2");
        await _engine.RefreshAsync();

        var after = await Screening.ScreenAsync(Globex);

        after.Decision.Should().Be(ScreeningDecision.Clear);
        after.Suppressed.Should().ContainSingle();
    }

    [Fact]
    public async Task ScreenAsync_DispositionExpired_HitIsBack()
    {
        await AddAsync(expiresAt: _clock.GetUtcNow().AddDays(30));
        (await Screening.ScreenAsync(Globex)).Decision.Should().Be(ScreeningDecision.Clear);

        _clock.Advance(TimeSpan.FromDays(30));
        var after = await Screening.ScreenAsync(Globex);

        after.Decision.Should().Be(ScreeningDecision.Block);
        after.Suppressed.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenAsync_DispositionRemoved_HitIsBack()
    {
        var disposition = await AddAsync(expiresAt: null);
        await _store.RemoveDispositionAsync(disposition.Id, "supervisor", _clock.GetUtcNow());

        (await Screening.ScreenAsync(Globex)).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenAsync_OtherParty_NotSuppressed()
    {
        await AddAsync(expiresAt: null);

        var other = await Screening.ScreenAsync(new PartyScreeningRequest("Globex Trading") { Id = "SUP-2", Aliases = ["Globex Trading Co"] } with { });
        var byName = await Screening.ScreenAsync(new PartyScreeningRequest("GLOBEX  trading"));

        other.Decision.Should().Be(ScreeningDecision.Clear, "the disposition names the party by its screened name, which this row shares");
        byName.Decision.Should().Be(ScreeningDecision.Clear, "party names compare ignoring case and spacing");
        var unrelated = await Screening.ScreenAsync(new PartyScreeningRequest("Umbrella Holdings"));
        unrelated.Decision.Should().Be(ScreeningDecision.Block);
        unrelated.Suppressed.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenAsync_DispositionForAnotherRequestId_NotSuppressed()
    {
        var entity = await GlobexAsync();
        await _store.AddDispositionAsync(ScreeningDisposition.Create("SUP-9", entity, DispositionKind.FalsePositive, "analyst", "checked", _clock.GetUtcNow()));

        (await Screening.ScreenAsync(Globex)).Decision.Should().Be(ScreeningDecision.Block);
        (await Screening.ScreenAsync(Globex with { Id = "SUP-9" })).Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_TrueMatchDisposition_KeepsTheHit()
    {
        var entity = await GlobexAsync();
        await _store.AddDispositionAsync(ScreeningDisposition.Create("SUP-1", entity, DispositionKind.TrueMatch, "analyst", "same registration number", _clock.GetUtcNow()));

        var result = await Screening.ScreenAsync(Globex);

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Suppressed.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenBatchAsync_AppliesDispositionsToEveryResult()
    {
        await AddAsync(expiresAt: null);

        var batch = await Screening.ScreenBatchAsync([Globex, new PartyScreeningRequest("Umbrella Holdings") { Id = "SUP-3" }]);

        batch.Results.Select(r => r.Decision).Should().Equal(ScreeningDecision.Clear, ScreeningDecision.Block);
    }

    [Fact]
    public void Fingerprint_IgnoresOrderButNotContent()
    {
        var a = new Entity("x:1", EntityKind.Organization, "A") { Names = [new("A", NameKind.Primary), new("B", NameKind.Alias)], Listings = [new Listing("l") { Program = "P" }] };
        var reordered = a with { Names = [new("B", NameKind.Alias), new("A", NameKind.Primary)] };
        var newProgram = a with { Listings = [new Listing("l") { Program = "Q" }] };

        ScreeningDisposition.Fingerprint(reordered).Should().Be(ScreeningDisposition.Fingerprint(a));
        ScreeningDisposition.Fingerprint(newProgram).Should().NotBe(ScreeningDisposition.Fingerprint(a));
        ScreeningDisposition.Fingerprint(a).Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Create_ExpiryNotAfterDecision_Throws()
    {
        var entity = new Entity("x:1", EntityKind.Organization, "A");
        var now = _clock.GetUtcNow();

        var act = () => ScreeningDisposition.Create("p", entity, DispositionKind.FalsePositive, "a", "r", now, now);

        act.Should().Throw<ArgumentException>().WithParameterName("expiresAt");
    }

    private async Task<Entity> GlobexAsync() => (await _engine.Datasets.GetCurrentAsync()).Dataset.FindEntity("acme:globex")!;

    private async Task<ScreeningDisposition> AddAsync(DateTimeOffset? expiresAt)
    {
        var entity = await GlobexAsync();
        var disposition = ScreeningDisposition.Create("Globex Trading", entity, DispositionKind.FalsePositive, "analyst", "different company: Dubai free-zone registration differs", _clock.GetUtcNow(), expiresAt);
        await _store.AddDispositionAsync(disposition);
        return disposition;
    }

    public void Dispose() => _engine.Dispose();
}
