using FluentAssertions;

namespace VendorScreen.Tests.Audit;

/// <summary>
/// The behaviour every audit and disposition store shares, run against each implementation (in memory, SQLite, PostgreSQL): records
/// come back as written, in order, with increasing sequences; a batch is stored whole; the latest record per subject; the
/// <c>since</c> filter; dispositions added, listed, removed (and kept), and refused when their id repeats.
/// </summary>
public abstract class ScreeningStoreConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    private object? _store;

    protected IScreeningAuditStore Audit => (IScreeningAuditStore)_store!;

    protected IDispositionStore Dispositions => (IDispositionStore)_store!;

    /// <summary>Creates an empty store (a new file, a new schema-less database, ...).</summary>
    protected abstract Task<object> CreateStoreAsync();

    /// <summary>Opens the same store again, as another process or instance would.</summary>
    protected abstract Task<object> ReopenAsync();

    protected virtual Task DisposeStoreAsync(object store) => store is IAsyncDisposable d ? d.DisposeAsync().AsTask() : Task.CompletedTask;

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }

    [SkippableFact]
    public async Task AppendAsync_Batch_ReadBackAsWrittenWithIncreasingSequences()
    {
        var records = new[]
        {
            AuditTestData.Record("s1", ScreeningDecision.Review, T0),
            AuditTestData.Record("s2", ScreeningDecision.Clear, T0, user: null),
        };

        var stored = await Audit.AppendAsync(records);
        var read = await ReadAllAsync(Audit);

        stored.Select(r => r.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.AllSatisfy(s => s.Should().BePositive());
        read.Select(r => r.Sequence).Should().Equal(stored.Select(r => r.Sequence));
        read[0].Subject.Should().Be("id:s1");
        read[0].User.Should().Be("analyst");
        read[1].User.Should().BeNull();
        read[0].RecordedAt.Should().Be(T0);
        read[0].Result.Decision.Should().Be(ScreeningDecision.Review);
        read[0].Result.Request.Should().BeOfType<PartyScreeningRequest>().Which.Name.Should().Be("Supplier s1");
        read[0].Result.Hits.Should().ContainSingle().Which.Evidence!.SourceUrl.Should().Be("https://example.org/list");
        read[0].Datasets.Should().ContainSingle().Which.Sha256.Should().Be(new string('b', 64));
        read[0].Entities.Should().ContainSingle().Which.Lists.Should().Equal(AuditTestData.ListId + "/SUPPLIER-BAN");
        read[0].ToJson().Should().Be(stored[0].ToJson());
    }

    [SkippableFact]
    public async Task AppendAsync_SeveralBatches_KeepsOrderAcrossBatchesAndReopen()
    {
        await Audit.AppendAsync([AuditTestData.Record("a", ScreeningDecision.Clear, T0)]);
        await Audit.AppendAsync([AuditTestData.Record("b", ScreeningDecision.Block, T0.AddMinutes(1)), AuditTestData.Record("c", ScreeningDecision.Review, T0.AddMinutes(1))]);

        var reopened = await ReopenAsync();
        try
        {
            var read = await ReadAllAsync((IScreeningAuditStore)reopened);
            read.Select(r => r.Subject).Should().Equal("id:a", "id:b", "id:c");
        }
        finally
        {
            await DisposeStoreAsync(reopened);
        }
    }

    [SkippableFact]
    public async Task AppendAsync_Empty_StoresNothing()
    {
        var stored = await Audit.AppendAsync([]);

        stored.Should().BeEmpty();
        (await ReadAllAsync(Audit)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task AppendAsync_RecordWithoutSubject_RefusesWholeBatch()
    {
        var bad = AuditTestData.Record("x", ScreeningDecision.Clear, T0) with { Subject = " " };

        var act = async () => await Audit.AppendAsync([AuditTestData.Record("ok", ScreeningDecision.Clear, T0), bad]);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("records[1]");
        (await ReadAllAsync(Audit)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task AppendAsync_CancelledBeforeCommit_StoresNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = async () => await Audit.AppendAsync([AuditTestData.Record("a", ScreeningDecision.Clear, T0)], cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await ReadAllAsync(Audit)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task ReadAsync_Since_ReturnsRecordsAtOrAfterTheMoment()
    {
        await Audit.AppendAsync([AuditTestData.Record("old", ScreeningDecision.Clear, T0.AddDays(-2))]);
        await Audit.AppendAsync([AuditTestData.Record("edge", ScreeningDecision.Clear, T0), AuditTestData.Record("new", ScreeningDecision.Review, T0.AddHours(3))]);

        var read = new List<ScreeningAuditRecord>();
        await foreach (var record in Audit.ReadAsync(T0))
        {
            read.Add(record);
        }

        read.Select(r => r.Subject).Should().Equal("id:edge", "id:new");
    }

    [SkippableFact]
    public async Task ReadAsync_MoreThanOnePage_ReturnsEveryRecordOnce()
    {
        var records = Enumerable.Range(0, 1234).Select(i => AuditTestData.Record("p" + i, ScreeningDecision.Clear, T0)).ToArray();
        await Audit.AppendAsync(records);

        var read = await ReadAllAsync(Audit);

        read.Select(r => r.Subject).Should().Equal(records.Select(r => r.Subject));
    }

    [SkippableFact]
    public async Task ReadLatestAsync_ReturnsTheLastRecordOfEachSubject()
    {
        await Audit.AppendAsync([AuditTestData.Record("a", ScreeningDecision.Clear, T0), AuditTestData.Record("b", ScreeningDecision.Clear, T0)]);
        await Audit.AppendAsync([AuditTestData.Record("a", ScreeningDecision.Block, T0.AddDays(1))]);

        var latest = await Audit.ReadLatestAsync();

        latest.Should().HaveCount(2);
        latest.Single(r => r.Subject == "id:a").Result.Decision.Should().Be(ScreeningDecision.Block);
        latest.Single(r => r.Subject == "id:b").Result.Decision.Should().Be(ScreeningDecision.Clear);
        latest.Select(r => r.Sequence).Should().BeInAscendingOrder();
    }

    [SkippableFact]
    public async Task Dispositions_AddListRemove_KeepsRemovedOnesForTheTrail()
    {
        var expires = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await Dispositions.AddDispositionAsync(AuditTestData.Disposition("d1", expiresAt: expires));
        await Dispositions.AddDispositionAsync(AuditTestData.Disposition("d2", party: "Globex Trading FZE"));

        var standing = await Dispositions.ListDispositionsAsync();
        standing.Select(d => d.Id).Should().Equal("d1", "d2");
        standing[0].ExpiresAt.Should().Be(expires);
        standing[0].Kind.Should().Be(DispositionKind.FalsePositive);
        standing[0].EntityFingerprint.Should().Be(new string('d', 64));

        var removedAt = new DateTimeOffset(2026, 11, 4, 10, 0, 0, TimeSpan.Zero);
        var removed = await Dispositions.RemoveDispositionAsync("d1", "supervisor", removedAt);
        removed!.RemovedBy.Should().Be("supervisor");
        removed.RemovedAt.Should().Be(removedAt);

        (await Dispositions.ListDispositionsAsync()).Select(d => d.Id).Should().Equal("d2");
        var all = await Dispositions.ListDispositionsAsync(includeRemoved: true);
        all.Select(d => d.Id).Should().Equal("d1", "d2");
        all[0].RemovedAt.Should().Be(removedAt);
        all[0].Reason.Should().Be("different company: other country and registration");
    }

    [SkippableFact]
    public async Task RemoveDispositionAsync_UnknownOrRemovedTwice_ReturnsNull()
    {
        await Dispositions.AddDispositionAsync(AuditTestData.Disposition("d1"));
        var now = new DateTimeOffset(2026, 11, 4, 10, 0, 0, TimeSpan.Zero);

        (await Dispositions.RemoveDispositionAsync("nope", "supervisor", now)).Should().BeNull();
        (await Dispositions.RemoveDispositionAsync("d1", "supervisor", now)).Should().NotBeNull();
        (await Dispositions.RemoveDispositionAsync("d1", "supervisor", now)).Should().BeNull();
    }

    [SkippableFact]
    public async Task AddDispositionAsync_SameIdTwice_FailsNamingTheId()
    {
        await Dispositions.AddDispositionAsync(AuditTestData.Disposition("d1"));

        var act = async () => await Dispositions.AddDispositionAsync(AuditTestData.Disposition("d1"));

        (await act.Should().ThrowAsync<ScreeningStoreException>()).Which.Message.Should().Contain("\"d1\"").And.Contain("exists already");
        (await Dispositions.ListDispositionsAsync()).Should().ContainSingle();
    }

    [SkippableFact]
    public async Task AddDispositionAsync_MissingReason_IsRefused()
    {
        var act = async () => await Dispositions.AddDispositionAsync(AuditTestData.Disposition("d1") with { Reason = "" });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Reason");
    }

    [SkippableFact]
    public async Task ConcurrentAppends_FromManyTasks_AllStored()
    {
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Audit.AppendAsync([AuditTestData.Record($"t{t}-{i}", ScreeningDecision.Clear, T0), AuditTestData.Record($"t{t}-{i}b", ScreeningDecision.Clear, T0)]);
            }
        }));

        await Task.WhenAll(tasks);

        var read = await ReadAllAsync(Audit);
        read.Should().HaveCount(80);
        read.Select(r => r.Sequence).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
    }

    protected static async Task<List<ScreeningAuditRecord>> ReadAllAsync(IScreeningAuditStore store)
    {
        var list = new List<ScreeningAuditRecord>();
        await foreach (var record in store.ReadAsync())
        {
            list.Add(record);
        }

        return list;
    }
}

public sealed class InMemoryStoreConformanceTests : ScreeningStoreConformanceTests
{
    private InMemoryScreeningStore? _store;

    protected override Task<object> CreateStoreAsync() => Task.FromResult<object>(_store = new InMemoryScreeningStore());

    protected override Task<object> ReopenAsync() => Task.FromResult<object>(_store!);

    protected override Task DisposeStoreAsync(object store) => Task.CompletedTask;
}

public sealed class SqliteStoreConformanceTests : ScreeningStoreConformanceTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vendorscreen-store-tests", Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_folder, "audit.db");

    protected override Task<object> CreateStoreAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult<object>(SqliteScreeningStore.Open(FilePath));
    }

    protected override Task<object> ReopenAsync() => Task.FromResult<object>(SqliteScreeningStore.Open(FilePath));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

public sealed class PostgreSqlStoreConformanceTests : ScreeningStoreConformanceTests
{
    private string? _schemaConnection;

    protected override async Task<object> CreateStoreAsync()
    {
        _schemaConnection = await PostgresServer.CreateSchemaAsync();
        return await PostgreSqlScreeningStore.OpenAsync(_schemaConnection);
    }

    protected override async Task<object> ReopenAsync() => await PostgreSqlScreeningStore.OpenAsync(_schemaConnection!);

    protected override async Task DisposeStoreAsync(object store)
    {
        if (store is PostgreSqlScreeningStore postgres)
        {
            await postgres.DisposeAsync();
        }
    }
}
