namespace VendorScreen.Audit;

/// <summary>The checks every store makes before writing, so that all stores refuse the same input the same way.</summary>
internal static class StoreChecks
{
    /// <summary>Checks the arguments of an append: the list, each record (<see cref="Records"/>) and the token.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is unusable; the message names its position.</exception>
    /// <exception cref="OperationCanceledException">The token is cancelled.</exception>
    public static void Append(IReadOnlyList<ScreeningAuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        Records(records);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Checks the arguments of adding a disposition: the disposition (<see cref="Disposition"/>) and the token.</summary>
    /// <param name="disposition">The disposition.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="disposition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A required field is empty; the message names it.</exception>
    /// <exception cref="OperationCanceledException">The token is cancelled.</exception>
    public static void Add(ScreeningDisposition disposition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(disposition);
        Disposition(disposition);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Refuses a store whose schema a newer version of the library wrote.</summary>
    /// <param name="store">The store, for the message.</param>
    /// <param name="current">The store's schema version.</param>
    /// <param name="supported">The newest schema version this library reads.</param>
    /// <exception cref="ScreeningStoreException"><paramref name="current"/> is newer than <paramref name="supported"/>.</exception>
    public static void SchemaVersion(string store, int current, int supported)
    {
        if (current > supported)
        {
            throw new ScreeningStoreException($"audit store {store}: schema version {current} was written by a newer VendorScreen (this one reads up to {supported}); upgrade the library.");
        }
    }

    /// <summary>Checks records to append: none <see langword="null"/>, each with a subject and a result that carries its request.</summary>
    /// <param name="records">The records.</param>
    /// <exception cref="ArgumentException">A record is unusable; the message names its position.</exception>
    public static void Records(IReadOnlyList<ScreeningAuditRecord> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record is null || string.IsNullOrWhiteSpace(record.Subject) || record.Result is null)
            {
                throw new ArgumentException($"records[{i}] is null or has no subject or result.", nameof(records));
            }
        }
    }

    /// <summary>Checks a disposition to add.</summary>
    /// <param name="disposition">The disposition.</param>
    /// <exception cref="ArgumentException">A required field is empty; the message names it.</exception>
    public static void Disposition(ScreeningDisposition disposition)
    {
        static void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"The disposition's {field} is empty.", nameof(disposition));
            }
        }

        Require(disposition.Id, nameof(disposition.Id));
        Require(disposition.Party, nameof(disposition.Party));
        Require(disposition.EntityId, nameof(disposition.EntityId));
        Require(disposition.DecidedBy, nameof(disposition.DecidedBy));
        Require(disposition.Reason, nameof(disposition.Reason));
        Require(disposition.EntityFingerprint, nameof(disposition.EntityFingerprint));
    }
}
