using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using VendorScreen.Audit;

namespace VendorScreen;

/// <summary>
/// The audit trail and dispositions in one SQLite file: the embedded default store. The file is created and migrated to the current
/// schema on <see cref="Open"/> (a <c>schema_version</c> table records each step); it runs in WAL mode with full synchronisation, so
/// several processes can read and write it at once and a committed record survives a killed process. Each append is one
/// transaction, so a killed process leaves no partial batch. Audit records are append-only: triggers refuse any update or delete.
/// </summary>
/// <remarks>All members are thread-safe for concurrent use; each call uses its own pooled connection. A file locked by another
/// writer for longer than the busy timeout, a corrupt file, a file that is not a VendorScreen store or one written by a newer
/// version fails with a <see cref="ScreeningStoreException"/> that names the file; nothing is written then.</remarks>
public sealed class SqliteScreeningStore : IScreeningAuditStore, IDispositionStore
{
    /// <summary>The schema version this library writes.</summary>
    public const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    private SqliteScreeningStore(string path, TimeSpan busyTimeout)
    {
        FilePath = path;
        _busyTimeoutMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>Gets the full path of the store file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a store file, creating it and its folder-less schema when it does not exist and migrating an older schema.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="busyTimeout">How long a write waits for another process's write to finish; <see langword="null"/> for 10 seconds.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="busyTimeout"/> is negative.</exception>
    /// <exception cref="ScreeningStoreException">The file cannot be opened or migrated: not a database, corrupt, locked, written by a
    /// newer version, or its folder is missing.</exception>
    public static SqliteScreeningStore Open(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(10);
        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentException("The busy timeout must not be negative.", nameof(busyTimeout));
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ScreeningStoreException($"audit store {full}: is a folder, not a file.");
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new ScreeningStoreException($"audit store {full}: the folder {folder} does not exist.");
        }

        var store = new SqliteScreeningStore(full, timeout);
        store.Migrate();
        return store;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ScreeningAuditRecord>> AppendAsync(IReadOnlyList<ScreeningAuditRecord> records, CancellationToken cancellationToken = default)
    {
        StoreChecks.Append(records, cancellationToken);
        if (records.Count == 0)
        {
            return [];
        }

        return await Task.Run(() => Run("append audit records", connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO audit_records (batch_id, batch_size, subject, recorded_at, recorded_at_ticks, decision, user_name, dataset_version, record)
                VALUES ($batch, $size, $subject, $recorded, $ticks, $decision, $user, $dataset, $record);
                SELECT last_insert_rowid();
                """;
            var batch = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
            var stored = new ScreeningAuditRecord[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var record = records[i] with { Sequence = 0 };
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$batch", batch);
                insert.Parameters.AddWithValue("$size", records.Count);
                insert.Parameters.AddWithValue("$subject", record.Subject);
                insert.Parameters.AddWithValue("$recorded", record.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue("$ticks", record.RecordedAt.UtcTicks);
                insert.Parameters.AddWithValue("$decision", record.Result.Decision.ToString());
                insert.Parameters.AddWithValue("$user", (object?)record.User ?? DBNull.Value);
                insert.Parameters.AddWithValue("$dataset", record.Result.DatasetVersion);
                insert.Parameters.AddWithValue("$record", record.ToJson());
                var sequence = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
                stored[i] = record with { Sequence = sequence };
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return (IReadOnlyList<ScreeningAuditRecord>)stored;
        }), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ScreeningAuditRecord> ReadAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        StoreRows.ReadPagesAsync((after, token) => Task.Run(() => Run("read audit records", connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = since is null
                ? "SELECT seq, record FROM audit_records WHERE seq > $after ORDER BY seq LIMIT $page"
                : "SELECT seq, record FROM audit_records WHERE seq > $after AND recorded_at_ticks >= $since ORDER BY seq LIMIT $page";
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$page", StoreRows.PageSize);
            if (since is { } s)
            {
                command.Parameters.AddWithValue("$since", s.UtcTicks);
            }

            return ReadRecords(command);
        }), token), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ScreeningAuditRecord>> ReadLatestAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Task.Run(() => Run("read the latest audit records", connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, record FROM audit_records WHERE seq IN (SELECT MAX(seq) FROM audit_records GROUP BY subject) ORDER BY seq";
            return (IReadOnlyList<ScreeningAuditRecord>)ReadRecords(command);
        }), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask AddDispositionAsync(ScreeningDisposition disposition, CancellationToken cancellationToken = default)
    {
        StoreChecks.Add(disposition, cancellationToken);
        var standing = disposition with { RemovedAt = null, RemovedBy = null };
        await Task.Run(() => Run("add a disposition", connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO dispositions (id, party, entity_id, kind, decided_by, reason, decided_at, expires_at, entity_fingerprint, record)
                VALUES ($id, $party, $entity, $kind, $by, $reason, $at, $expires, $fingerprint, $record)
                """;
            command.Parameters.AddWithValue("$id", standing.Id);
            command.Parameters.AddWithValue("$party", standing.Party);
            command.Parameters.AddWithValue("$entity", standing.EntityId);
            command.Parameters.AddWithValue("$kind", standing.Kind.ToString());
            command.Parameters.AddWithValue("$by", standing.DecidedBy);
            command.Parameters.AddWithValue("$reason", standing.Reason);
            command.Parameters.AddWithValue("$at", standing.DecidedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$expires", standing.ExpiresAt is { } e ? e.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
            command.Parameters.AddWithValue("$fingerprint", standing.EntityFingerprint);
            command.Parameters.AddWithValue("$record", JsonSerializer.Serialize(standing, AuditJsonContext.Default.ScreeningDisposition));
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                throw new ScreeningStoreException($"audit store {FilePath}: a disposition with id \"{standing.Id}\" exists already.", ex);
            }

            return 0;
        }), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ScreeningDisposition>> ListDispositionsAsync(bool includeRemoved = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Task.Run(() => Run("list dispositions", connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = includeRemoved
                ? "SELECT record, removed_at, removed_by FROM dispositions ORDER BY rowid"
                : "SELECT record, removed_at, removed_by FROM dispositions WHERE removed_at IS NULL ORDER BY rowid";
            return (IReadOnlyList<ScreeningDisposition>)ReadDispositions(command);
        }), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ScreeningDisposition?> RemoveDispositionAsync(string id, string removedBy, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(removedBy);
        cancellationToken.ThrowIfCancellationRequested();
        return await Task.Run(() => Run("remove a disposition", connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE dispositions SET removed_at = $at, removed_by = $by WHERE id = $id AND removed_at IS NULL";
            update.Parameters.AddWithValue("$at", removedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            update.Parameters.AddWithValue("$by", removedBy.Trim());
            update.Parameters.AddWithValue("$id", id);
            if (update.ExecuteNonQuery() == 0)
            {
                return null;
            }

            using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = "SELECT record, removed_at, removed_by FROM dispositions WHERE id = $id";
            select.Parameters.AddWithValue("$id", id);
            var removed = ReadDispositions(select).Single();
            transaction.Commit();
            return removed;
        }), cancellationToken).ConfigureAwait(false);
    }

    private List<ScreeningAuditRecord> ReadRecords(SqliteCommand command)
    {
        var list = new List<ScreeningAuditRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(StoreRows.Record(FilePath, reader.GetInt64(0), reader.GetString(1)));
        }

        return list;
    }

    private List<ScreeningDisposition> ReadDispositions(SqliteCommand command)
    {
        var list = new List<ScreeningDisposition>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(StoreRows.Disposition(
                FilePath,
                reader.GetString(0),
                reader.IsDBNull(1) ? null : DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return list;
    }

    /// <summary>Creates the schema or migrates it to <see cref="SchemaVersion"/>, in one immediate transaction.</summary>
    private void Migrate() => Run("open", connection =>
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(wal.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new ScreeningStoreException($"audit store {FilePath}: cannot switch the file to WAL mode (journal mode is {mode}).");
            }
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count > 0 && !tables.Contains("schema_version"))
        {
            throw new ScreeningStoreException($"audit store {FilePath}: the file is an SQLite database but not a VendorScreen store (it has no schema_version table).");
        }

        command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL); SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        StoreChecks.SchemaVersion(FilePath, current, SchemaVersion);

        for (var version = current + 1; version <= SchemaVersion; version++)
        {
            command.CommandText = Migrations[version - 1];
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$v", version);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return 0;
    });

    /// <summary>The schema steps; step <c>n</c> takes the schema from version <c>n - 1</c> to <c>n</c>. Never edit a released step: add one.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE audit_records (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            batch_id TEXT NOT NULL,
            batch_size INTEGER NOT NULL,
            subject TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_at_ticks INTEGER NOT NULL,
            decision TEXT NOT NULL,
            user_name TEXT,
            dataset_version TEXT NOT NULL,
            record TEXT NOT NULL);
        CREATE INDEX audit_records_subject ON audit_records (subject, seq);
        CREATE INDEX audit_records_recorded ON audit_records (recorded_at_ticks);
        CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
        CREATE TABLE dispositions (
            id TEXT NOT NULL PRIMARY KEY,
            party TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            expires_at TEXT,
            entity_fingerprint TEXT NOT NULL,
            record TEXT NOT NULL,
            removed_at TEXT,
            removed_by TEXT);
        CREATE INDEX dispositions_entity ON dispositions (entity_id);
        CREATE TRIGGER dispositions_no_delete BEFORE DELETE ON dispositions
            BEGIN SELECT RAISE(ABORT, 'dispositions are kept; remove one by marking it removed'); END;
        CREATE TRIGGER dispositions_no_edit BEFORE UPDATE OF id, party, entity_id, kind, decided_by, reason, decided_at, expires_at, entity_fingerprint, record ON dispositions
            BEGIN SELECT RAISE(ABORT, 'a disposition is never edited; remove it and add another'); END;
        CREATE TRIGGER dispositions_remove_once BEFORE UPDATE OF removed_at, removed_by ON dispositions WHEN OLD.removed_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'the disposition was removed already'); END;
        """,
    ];

    /// <summary>Runs work on an open connection, turning SQLite failures into a <see cref="ScreeningStoreException"/> that names the
    /// file and the problem.</summary>
    private T Run<T>(string what, Func<SqliteConnection, T> work)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
                pragma.ExecuteNonQuery();
            }

            return work(connection);
        }
        catch (SqliteException ex)
        {
            throw new ScreeningStoreException($"audit store {FilePath}: cannot {what}: {Describe(ex)}", ex);
        }
    }

    private string Describe(SqliteException ex) => ex.SqliteErrorCode switch
    {
        5 or 6 => string.Create(CultureInfo.InvariantCulture, $"the file is locked by another connection or process (waited {_busyTimeoutMs / 1000.0:0.#} s); nothing was written"),
        11 => "the file is corrupt (SQLite reports a malformed database); nothing was written",
        26 => "the file is not an SQLite database (corrupt, or another kind of file)",
        8 => "the file is read-only",
        14 => "the file cannot be opened (check the path and permissions)",
        13 => "the disk is full; nothing was written",
        _ => ex.Message,
    };
}
