using System.Diagnostics;
using System.Text;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using VendorScreen.Cli;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Audit;

/// <summary>What only a file store has to get right: bad files fail clearly naming the file, a lock held too long loses no record,
/// records cannot be changed through SQL, two processes write at once, and a process killed mid-batch leaves no partial batch.</summary>
public sealed class SqliteScreeningStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vendorscreen-store-tests", Guid.NewGuid().ToString("N"));

    public SqliteScreeningStoreTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "audit.db");

    [Fact]
    public void Open_FileThatIsNotADatabase_FailsNamingTheFile()
    {
        File.WriteAllText(Db, "id,name\n1,Globex Trading\n" + new string('x', 4096));

        var act = () => SqliteScreeningStore.Open(Db);

        act.Should().Throw<ScreeningStoreException>().Which.Message.Should().Contain(Db).And.Contain("not an SQLite database");
    }

    [Fact]
    public async Task Open_StoreWithSmashedHeader_FailsNamingTheFile()
    {
        var store = SqliteScreeningStore.Open(Db);
        await store.AppendAsync([AuditTestData.Record("a", ScreeningDecision.Clear, T0)]);
        SqliteConnection.ClearAllPools();
        CheckpointAndClose();
        using (var file = new FileStream(Db, FileMode.Open, FileAccess.Write))
        {
            file.Write(Encoding.ASCII.GetBytes("not a database!!"));
        }

        var act = () => SqliteScreeningStore.Open(Db);

        act.Should().Throw<ScreeningStoreException>().Which.Message.Should().Contain(Db);
    }

    [Fact]
    public void Open_AnotherApplicationsDatabase_FailsClearly()
    {
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)";
            command.ExecuteNonQuery();
        }

        var act = () => SqliteScreeningStore.Open(Db);

        act.Should().Throw<ScreeningStoreException>().Which.Message.Should().Contain(Db).And.Contain("not a VendorScreen store");
    }

    [Fact]
    public void Open_SchemaFromANewerVersion_FailsAskingForAnUpgrade()
    {
        SqliteScreeningStore.Open(Db);
        Execute("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01')");

        var act = () => SqliteScreeningStore.Open(Db);

        act.Should().Throw<ScreeningStoreException>().Which.Message.Should().Contain("schema version 99").And.Contain(Db);
    }

    [Fact]
    public void Open_MissingFolder_FailsNamingIt()
    {
        var act = () => SqliteScreeningStore.Open(Path.Combine(_folder, "missing", "audit.db"));

        act.Should().Throw<ScreeningStoreException>().Which.Message.Should().Contain("does not exist");
    }

    [Fact]
    public void Open_NewFile_IsInWalModeWithSchemaVersion()
    {
        SqliteScreeningStore.Open(Db);

        Scalar("PRAGMA journal_mode").Should().Be("wal");
        Scalar("SELECT MAX(version) FROM schema_version").Should().Be(SqliteScreeningStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AuditRecords_UpdateOrDeleteThroughSql_AreRefused()
    {
        var store = SqliteScreeningStore.Open(Db);
        await store.AppendAsync([AuditTestData.Record("a", ScreeningDecision.Block, T0)]);

        var update = () => Execute("UPDATE audit_records SET decision = 'Clear'");
        var delete = () => Execute("DELETE FROM audit_records");

        update.Should().Throw<SqliteException>().WithMessage("*append-only*");
        delete.Should().Throw<SqliteException>().WithMessage("*append-only*");
        Scalar("SELECT COUNT(*) FROM audit_records").Should().Be("1");
    }

    [Fact]
    public async Task AppendAsync_FileLockedLongerThanTheTimeout_FailsNamingTheFileAndLosesNothing()
    {
        var store = SqliteScreeningStore.Open(Db, TimeSpan.FromMilliseconds(200));
        var record = AuditTestData.Record("a", ScreeningDecision.Review, T0);
        using (var holder = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            holder.Open();
            using var transaction = holder.BeginTransaction(deferred: false);

            var act = async () => await store.AppendAsync([record]);

            (await act.Should().ThrowAsync<ScreeningStoreException>()).Which.Message.Should().Contain(Db).And.Contain("locked");
        }

        await store.AppendAsync([record]);
        var read = new List<ScreeningAuditRecord>();
        await foreach (var r in store.ReadAsync())
        {
            read.Add(r);
        }

        read.Should().ContainSingle().Which.Subject.Should().Be("id:a");
    }

    [Fact]
    public async Task TwoProcesses_ScreeningIntoOneStoreAtOnce_RecordEveryRow()
    {
        var first = WriteSuppliers("first.csv", "A", 700);
        var second = WriteSuppliers("second.csv", "B", 700);

        using var a = StartCli("screen", first, "--store", Db, "--format", "json", "--output", Path.Combine(_folder, "a.jsonl"), "--user", "first");
        using var b = StartCli("screen", second, "--store", Db, "--format", "json", "--output", Path.Combine(_folder, "b.jsonl"), "--user", "second");
        var exitA = await WaitAsync(a);
        var exitB = await WaitAsync(b);

        exitA.Should().Be((0, string.Empty));
        exitB.Should().Be((0, string.Empty));
        Scalar("SELECT COUNT(*) FROM audit_records WHERE user_name = 'first'").Should().Be("700");
        Scalar("SELECT COUNT(*) FROM audit_records WHERE user_name = 'second'").Should().Be("700");
        Scalar("SELECT COUNT(DISTINCT subject) FROM audit_records").Should().Be("1400");
        IncompleteBatches().Should().Be("0");
    }

    [Fact]
    public async Task ProcessKilledMidRun_LeavesNoPartialBatchAndLosesNoCommittedRecord()
    {
        var input = WriteSuppliers("big.csv", "K", 60_000);
        SqliteScreeningStore.Open(Db);
        using var process = StartCli("screen", input, "--store", Db, "--format", "csv", "--output", Path.Combine(_folder, "out.csv"));

        long committedBeforeKill = 0;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (committedBeforeKill < 3 * ScreenCommand.ChunkSize && DateTime.UtcNow < deadline && !process.HasExited)
        {
            await Task.Delay(20);
            committedBeforeKill = long.Parse(Scalar("SELECT COUNT(*) FROM audit_records"), System.Globalization.CultureInfo.InvariantCulture);
        }

        process.HasExited.Should().BeFalse("the run must still be writing when it is killed (60,000 rows)");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var after = long.Parse(Scalar("SELECT COUNT(*) FROM audit_records"), System.Globalization.CultureInfo.InvariantCulture);
        after.Should().BeGreaterThanOrEqualTo(committedBeforeKill, "no committed record is lost");
        committedBeforeKill.Should().BeGreaterThanOrEqualTo(3 * ScreenCommand.ChunkSize);
        IncompleteBatches().Should().Be("0", "every batch is stored whole or not at all");
        Scalar("PRAGMA integrity_check").Should().Be("ok");

        var store = SqliteScreeningStore.Open(Db);
        await store.AppendAsync([AuditTestData.Record("after-kill", ScreeningDecision.Clear, T0)]);
        Scalar("SELECT COUNT(*) FROM audit_records").Should().Be((after + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private string IncompleteBatches() =>
        Scalar("SELECT COUNT(*) FROM (SELECT batch_id FROM audit_records GROUP BY batch_id HAVING COUNT(*) <> MAX(batch_size))");

    private string WriteSuppliers(string name, string prefix, int rows)
    {
        var text = new StringBuilder("id,name,country\n");
        string[] words = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Adatum", "Wingtip"];
        for (var i = 0; i < rows; i++)
        {
            text.Append(prefix).Append(i).Append(',').Append(words[i % words.Length]).Append(' ').Append(words[(i / words.Length) % words.Length])
                .Append(" Supplies ").Append(i).Append(",DE\n");
        }

        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static Process StartCli(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "vendorscreen-store-tests", "cache");
        return Process.Start(start)!;
    }

    /// <summary>The command line as built in the repository (with its own dependencies; the copy beside the tests runs on the test
    /// project's dependency versions).</summary>
    private static string CliPath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var path = Path.Combine(Repository.Root(), "src", "VendorScreen.Cli", "bin", configuration, "net10.0", "VendorScreen.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution ({configuration}) before these tests.", path);
    }

    private static async Task<(int ExitCode, string Stderr)> WaitAsync(Process process)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stderr).Trim());
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private string Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private void CheckpointAndClose()
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
