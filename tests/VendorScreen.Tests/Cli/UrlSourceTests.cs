using FluentAssertions;
using VendorScreen.Cli;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Cli;

/// <summary>URL sources in <c>screen</c>: fetched through the cache, one cache entry per whole URL, a stale copy announced.</summary>
public sealed class UrlSourceTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private string Cache => _host.PathOf("cache");

    [Fact]
    public async Task Screen_SamePathOnTwoPorts_EachPortGetsItsOwnList()
    {
        var alpha = TestLists.Dataset("alpha", "2026-03-01", "Alpha Trading Company");
        var bravo = TestLists.Dataset("bravo", "2026-03-02", "Bravo Logistics Company");
        var bravoUp = false;
        await using var serverA = LoopbackServer.Start(_ => ServerResponse.Ok(alpha, "application/json"));
        await using var serverB = LoopbackServer.Start(_ => Volatile.Read(ref bravoUp) ? ServerResponse.Ok(bravo, "application/json") : ServerResponse.Text(404, "not yet"));
        var input = _host.Write("in.csv", "id,name\nA,Alpha Trading Company\nB,Bravo Logistics Company\n");
        var sourceA = "vendorscreen-json:" + serverA.Url("list.json");
        var sourceB = "vendorscreen-json:" + serverB.Url("list.json");

        var first = await Screen(input, sourceA);
        var bravoDown = await Screen(input, sourceB);
        Volatile.Write(ref bravoUp, true);
        var second = await Screen(input, sourceB);

        first.ExitCode.Should().Be(0, first.Stderr);
        Decisions(first).Should().Equal("block", "clear");
        bravoDown.ShouldFailWith(3, "could not be loaded");
        bravoDown.Stdout.Should().BeEmpty("the list cached for another port is never served");
        second.ExitCode.Should().Be(0, second.Stderr);
        Decisions(second).Should().Equal("clear", "block");
        Directory.GetDirectories(Cache).Select(Path.GetFileName).Should().HaveCount(2).And.OnlyContain(d => d!.StartsWith("remote-127-0-0-1-", StringComparison.Ordinal));
    }

    [Fact]
    public void RemoteSourceName_DiffersByPortQueryAndScheme_AndIsReadable()
    {
        var names = new[]
        {
            "https://lists.example.org/sdn.csv",
            "https://lists.example.org:8443/sdn.csv",
            "https://lists.example.org/sdn.csv?v=2",
            "http://lists.example.org/sdn.csv",
            "https://lists.example.org/other/sdn.csv",
        }.Select(u => EngineFactory.RemoteSourceName(new Uri(u))).ToList();

        names.Should().OnlyHaveUniqueItems();
        names[0].Should().MatchRegex("^remote-lists-example-org-443-sdn-csv-[0-9a-f]{16}$");
        EngineFactory.RemoteSourceName(new Uri("https://lists.example.org/sdn.csv#part")).Should().Be(names[0], "the fragment is not sent to the server");
    }

    [Fact]
    public async Task Screen_ServerDownAfterFirstFetch_ServesTheCachedCopyWithAWarning()
    {
        var alpha = TestLists.Dataset("alpha", "2026-03-01", "Alpha Trading Company");
        var up = true;
        await using var server = LoopbackServer.Start(_ => Volatile.Read(ref up) ? ServerResponse.Ok(alpha, "application/json") : ServerResponse.Text(404, "gone"));
        var input = _host.Write("in.csv", "id,name\nA,Alpha Trading Company\n");
        var source = "vendorscreen-json:" + server.Url("list.json");

        var first = await Screen(input, source);
        Volatile.Write(ref up, false);
        var second = await Screen(input, source);

        first.ExitCode.Should().Be(0, first.Stderr);
        first.Stderr.Should().BeEmpty();
        second.ExitCode.Should().Be(0, second.Stderr);
        Decisions(second).Should().Equal("block");
        var warning = second.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Subject;
        warning.Should().StartWith("vendorscreen: warning: source \"remote-127-0-0-1-")
            .And.Contain(server.Url("list.json").ToString())
            .And.Contain("404")
            .And.Contain("serving the cached copy, version 2026-03-01")
            .And.Contain("less than a minute old");
    }

    [Fact]
    public async Task Screen_UrlSourceWithoutCacheAndServerDown_ExitsThree()
    {
        await using var server = LoopbackServer.Start(_ => ServerResponse.Text(404, "gone"));
        var input = _host.Write("in.csv", "id,name\nA,Alpha Trading Company\n");

        var run = await Screen(input, "vendorscreen-json:" + server.Url("list.json"));

        run.ShouldFailWith(3, "could not be loaded", "404");
        run.Stdout.Should().BeEmpty();
    }

    private static List<string?> Decisions(CliRun run) => run.JsonLines.Select(j => j.GetProperty("decision").GetString()).ToList();

    private Task<CliRun> Screen(string input, string source) =>
        CliTestHost.RunAsync("screen", input, "--format", "json", "--no-default-data", "--cache", Cache, "--source", source);
}
