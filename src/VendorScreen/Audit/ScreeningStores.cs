namespace VendorScreen;

/// <summary>
/// Where screenings are recorded: an append-only trail of <see cref="ScreeningAuditRecord"/>s. Implementations: the in-memory
/// <see cref="InMemoryScreeningStore"/> (tests), SQLite (<c>VendorScreen.Storage.Sqlite</c>, the embedded default) and PostgreSQL
/// (<c>VendorScreen.Storage.PostgreSql</c>, shared by several service instances).
/// </summary>
/// <remarks>All members are thread-safe for concurrent use, also from several processes where the store is shared. Records are
/// never changed or deleted.</remarks>
public interface IScreeningAuditStore
{
    /// <summary>Appends records in one transaction: after a failure, a cancellation or a killed process none of them is stored,
    /// after success all are.</summary>
    /// <param name="records">The records, in order.</param>
    /// <param name="cancellationToken">A token to cancel before the commit.</param>
    /// <returns>The records as stored, with their <see cref="ScreeningAuditRecord.Sequence"/>.</returns>
    /// <exception cref="ScreeningStoreException">The store cannot be written (locked, corrupt, unreachable); nothing was stored.</exception>
    ValueTask<IReadOnlyList<ScreeningAuditRecord>> AppendAsync(IReadOnlyList<ScreeningAuditRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Reads the records in the order they were stored.</summary>
    /// <param name="since">Only records written at or after this moment; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ScreeningStoreException">The store cannot be read.</exception>
    IAsyncEnumerable<ScreeningAuditRecord> ReadAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest record of every subject (<see cref="ScreeningAuditRecord.Subject"/>): the last recorded screening of
    /// each party or product, which continuous re-screening compares with.</summary>
    /// <param name="cancellationToken">A token to cancel the read.</param>
    /// <returns>One record per subject, in the order of their sequence.</returns>
    /// <exception cref="ScreeningStoreException">The store cannot be read.</exception>
    ValueTask<IReadOnlyList<ScreeningAuditRecord>> ReadLatestAsync(CancellationToken cancellationToken = default);
}

/// <summary>Where analysts' dispositions are kept (<see cref="ScreeningDisposition"/>).</summary>
/// <remarks>All members are thread-safe for concurrent use. A removed disposition is kept, marked removed, for the audit trail.</remarks>
public interface IDispositionStore
{
    /// <summary>Adds a disposition.</summary>
    /// <param name="disposition">The disposition; its id must be new.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>A task that completes when the disposition is stored.</returns>
    /// <exception cref="ScreeningStoreException">The id exists already, or the store cannot be written.</exception>
    ValueTask AddDispositionAsync(ScreeningDisposition disposition, CancellationToken cancellationToken = default);

    /// <summary>Lists dispositions in the order they were decided.</summary>
    /// <param name="includeRemoved">Whether removed dispositions are listed too.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>The dispositions (expired ones included: expiry is judged at screening time).</returns>
    /// <exception cref="ScreeningStoreException">The store cannot be read.</exception>
    ValueTask<IReadOnlyList<ScreeningDisposition>> ListDispositionsAsync(bool includeRemoved = false, CancellationToken cancellationToken = default);

    /// <summary>Marks a disposition removed; it no longer applies, and stays listed with <c>includeRemoved</c>.</summary>
    /// <param name="id">The disposition id.</param>
    /// <param name="removedBy">Who removes it.</param>
    /// <param name="removedAt">When.</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>The removed disposition, or <see langword="null"/> when no standing disposition has the id.</returns>
    /// <exception cref="ScreeningStoreException">The store cannot be written.</exception>
    ValueTask<ScreeningDisposition?> RemoveDispositionAsync(string id, string removedBy, DateTimeOffset removedAt, CancellationToken cancellationToken = default);
}

/// <summary>A screening store could not be opened, read or written: a corrupt or locked file, a newer schema, an unreachable server,
/// a duplicate id. The message names the store (file or server and database) and the problem; nothing half-written is left.</summary>
public class ScreeningStoreException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ScreeningStoreException"/> class.</summary>
    public ScreeningStoreException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningStoreException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ScreeningStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScreeningStoreException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScreeningStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
