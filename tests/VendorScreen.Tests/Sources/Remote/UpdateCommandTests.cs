using System.CommandLine;
using System.Text.Json;
using FluentAssertions;
using VendorScreen.Cli;

namespace VendorScreen.Tests.Sources.Remote;

/// <summary>The <c>vendorscreen update</c> command, against lists served on loopback through a configuration file.</summary>
public sealed class UpdateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Update_ConfiguredLists_FetchesThenReportsNotModified()
    {
        var alpha = TestLists.Dataset("alpha", "2026-03-01", "Alpha Trading Company");
        var bravo = TestLists.Dataset("bravo", "2026-02-15", "Bravo Logistics", "Bravo Shipping");
        await using var server = LoopbackServer.Start(r => (r.Path, r.Header("If-None-Match")) switch
        {
            ("/alpha.json", "\"a1\"") or ("/bravo.json", "\"b1\"") => ServerResponse.NotModified(),
            ("/alpha.json", _) => ServerResponse.Ok(alpha, "application/json") with { ETag = "\"a1\"" },
            ("/bravo.json", _) => ServerResponse.Ok(bravo, "application/json") with { ETag = "\"b1\"" },
            _ => ServerResponse.Text(404, "no"),
        });
        var config = WriteConfig(
            new { name = "alpha", url = server.Url("alpha.json").ToString(), format = "vendorscreen-json", timeoutSeconds = 30, maxRetries = 0 },
            new { name = "bravo", url = server.Url("bravo.json").ToString(), format = "vendorscreen-json", timeoutSeconds = 30, maxRetries = 0 });
        var cache = Path.Combine(_folder.Path, "cache");

        var (first, firstOutput, _) = await RunAsync("update", "--cache", cache, "--config", config);
        var (second, secondOutput, _) = await RunAsync("update", "--cache", cache, "--config", config);

        first.Should().Be(0, firstOutput);
        var lines = firstOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex(@"^alpha\s+fetched\s+version 2026-03-01\s+sha256 " + TestLists.Sha256(alpha)[..12] + $@"\s+{alpha.Length} bytes\s+1 entities");
        lines[1].Should().MatchRegex(@"^bravo\s+fetched\s+version 2026-02-15\s+sha256 [0-9a-f]{12}\s+\d+ bytes\s+2 entities");
        File.Exists(Path.Combine(cache, "alpha", "meta.json")).Should().BeTrue();
        second.Should().Be(0);
        secondOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(l => l.Contains("not-modified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_ListSelectedByName_FetchesOnlyThatList()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Dataset("alpha", "1", "Alpha Trading Company"), "application/json"));
        var config = WriteConfig(
            new { name = "alpha", url = server.Url("alpha.json").ToString(), format = "vendorscreen-json", maxRetries = 0, timeoutSeconds = 30 },
            new { name = "bravo", url = server.Url("bravo.json").ToString(), format = "vendorscreen-json", maxRetries = 0, timeoutSeconds = 30 });

        var (exit, output, _) = await RunAsync("update", "--cache", Path.Combine(_folder.Path, "c"), "--config", config, "--list", "bravo");

        exit.Should().Be(0);
        output.Should().StartWith("bravo").And.NotContain("alpha ");
        server.Requests.Should().ContainSingle().Which.Path.Should().Be("/bravo.json");
    }

    [Fact]
    public async Task Update_ListFails_ExitsWith3AndSaysWhy()
    {
        await using var server = LoopbackServer.Start(r => r.Path == "/good.json"
            ? ServerResponse.Ok(TestLists.Dataset("good", "1", "Alpha Trading Company"), "application/json")
            : ServerResponse.Text(500, "broken"));
        var config = WriteConfig(
            new { name = "good", url = server.Url("good.json").ToString(), format = "vendorscreen-json", maxRetries = 0, timeoutSeconds = 30 },
            new { name = "bad", url = server.Url("bad.json").ToString(), format = "vendorscreen-json", maxRetries = 0, timeoutSeconds = 30 });

        var (exit, output, _) = await RunAsync("update", "--cache", Path.Combine(_folder.Path, "c"), "--config", config);

        exit.Should().Be(3);
        output.Should().MatchRegex(@"good\s+fetched");
        output.Should().MatchRegex(@"bad\s+failed\s+bad: http://127\.0\.0\.1:\d+/bad\.json: HTTP 500");
    }

    [Fact]
    public async Task Update_ServerGoneButCacheHeld_ExitsWith3AndKeepsTheCachedVersion()
    {
        var cache = Path.Combine(_folder.Path, "c");
        string config;
        await using (var server = LoopbackServer.Start(_ => ServerResponse.Ok(TestLists.Dataset("good", "v7", "Alpha Trading Company"), "application/json")))
        {
            config = WriteConfig(new { name = "good", url = server.Url("good.json").ToString(), format = "vendorscreen-json", maxRetries = 0, timeoutSeconds = 30 });
            (await RunAsync("update", "--cache", cache, "--config", config)).Exit.Should().Be(0);
        }

        var (exit, output, _) = await RunAsync("update", "--cache", cache, "--config", config);

        exit.Should().Be(3);
        output.Should().MatchRegex(@"good\s+failed\s+.*request failed.*; cached version v7 \(sha256 [0-9a-f]{12}, fetched .*\) kept");
    }

    [Fact]
    public async Task Update_UnknownList_ExitsWith2()
    {
        var (exit, _, error) = await RunAsync("update", "--cache", _folder.Path, "--list", "no-such-list");

        exit.Should().Be(2);
        error.Should().Contain("unknown list \"no-such-list\"").And.Contain("un-sc-xml");
    }

    [Fact]
    public async Task Update_CatalogListWithoutUrl_ExitsWith2()
    {
        var (exit, _, error) = await RunAsync("update", "--cache", _folder.Path, "--list", "eu-fsf-xml");

        exit.Should().Be(2);
        error.Should().Contain("\"eu-fsf-xml\" has no URL").And.Contain("--config");
    }

    [Fact]
    public async Task Update_BadConfig_ExitsWith2NamingTheFile()
    {
        var config = Path.Combine(_folder.Path, "lists.json");
        await File.WriteAllTextAsync(config, """{ "lists": [ { "name": "x" } ] }""");

        var (exit, _, error) = await RunAsync("update", "--cache", _folder.Path, "--config", config);

        exit.Should().Be(2);
        error.Should().Contain("lists.json").And.Contain("\"format\" is missing");
    }

    [Fact]
    public async Task Update_MissingConfigFile_ExitsWith2()
    {
        var (exit, _, error) = await RunAsync("update", "--config", Path.Combine(_folder.Path, "absent.json"));

        exit.Should().Be(2);
        error.Should().Contain("absent.json");
    }

    private string WriteConfig(params object[] lists)
    {
        var path = Path.Combine(_folder.Path, $"lists-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { lists }));
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { UpdateCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
