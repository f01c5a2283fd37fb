using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Audit;

/// <summary>The audit trail decorator records every screening with its evidence, list versions and hashes, and fails closed.</summary>
public sealed class AuditTrailTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryScreeningStore _store = new();
    private readonly ScreeningEngine _engine;

    public AuditTrailTests()
    {
        _engine = new ScreeningEngineBuilder { TimeProvider = _clock }
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new InMemorySanctionListSource(AuditTestData.Blocklist("7")))
            .Build();
    }

    [Fact]
    public async Task ScreenBatchAsync_RecordsEveryResultWithDatasetsEntitiesAndUser()
    {
        var audited = _engine.WithAuditTrail(_store, _engine.Datasets, "j.doe", _clock);

        var batch = await audited.ScreenBatchAsync([new PartyScreeningRequest("Globex Trading") { Id = "A" }, new PartyScreeningRequest("Initech") { Id = "B" }]);

        var records = await ReadAllAsync();
        records.Should().HaveCount(2);
        records.Select(r => r.Subject).Should().Equal("id:A", "id:B");
        records.Should().AllSatisfy(r =>
        {
            r.User.Should().Be("j.doe");
            r.RecordedAt.Should().Be(_clock.GetUtcNow());
            r.LibraryVersion.Should().NotBeNullOrEmpty();
            r.Datasets.Should().ContainSingle().Which.Should().BeEquivalentTo(new { SourceName = "acme", Version = "7", Sha256 = new string('a', 64), Entities = 2 });
        });
        records[0].Result.Should().BeSameAs(batch.Results[0]);
        records[0].Result.Decision.Should().Be(ScreeningDecision.Block);
        records[0].Entities.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = "acme:globex",
            Name = "Globex Trading",
            Fingerprint = ScreeningDisposition.Fingerprint(_engine.Dataset!.FindEntity("acme:globex")!),
        });
        records[1].Result.Decision.Should().Be(ScreeningDecision.Clear);
        records[1].Entities.Should().BeEmpty();
    }

    [Fact]
    public async Task Record_JsonRoundTrip_KeepsRequestHitsAndEvidence()
    {
        var audited = _engine.WithAuditTrail(_store, _engine.Datasets, "j.doe", _clock);
        await audited.ScreenAsync(new PartyScreeningRequest("Globex Trading") { Id = "A", Country = "AE" });
        var record = (await ReadAllAsync()).Single();

        var json = record.ToJson();
        var back = ScreeningAuditRecord.FromJson(json);

        json.Should().NotContain("\n");
        back.ToJson().Should().Be(json);
        back.Result.Request.Should().BeOfType<PartyScreeningRequest>().Which.Country.Should().Be("AE");
        back.Result.Hits.Should().ContainSingle().Which.Listings.Should().ContainSingle().Which.Program.Should().Be("SUPPLIER-BAN");
    }

    [Fact]
    public async Task ScreenStreamAsync_RecordsBeforeYielding()
    {
        var audited = _engine.WithAuditTrail(_store, _engine.Datasets, null, _clock);
        var requests = Enumerable.Range(0, 300).Select(i => new PartyScreeningRequest("Supplier " + i) { Id = "S" + i });

        var seen = 0;
        await foreach (var result in audited.ScreenStreamAsync(requests))
        {
            seen++;
            (await ReadAllAsync()).Should().Contain(r => r.Subject == "id:" + result.RequestId, "a result is returned only once it is stored");
        }

        seen.Should().Be(300);
        (await ReadAllAsync()).Should().HaveCount(300);
    }

    [Fact]
    public async Task ScreenAsync_StoreFails_ThrowsAndReturnsNoResult()
    {
        var audited = _engine.WithAuditTrail(new FailingStore(), _engine.Datasets, null, _clock);

        var act = async () => await audited.ScreenAsync(new PartyScreeningRequest("Globex Trading"));

        (await act.Should().ThrowAsync<ScreeningStoreException>()).Which.Message.Should().Contain("disk is full");
    }

    [Fact]
    public void SubjectOf_WithoutId_IsStableAndIgnoresAsOf()
    {
        var a = new PartyScreeningRequest("Globex Trading") { Country = "AE", AsOf = new DateOnly(2020, 1, 1) };
        var b = a with { AsOf = new DateOnly(2026, 1, 1) };
        var c = a with { Country = "DE" };

        ScreeningAuditRecord.SubjectOf(a).Should().Be(ScreeningAuditRecord.SubjectOf(b)).And.StartWith("request:");
        ScreeningAuditRecord.SubjectOf(c).Should().NotBe(ScreeningAuditRecord.SubjectOf(a));
        ScreeningAuditRecord.SubjectOf(a with { Id = " 42 " }).Should().Be("id:42");
    }

    private async Task<List<ScreeningAuditRecord>> ReadAllAsync()
    {
        var list = new List<ScreeningAuditRecord>();
        await foreach (var record in _store.ReadAsync())
        {
            list.Add(record);
        }

        return list;
    }

    public void Dispose() => _engine.Dispose();

    private sealed class FailingStore : IScreeningAuditStore
    {
        public ValueTask<IReadOnlyList<ScreeningAuditRecord>> AppendAsync(IReadOnlyList<ScreeningAuditRecord> records, CancellationToken cancellationToken = default) =>
            throw new ScreeningStoreException("audit store test.db: cannot append audit records: the disk is full; nothing was written");

        public IAsyncEnumerable<ScreeningAuditRecord> ReadAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<ScreeningAuditRecord>> ReadLatestAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
