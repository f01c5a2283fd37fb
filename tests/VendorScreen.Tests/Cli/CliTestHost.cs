using System.Text;
using System.Text.Json;
using FluentAssertions;
using VendorScreen.Cli;

namespace VendorScreen.Tests.Cli;

/// <summary>The outcome of one in-process run of the command line.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<JsonElement> JsonLines => StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    /// <summary>Asserts a bad-input failure: exit code 2 and one line on standard error, with no stack trace.</summary>
    public CliRun ShouldFailWith(int exitCode, params string[] fragments)
    {
        ExitCode.Should().Be(exitCode, "stderr was: {0}", Stderr);
        var lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle("the message must be one line");
        lines[0].Should().StartWith("vendorscreen: ");
        Stderr.Should().NotContain("   at ").And.NotContain("Exception");
        foreach (var fragment in fragments)
        {
            lines[0].Should().Contain(fragment);
        }

        return this;
    }
}

/// <summary>A temporary folder for input files and the in-process runner.</summary>
internal sealed class CliTestHost : IDisposable
{
    /// <summary>A small custom list in the vendorscreen-dataset/1 format: Globex is on a custom blocklist, Initech is its subsidiary.</summary>
    public const string CustomDatasetJson = """
        {
          "format": "vendorscreen-dataset/1",
          "source": "acme",
          "version": "2025-01-15",
          "lists": [
            { "id": "acme-blocklist", "name": "ACME supplier blocklist", "category": "custom" }
          ],
          "entities": [
            { "id": "globex", "kind": "organization", "name": "Globex Trading",
              "names": [ { "value": "Globex Trading Company Limited", "kind": "alias" } ],
              "countries": ["AE"],
              "listings": [ { "list": "acme-blocklist", "listedOn": "2024-03-01" } ] },
            { "id": "initech", "kind": "organization", "name": "Initech Components" },
            { "id": "bad", "kind": "starship", "name": "Rejected Record" }
          ],
          "relations": [
            { "from": "initech", "to": "globex", "kind": "subsidiary-of", "confidence": "official" }
          ]
        }
        """;

    public CliTestHost()
    {
        Directory = Path.Combine(Path.GetTempPath(), "vendorscreen-cli-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Writes a file (UTF-8, no BOM unless <paramref name="bom"/>) and returns its path.</summary>
    public string Write(string name, string content, bool bom = false)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The cache and source-state folder of in-process runs: a folder of this test process, never the user's own cache.</summary>
    public static string TestCacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "vendorscreen-cli-tests", "cache-" + Environment.ProcessId);

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(static context => context, args);

    /// <summary>Runs the command line with a changed context (a cache folder, an engine hook).</summary>
    public static async Task<CliRun> RunAsync(Func<CliContext, CliContext> configure, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, configure(CliContext.ForWriters(stdout, stderr) with { CacheDirectory = TestCacheDirectory }), CancellationToken.None);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
