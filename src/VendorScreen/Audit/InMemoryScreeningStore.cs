using System.Runtime.CompilerServices;

namespace VendorScreen;

/// <summary>An audit trail and disposition store held in memory, for tests and short-lived tools: everything is lost with the
/// instance. For a store that lasts, use <c>VendorScreen.Storage.Sqlite</c> or <c>VendorScreen.Storage.PostgreSql</c>.</summary>
/// <remarks>All members are thread-safe for concurrent use.</remarks>
public sealed class InMemoryScreeningStore : IScreeningAuditStore, IDispositionStore
{
    private readonly object _gate = new();
    private readonly List<ScreeningAuditRecord> _records = [];
    private readonly List<ScreeningDisposition> _dispositions = [];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScreeningAuditRecord>> AppendAsync(IReadOnlyList<ScreeningAuditRecord> records, CancellationToken cancellationToken = default)
    {
        Audit.StoreChecks.Append(records, cancellationToken);
        lock (_gate)
        {
            var stored = new ScreeningAuditRecord[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                stored[i] = records[i] with { Sequence = _records.Count + 1 };
                _records.Add(stored[i]);
            }

            return new(stored);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ScreeningAuditRecord> ReadAsync(DateTimeOffset? since = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ScreeningAuditRecord[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _records];
        }

        foreach (var record in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (since is null || record.RecordedAt >= since)
            {
                yield return record;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScreeningAuditRecord>> ReadLatestAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ScreeningAuditRecord> latest = _records
                .GroupBy(r => r.Subject, StringComparer.Ordinal)
                .Select(g => g.Last())
                .OrderBy(r => r.Sequence)
                .ToArray();
            return new(latest);
        }
    }

    /// <inheritdoc />
    public ValueTask AddDispositionAsync(ScreeningDisposition disposition, CancellationToken cancellationToken = default)
    {
        Audit.StoreChecks.Add(disposition, cancellationToken);
        lock (_gate)
        {
            if (_dispositions.Exists(d => string.Equals(d.Id, disposition.Id, StringComparison.Ordinal)))
            {
                throw new ScreeningStoreException($"in-memory store: a disposition with id \"{disposition.Id}\" exists already.");
            }

            _dispositions.Add(disposition with { RemovedAt = null, RemovedBy = null });
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ScreeningDisposition>> ListDispositionsAsync(bool includeRemoved = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ScreeningDisposition> list = _dispositions.Where(d => includeRemoved || d.RemovedAt is null).ToArray();
            return new(list);
        }
    }

    /// <inheritdoc />
    public ValueTask<ScreeningDisposition?> RemoveDispositionAsync(string id, string removedBy, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(removedBy);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var index = _dispositions.FindIndex(d => string.Equals(d.Id, id, StringComparison.Ordinal) && d.RemovedAt is null);
            if (index < 0)
            {
                return new((ScreeningDisposition?)null);
            }

            _dispositions[index] = _dispositions[index] with { RemovedAt = removedAt, RemovedBy = removedBy.Trim() };
            return new(_dispositions[index]);
        }
    }
}
