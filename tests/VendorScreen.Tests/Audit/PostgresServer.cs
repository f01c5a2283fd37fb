using Npgsql;

namespace VendorScreen.Tests.Audit;

/// <summary>
/// The PostgreSQL server the PostgreSQL store tests run against: the connection string in <c>VENDORSCREEN_POSTGRES</c> (<c>.ci/run</c>
/// starts a server and sets it). Without it the tests are skipped with that reason; with <c>VENDORSCREEN_REQUIRE_POSTGRES=1</c> its
/// absence fails them. Each test gets a schema of its own, so tests never see each other's rows.
/// </summary>
internal static class PostgresServer
{
    public const string ConnectionVariable = "VENDORSCREEN_POSTGRES";

    public const string RequireVariable = "VENDORSCREEN_REQUIRE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Skips the calling test when no server is configured, unless one is required.</summary>
    /// <returns>The server's connection string.</returns>
    public static string Require()
    {
        if (ConnectionString is { } connection)
        {
            return connection;
        }

        if (IsRequired)
        {
            throw new InvalidOperationException($"{RequireVariable}=1 but {ConnectionVariable} is not set: no PostgreSQL server to test the PostgreSQL store against.");
        }

        Skip.If(true, $"{ConnectionVariable} is not set: no PostgreSQL server to run the PostgreSQL store tests against (.ci/run starts one; locally: export {ConnectionVariable}=$(bash .ci/postgres.sh)).");
        return string.Empty;
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema.</summary>
    /// <returns>The connection string.</returns>
    public static async Task<string> CreateSchemaAsync()
    {
        var connection = Require();
        var schema = "vs_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var data = NpgsqlDataSource.Create(connection))
        await using (var command = data.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema }.ToString();
    }
}
