using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace VendorScreen.Tests.Audit;

/// <summary>The library monitor re-screens the stored supplier master when the dataset changes and reports each changed decision
/// with the list change behind it.</summary>
public sealed class ScreeningMonitorTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly SwitchableSource _source = new(AuditTestData.Blocklist("1"));
    private readonly InMemoryScreeningStore _store = new();
    private readonly ScreeningEngine _engine;

    public ScreeningMonitorTests()
    {
        _engine = new ScreeningEngineBuilder { TimeProvider = _clock }
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(_source)
            .Build();
    }

    private static IReadOnlyList<ScreeningRequest> Master =>
    [
        new PartyScreeningRequest("Globex Trading") { Id = "SUP-1" },
        new PartyScreeningRequest("Umbrella Holdings") { Id = "SUP-2" },
        new PartyScreeningRequest("Initrode Widgets") { Id = "SUP-3" },
        new PartyScreeningRequest("Hooli Logistics") { Id = "SUP-4" },
    ];

    [Fact]
    public async Task DatasetChanged_RescreensTheStoredMasterAndRaisesOnePerChangedDecision()
    {
        await _engine.WithAuditTrail(_store, _engine.Datasets, "setup", _clock).ScreenBatchAsync(Master);
        using var monitor = new ScreeningMonitor(_engine, _store, _engine.Datasets, "monitor", _clock);
        var raised = new List<DecisionChange>();
        monitor.DecisionChanged += (_, e) => raised.Add(e.Change);
        monitor.Start();

        // Version 2: Umbrella delisted, Initrode listed, Globex gains an alias (same decision).
        _source.Snapshot = AuditTestData.Blocklist("2", "Globex General Trading") with
        {
            Entities =
            [
                AuditTestData.Blocklist("2", "Globex General Trading").Entities[0],
                new Entity("acme:initrode", EntityKind.Organization, "Initrode Widgets")
                {
                    Names = [new EntityName("Initrode Widgets", NameKind.Primary)],
                    Listings = [new Listing(AuditTestData.ListId) { Program = "SUPPLIER-BAN" }],
                },
            ],
        };
        await _engine.RefreshAsync();
        await monitor.LastRun;

        raised.Select(c => c.Subject).Should().BeEquivalentTo(["id:SUP-2", "id:SUP-3"]);
        var delisted = raised.Single(c => c.Subject == "id:SUP-2");
        delisted.Previous.Should().Be(ScreeningDecision.Block);
        delisted.Result.Decision.Should().Be(ScreeningDecision.Clear);
        delisted.ListChanges.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = ListChange.EntityRemoved, EntityId = "acme:umbrella" });
        var listed = raised.Single(c => c.Subject == "id:SUP-3");
        listed.Previous.Should().Be(ScreeningDecision.Clear);
        listed.Result.Decision.Should().Be(ScreeningDecision.Block);
        listed.ListChanges.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = ListChange.EntityAdded, EntityId = "acme:initrode", EntityName = "Initrode Widgets" });

        var latest = await _store.ReadLatestAsync();
        latest.Should().HaveCount(4).And.AllSatisfy(r => r.User.Should().Be("monitor"));
    }

    [Fact]
    public async Task RescreenAsync_SameDecisionAfterAListChange_NotReported()
    {
        await _engine.WithAuditTrail(_store, _engine.Datasets, null, _clock).ScreenBatchAsync(Master);
        using var monitor = new ScreeningMonitor(_engine, _store, _engine.Datasets, null, _clock);

        _source.Snapshot = AuditTestData.Blocklist("2", "Globex General Trading");
        await _engine.RefreshAsync();
        var changes = await monitor.RescreenAsync(Master);

        changes.Should().BeEmpty("every decision stayed the same");
    }

    [Fact]
    public async Task RescreenAsync_NeverScreenedRow_ReportedWithNoPrevious()
    {
        using var monitor = new ScreeningMonitor(_engine, _store, _engine.Datasets, null, _clock);

        var changes = await monitor.RescreenAsync([new PartyScreeningRequest("Globex Trading") { Id = "NEW" }]);

        changes.Should().ContainSingle().Which.Previous.Should().BeNull();
        (await monitor.RescreenAsync([new PartyScreeningRequest("Globex Trading") { Id = "NEW" }])).Should().BeEmpty("the first run recorded it");
    }

    [Fact]
    public async Task DatasetChanged_HandlerThrows_RescreenCompletesAndRecords()
    {
        await _engine.WithAuditTrail(_store, _engine.Datasets, null, _clock).ScreenBatchAsync(Master);
        using var monitor = new ScreeningMonitor(_engine, _store, _engine.Datasets, null, _clock);
        monitor.DecisionChanged += (_, _) => throw new InvalidOperationException("handler bug");
        monitor.Start();

        _source.Snapshot = AuditTestData.BlocklistWithoutUmbrella("2");
        await _engine.RefreshAsync();
        await monitor.LastRun;

        (await _store.ReadLatestAsync()).Single(r => r.Subject == "id:SUP-2").Result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    public void Dispose() => _engine.Dispose();
}
