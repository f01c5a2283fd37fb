using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using VendorScreen.Audit;

namespace VendorScreen;

/// <summary>
/// The audit trail and dispositions in a PostgreSQL database, shared by several service instances (each a stateless screener with its
/// own index snapshot). The schema is created and migrated on <see cref="OpenAsync"/> under an advisory lock, so instances that start
/// together migrate once; a <c>vendorscreen_schema_version</c> table records each step. Each append is one transaction; audit records
/// are append-only (triggers refuse any update or delete). The semantics are those of the SQLite store.
/// </summary>
/// <remarks>All members are thread-safe for concurrent use; connections come from the data source's pool. A server that cannot be
/// reached, a failed statement or a schema written by a newer version fails with a <see cref="ScreeningStoreException"/> that names
/// the server and database; nothing is written then.</remarks>
public sealed class PostgreSqlScreeningStore : IScreeningAuditStore, IDispositionStore, IAsyncDisposable, IDisposable
{
    /// <summary>The schema version this library writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The advisory lock key that serialises migrations ("VSCREEN1").</summary>
    private const long MigrationLock = 0x5653_4352_4545_4E31;

    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlScreeningStore(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
    }

    /// <summary>Gets the server and database, for messages (never the password).</summary>
    public string Description { get; }

    /// <summary>Opens a store on a PostgreSQL database, creating or migrating its schema.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...;Username=...</c>).</param>
    /// <param name="cancellationToken">A token to cancel.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    /// <exception cref="ScreeningStoreException">The server cannot be reached or the schema cannot be migrated.</exception>
    public static async Task<PostgreSqlScreeningStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"The PostgreSQL connection string is malformed: {ex.Message}", nameof(connectionString), ex);
        }

        var description = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        var store = new PostgreSqlScreeningStore(NpgsqlDataSource.Create(builder), description);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

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

        return await RunAsync("append audit records", async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var batchId = Guid.NewGuid();
            var unstored = records.Select(r => r with { Sequence = 0 }).ToArray();

            // One round trip for the whole batch: every insert returns its sequence, read back in order.
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var record in unstored)
            {
                var insert = new NpgsqlBatchCommand(
                    """
                    INSERT INTO vendorscreen_audit_records (batch_id, batch_size, subject, recorded_at, decision, user_name, dataset_version, record)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq
                    """);
                insert.Parameters.Add(new NpgsqlParameter { Value = batchId });
                insert.Parameters.Add(new NpgsqlParameter { Value = records.Count });
                insert.Parameters.Add(new NpgsqlParameter { Value = record.Subject });
                insert.Parameters.Add(new NpgsqlParameter { Value = record.RecordedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                insert.Parameters.Add(new NpgsqlParameter { Value = record.Result.Decision.ToString() });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)record.User ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter { Value = record.Result.DatasetVersion });
                insert.Parameters.Add(new NpgsqlParameter { Value = record.ToJson(), NpgsqlDbType = NpgsqlDbType.Json });
                batch.BatchCommands.Add(insert);
            }

            var stored = new ScreeningAuditRecord[unstored.Length];
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < unstored.Length; i++)
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw new ScreeningStoreException($"audit store {Description}: insert {i} of a batch returned no sequence; nothing was written.");
                    }

                    stored[i] = unstored[i] with { Sequence = reader.GetInt64(0) };
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<ScreeningAuditRecord>)stored;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ScreeningAuditRecord> ReadAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        StoreRows.ReadPagesAsync((after, token) => RunAsync("read audit records", async connection =>
        {
            await using var command = new NpgsqlCommand(
                since is null
                    ? "SELECT seq, record::text FROM vendorscreen_audit_records WHERE seq > $1 ORDER BY seq LIMIT $2"
                    : "SELECT seq, record::text FROM vendorscreen_audit_records WHERE seq > $1 AND recorded_at >= $3 ORDER BY seq LIMIT $2",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = after });
            command.Parameters.Add(new NpgsqlParameter { Value = StoreRows.PageSize });
            if (since is { } s)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = s.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            }

            return await ReadRecordsAsync(command, token).ConfigureAwait(false);
        }, token), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ScreeningAuditRecord>> ReadLatestAsync(CancellationToken cancellationToken = default) =>
        await RunAsync("read the latest audit records", async connection =>
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT seq, record::text FROM (
                    SELECT DISTINCT ON (subject) seq, record FROM vendorscreen_audit_records ORDER BY subject, seq DESC) latest
                ORDER BY seq
                """,
                connection);
            return (IReadOnlyList<ScreeningAuditRecord>)await ReadRecordsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask AddDispositionAsync(ScreeningDisposition disposition, CancellationToken cancellationToken = default)
    {
        StoreChecks.Add(disposition, cancellationToken);
        var standing = disposition with { RemovedAt = null, RemovedBy = null };
        await RunAsync("add a disposition", async connection =>
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO vendorscreen_dispositions (id, party, entity_id, kind, decided_by, reason, decided_at, expires_at, entity_fingerprint, record)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """,
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = standing.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.Party });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.EntityId });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.Kind.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.DecidedBy });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.Reason });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.DecidedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.ExpiresAt is { } e ? e.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = standing.EntityFingerprint });
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(standing, AuditJsonContext.Default.ScreeningDisposition), NpgsqlDbType = NpgsqlDbType.Json });
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new ScreeningStoreException($"audit store {Description}: a disposition with id \"{standing.Id}\" exists already.", ex);
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ScreeningDisposition>> ListDispositionsAsync(bool includeRemoved = false, CancellationToken cancellationToken = default) =>
        await RunAsync("list dispositions", async connection =>
        {
            await using var command = new NpgsqlCommand(
                includeRemoved
                    ? "SELECT record::text, removed_at, removed_by FROM vendorscreen_dispositions ORDER BY added"
                    : "SELECT record::text, removed_at, removed_by FROM vendorscreen_dispositions WHERE removed_at IS NULL ORDER BY added",
                connection);
            return (IReadOnlyList<ScreeningDisposition>)await ReadDispositionsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<ScreeningDisposition?> RemoveDispositionAsync(string id, string removedBy, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(removedBy);
        return await RunAsync("remove a disposition", async connection =>
        {
            await using var command = new NpgsqlCommand(
                "UPDATE vendorscreen_dispositions SET removed_at = $1, removed_by = $2 WHERE id = $3 AND removed_at IS NULL RETURNING record::text, removed_at, removed_by",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = removedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = removedBy.Trim() });
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            var removed = await ReadDispositionsAsync(command, cancellationToken).ConfigureAwait(false);
            return removed.Count == 0 ? null : removed[0];
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pool's connections.</summary>
    /// <returns>A task that completes when they are closed.</returns>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the pool's connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private async Task<List<ScreeningAuditRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<ScreeningAuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoreRows.Record(Description, reader.GetInt64(0), reader.GetString(1)));
        }

        return list;
    }

    private async Task<List<ScreeningDisposition>> ReadDispositionsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<ScreeningDisposition>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(StoreRows.Disposition(
                Description,
                reader.GetString(0),
                reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return list;
    }

    private Task<int> MigrateAsync(CancellationToken cancellationToken) => RunAsync("migrate the schema", async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(string.Empty, connection, transaction);
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLock})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = "CREATE TABLE IF NOT EXISTS vendorscreen_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM vendorscreen_schema_version";
        var current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        StoreChecks.SchemaVersion(Description, current, SchemaVersion);

        for (var version = current + 1; version <= SchemaVersion; version++)
        {
            command.CommandText = Migrations[version - 1];
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            command.CommandText = $"INSERT INTO vendorscreen_schema_version (version) VALUES ({version})";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }, cancellationToken);

    /// <summary>The schema steps; step <c>n</c> takes the schema from version <c>n - 1</c> to <c>n</c>. Never edit a released step: add one.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE vendorscreen_audit_records (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            batch_id uuid NOT NULL,
            batch_size integer NOT NULL,
            subject text NOT NULL,
            recorded_at timestamptz NOT NULL,
            decision text NOT NULL,
            user_name text,
            dataset_version text NOT NULL,
            record json NOT NULL);
        CREATE INDEX vendorscreen_audit_records_subject ON vendorscreen_audit_records (subject, seq);
        CREATE INDEX vendorscreen_audit_records_recorded ON vendorscreen_audit_records (recorded_at);
        CREATE FUNCTION vendorscreen_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$;
        CREATE TRIGGER vendorscreen_audit_records_append_only BEFORE UPDATE OR DELETE ON vendorscreen_audit_records
            FOR EACH ROW EXECUTE FUNCTION vendorscreen_refuse('audit records are append-only');
        CREATE TRIGGER vendorscreen_audit_records_no_truncate BEFORE TRUNCATE ON vendorscreen_audit_records
            FOR EACH STATEMENT EXECUTE FUNCTION vendorscreen_refuse('audit records are append-only');
        CREATE TABLE vendorscreen_dispositions (
            added bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id text PRIMARY KEY,
            party text NOT NULL,
            entity_id text NOT NULL,
            kind text NOT NULL,
            decided_by text NOT NULL,
            reason text NOT NULL,
            decided_at timestamptz NOT NULL,
            expires_at timestamptz,
            entity_fingerprint text NOT NULL,
            record json NOT NULL,
            removed_at timestamptz,
            removed_by text);
        CREATE INDEX vendorscreen_dispositions_entity ON vendorscreen_dispositions (entity_id);
        CREATE TRIGGER vendorscreen_dispositions_no_delete BEFORE DELETE ON vendorscreen_dispositions
            FOR EACH ROW EXECUTE FUNCTION vendorscreen_refuse('dispositions are kept; remove one by marking it removed');
        CREATE TRIGGER vendorscreen_dispositions_no_edit BEFORE UPDATE OF added, id, party, entity_id, kind, decided_by, reason, decided_at, expires_at, entity_fingerprint, record ON vendorscreen_dispositions
            FOR EACH ROW EXECUTE FUNCTION vendorscreen_refuse('a disposition is never edited; remove it and add another');
        CREATE TRIGGER vendorscreen_dispositions_remove_once BEFORE UPDATE OF removed_at, removed_by ON vendorscreen_dispositions
            FOR EACH ROW WHEN (OLD.removed_at IS NOT NULL) EXECUTE FUNCTION vendorscreen_refuse('the disposition was removed already');
        """,
    ];

    private async Task<T> RunAsync<T>(string what, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new ScreeningStoreException($"audit store {Description}: cannot {what}: {ex.Message}; nothing was written", ex);
        }
    }
}
