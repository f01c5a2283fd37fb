using System.Diagnostics;
using FluentAssertions;
using VendorScreen.Tests.Audit;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Packaging;

namespace VendorScreen.Tests.Cli;

/// <summary>
/// The command line published as native code (<c>dotnet publish src/VendorScreen.Cli -c Release -f net10.0 -r linux-x64
/// -p:PublishAot=true</c>, as <c>.ci/run</c> does into <c>artifacts/native-cli</c>) gives what the managed command gives: the same
/// exit code, standard output and standard error for each command, snapshots and stores either one can read, and the same
/// failures. The native compiler keeps only the code it can follow, so these runs check that nothing a command reaches was
/// left out (reflection, the SQLite library, the list readers).
/// </summary>
/// <remarks>Skipped with a reason when the native command is not there, failed when <c>VENDORSCREEN_REQUIRE_NATIVE_CLI=1</c>
/// (as in CI). <c>VENDORSCREEN_NATIVE_CLI</c> names another native command.</remarks>
public sealed class NativeCliTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string[]> SameOutputCommands => new()
    {
        new[] { "screen", "{samples}/vendors.csv", "--format", "json" },
        new[] { "screen", "{samples}/products.csv", "--format", "csv" },
        new[] { "screen", "{samples}/vendors.csv", "--format", "table" },
        new[] { "screen", "{samples}/vendors.csv", "--format", "json", "--as-of", "2021-06-01", "--policy", "sanctions-only" },
        new[] { "screen", "{samples}/vendors.csv", "--format", "json", "--algorithm", "jaro-winkler" },
        new[] { "screen", "{samples}/vendors.csv", "--format", "csv", "--no-default-data", "--source", "custom-csv:{samples}/blocklist.csv" },
        new[] { "search", "Dahua Tecnology", "--format", "json", "--min-score", "0.5" },
        new[] { "search", "海康威视", "--format", "json" },
        new[] { "algorithms", "--format", "json" },
        new[] { "sources", "--format", "csv" },
        new[] { "screen", "{samples}/no-such-file.csv" },
        new[] { "screen", "{samples}/vendors.csv", "--format", "yaml" },
    };

    [NativeCliTheory]
    [MemberData(nameof(SameOutputCommands))]
    public async Task Command_GivesWhatTheManagedCommandGives(string[] arguments)
    {
        var args = arguments.Select(a => a.Replace("{samples}", Samples, StringComparison.Ordinal)).ToArray();

        var managed = await CliTestHost.RunAsync(args);
        var native = await RunNativeAsync(args);

        native.ExitCode.Should().Be(managed.ExitCode, "stderr was: {0}", native.Stderr);
        native.Stdout.Should().Be(managed.Stdout);
        native.Stderr.Should().Be(managed.Stderr);
        (managed.Stdout.Length + managed.Stderr.Length).Should().BePositive("each command writes something");
    }

    [NativeCliFact]
    public async Task IndexSnapshot_WrittenByEither_IsReadByTheOther()
    {
        var dataset = _host.Write("acme.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("in.csv", "id,name,country\nS1,Globex Trading Co Ltd,AE\nS2,Initech Components,\nS3,Hangzhou Hikvision Digital Technology,CN\n");
        var fromNative = _host.PathOf("native.vsidx");
        var fromManaged = _host.PathOf("managed.vsidx");

        (await RunNativeAsync("index", "build", "--source", "vendorscreen-json:" + dataset, "-o", fromNative)).ExitCode.Should().Be(0);
        (await CliTestHost.RunAsync("index", "build", "--source", "vendorscreen-json:" + dataset, "-o", fromManaged)).ExitCode.Should().Be(0);

        var nativeReadsManaged = await RunNativeAsync("screen", input, "--index", fromManaged, "--format", "json");
        var managedReadsNative = await CliTestHost.RunAsync("screen", input, "--index", fromNative, "--format", "json");

        nativeReadsManaged.ExitCode.Should().Be(managedReadsNative.ExitCode, nativeReadsManaged.Stderr);
        nativeReadsManaged.Stdout.Should().Be(managedReadsNative.Stdout);
        managedReadsNative.Stdout.Should().Contain("acme:globex", "the custom list's entity is found through the snapshot");
        foreach (var index in new[] { fromNative, fromManaged })
        {
            (await RunNativeAsync("sources", "--index", index, "--format", "json")).Stdout
                .Should().Be((await CliTestHost.RunAsync("sources", "--index", index, "--format", "json")).Stdout);
        }
    }

    [NativeCliFact]
    public Task SqliteStore_WrittenByTheNativeCommand_IsReadByTheManagedOne() =>
        AuditTrail_WrittenByTheNativeCommand_IsReadByTheManagedOneAsync(_host.PathOf("audit.db"), "alice", "S1,Globex Trading", "S2,Acme Widgets");

    [NativeCliFact]
    public async Task DispositionAndMonitor_ShareTheStoreWithTheManagedCommand()
    {
        var list = _host.Write("acme.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("in.csv", "id,name\nS1,Globex Trading\nS2,Acme Widgets\n");
        var grown = _host.Write("in2.csv", "id,name\nS1,Globex Trading\nS2,Acme Widgets\nS3,Initech Components\n");
        var store = _host.PathOf("audit.db");

        var add = await RunNativeAsync("disposition", "add", "--store", store, "--source", "vendorscreen-json:" + list, "--party", "S1",
            "--entity", "acme:globex", "--kind", "false-positive", "--reason", "another registration", "--user", "bob", "--expires", "2099-12-31");
        var first = await RunNativeAsync("monitor", input, "--source", "vendorscreen-json:" + list, "--store", store);
        var unchanged = await CliTestHost.RunAsync("monitor", input, "--source", "vendorscreen-json:" + list, "--store", store);
        var added = await RunNativeAsync("monitor", grown, "--source", "vendorscreen-json:" + list, "--store", store, "--format", "csv");

        add.ExitCode.Should().Be(0, add.Stderr);
        first.ExitCode.Should().Be(0, first.Stderr);
        first.StdoutLines.Should().HaveCount(2, "rows never screened before count as changed");
        unchanged.ExitCode.Should().Be(0, unchanged.Stderr);
        unchanged.Stdout.Should().BeEmpty("the managed command reads the native command's screenings as its own");
        added.ExitCode.Should().Be(0, added.Stderr);
        added.Stdout.Should().Contain("S3").And.NotContain("S1,");
        (await RunNativeAsync("disposition", "list", "--store", store, "--format", "json")).Stdout
            .Should().Be((await CliTestHost.RunAsync("disposition", "list", "--store", store, "--format", "json")).Stdout).And.Contain("acme:globex");
    }

    [SkippableFact]
    public async Task PostgreSqlStore_WrittenByTheNativeCommand_IsReadByTheManagedOne()
    {
        Skip.If(NativeCli.SkipReason is not null, NativeCli.SkipReason);
        var store = await PostgresServer.CreateSchemaAsync();

        await AuditTrail_WrittenByTheNativeCommand_IsReadByTheManagedOneAsync(store, "bob", "S1,Globex Trading", "S2,Acme Widgets", "S3,Initech Components");
    }

    // The native command screens rows into a store; both commands export the same audit trail from it, one record a row.
    private async Task AuditTrail_WrittenByTheNativeCommand_IsReadByTheManagedOneAsync(string store, string user, params string[] rows)
    {
        var list = _host.Write("acme.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("in.csv", "id,name\n" + string.Join('\n', rows) + "\n");

        var screen = await RunNativeAsync("screen", input, "--source", "vendorscreen-json:" + list, "--store", store, "--user", user, "--format", "json");
        var nativeExport = await RunNativeAsync("audit", "export", "--store", store);
        var managedExport = await CliTestHost.RunAsync("audit", "export", "--store", store);

        screen.ExitCode.Should().Be(0, screen.Stderr);
        nativeExport.ExitCode.Should().Be(0, nativeExport.Stderr);
        nativeExport.StdoutLines.Should().HaveCount(rows.Length, "one audit record per screened row");
        nativeExport.Stdout.Should().Be(managedExport.Stdout).And.Contain(user);
    }

    [NativeCliFact]
    public async Task HtmlReport_IsTheManagedCommandsReport()
    {
        var fromNative = _host.PathOf("native.html");
        var fromManaged = _host.PathOf("managed.html");

        (await RunNativeAsync("screen", Path.Combine(Samples, "vendors.csv"), "--format", "html", "-o", fromNative)).ExitCode
            .Should().Be((await CliTestHost.RunAsync("screen", Path.Combine(Samples, "vendors.csv"), "--format", "html", "-o", fromManaged)).ExitCode);

        var native = await File.ReadAllTextAsync(fromNative);
        native.Should().Contain("Hikvision");
        WithoutTimes(native).Should().Be(WithoutTimes(await File.ReadAllTextAsync(fromManaged)));
    }

    [NativeCliFact(RealLists = true)]
    public async Task RealLists_ReadAlike()
    {
        var sources = new[]
        {
            "--source", SharedData.DataPath("ofac/2021-07_sdn_list"),
            "--source", SharedData.DataPath("un/2026-02-27_UN_consolidated.xml"),
            "--source", SharedData.DataPath("uk/2018-04-13_ofsi_ConList.csv"),
        };
        var index = _host.PathOf("real.vsidx");
        var build = await RunNativeAsync(["index", "build", .. sources, "-o", index]);
        build.ExitCode.Should().Be(0, build.Stderr);

        var input = _host.Write("in.csv", "id,name\nR1,Boubaker EL HAKIM\nR2,\"CAN'AN, Faouzi\"\nR3,Владимир Путин\nR4,Acme Widgets Ltd\n");
        var native = await RunNativeAsync("screen", input, "--index", index, "--format", "json");
        var managed = await CliTestHost.RunAsync("screen", input, "--index", index, "--format", "json");

        native.ExitCode.Should().Be(managed.ExitCode, native.Stderr);
        native.Stdout.Should().Be(managed.Stdout);
        native.Stdout.Should().Contain("ofac-sdn:", "a listed name is found in the native command's snapshot");
    }

    private static string Samples => Path.Combine(Packages.RepositoryRoot(), "samples", "data");

    // The times a report holds, ISO 8601 ("2026-12-06T09:07:19Z") or as the page shows them ("2026-12-06 09:07:19 UTC"): the two
    // commands write their reports a second or more apart.
    private static string WithoutTimes(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, @"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?( ?(Z|UTC|[+-]\d{2}:\d{2}))?", "TIME");

    private static async Task<CliRun> RunNativeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(NativeCli.Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The cache of URL sources (none of these commands reads one) is a folder of this test process, as for the managed runs.
        start.Environment["XDG_CACHE_HOME"] = CliTestHost.TestCacheDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A command that hangs is stopped, not left running after the test, and the failure says which.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the native command did not finish within 2 minutes: {string.Join(' ', arguments)}");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>Finds the command line published as native code.</summary>
internal static class NativeCli
{
    public const string RequireVariable = "VENDORSCREEN_REQUIRE_NATIVE_CLI";

    /// <summary>Gets the native command: <c>VENDORSCREEN_NATIVE_CLI</c>, else <c>artifacts/native-cli/VendorScreen.Cli</c> of the
    /// repository; <see langword="null"/> when it is not there.</summary>
    public static string? Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("VENDORSCREEN_NATIVE_CLI") is { Length: > 0 } given
                ? given
                : System.IO.Path.Combine(Packages.RepositoryRoot(), "artifacts", "native-cli", "VendorScreen.Cli");
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>Gets the native command, or fails saying where it was looked for (when it is required and absent).</summary>
    /// <returns>The path of the executable.</returns>
    /// <exception cref="InvalidOperationException">The command is not there.</exception>
    public static string Require() => Path ?? throw new InvalidOperationException(
        $"{RequireVariable}=1 but the native command was not found (VENDORSCREEN_NATIVE_CLI, else artifacts/native-cli/VendorScreen.Cli); publish it with dotnet publish src/VendorScreen.Cli -c Release -f net10.0 -r linux-x64 -p:PublishAot=true -o artifacts/native-cli.");

    public static string? SkipReason => Path is null && Environment.GetEnvironmentVariable(RequireVariable) != "1"
        ? "the native command is not present; publish it with dotnet publish src/VendorScreen.Cli -c Release -f net10.0 -r linux-x64 -p:PublishAot=true -o artifacts/native-cli (as .ci/run does)."
        : null;
}

[AttributeUsage(AttributeTargets.Method)]
internal sealed class NativeCliFactAttribute : FactAttribute
{
    public NativeCliFactAttribute() => Skip = NativeCli.SkipReason;

    /// <summary>Gets or sets whether the test reads the real lists of ../shared/data, and is skipped where they are absent
    /// (unless VENDORSCREEN_REQUIRE_SHARED_DATA=1).</summary>
    public bool RealLists
    {
        get => field;
        set
        {
            field = value;
            if (value && Skip is null)
            {
                Skip = SharedData.SkipReason;
            }
        }
    }
}

[AttributeUsage(AttributeTargets.Method)]
internal sealed class NativeCliTheoryAttribute : TheoryAttribute
{
    public NativeCliTheoryAttribute() => Skip = NativeCli.SkipReason;
}
