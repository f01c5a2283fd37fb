using FluentAssertions;

namespace VendorScreen.Tests.Cli;

public sealed class IndexCommandTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task IndexBuild_ThenScreenAndSearchWithIndex_SameOutputAsTheSources()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("suppliers.csv", "id,name\ns1,Globex Trading Co\ns2,Initech Components\ns3,Hikvision\ns4,Acme Widgets\n");
        var index = Path.Combine(_host.Directory, "lists.vsidx");

        var build = await CliTestHost.RunAsync("index", "build", "--source", dataset, "-o", index);
        build.ExitCode.Should().Be(0, build.Stderr);
        build.Stderr.Should().Contain("2 sources (default, acme)");
        File.Exists(index).Should().BeTrue();

        var fromSources = await CliTestHost.RunAsync("screen", input, "--source", dataset, "--format", "json");
        var fromIndex = await CliTestHost.RunAsync("screen", input, "--index", index, "--format", "json");
        fromIndex.ExitCode.Should().Be(fromSources.ExitCode, fromIndex.Stderr);
        fromIndex.Stdout.Should().Be(fromSources.Stdout);
        fromIndex.JsonLines.Select(l => l.GetProperty("decision").GetString()).Should().Contain("block");

        var searchSources = await CliTestHost.RunAsync("search", "Globex Trading", "--source", dataset, "--format", "json");
        var searchIndex = await CliTestHost.RunAsync("search", "Globex Trading", "--index", index, "--format", "json");
        searchIndex.ExitCode.Should().Be(0, searchIndex.Stderr);
        searchIndex.Stdout.Should().Be(searchSources.Stdout).And.Contain("globex");

        var sourcesSources = await CliTestHost.RunAsync("sources", "--source", dataset, "--format", "json");
        var sourcesIndex = await CliTestHost.RunAsync("sources", "--index", index, "--format", "json");
        // The stored sources keep the fetch time of the build; everything else is the same as loading the files now.
        static string WithoutFetchTime(System.Text.Json.JsonElement line) =>
            string.Join(",", line.EnumerateObject().Where(p => p.Name != "fetchedAt").Select(p => p.Name + "=" + p.Value.GetRawText()));
        sourcesIndex.JsonLines.Select(WithoutFetchTime).Should().Equal(sourcesSources.JsonLines.Select(WithoutFetchTime));
    }

    [Fact]
    public async Task Screen_IndexOfAnotherLibraryVersion_WarnsAndScreensAsWithTheSources()
    {
        var input = _host.Write("suppliers.csv", "id,name\ns1,Hikvision\ns2,Initech Components\n");
        var index = Path.Combine(_host.Directory, "lists.vsidx");
        (await CliTestHost.RunAsync("index", "build", "-o", index)).ExitCode.Should().Be(0);
        var fresh = await CliTestHost.RunAsync("screen", input, "--index", index, "--format", "json");
        var bytes = File.ReadAllBytes(index);
        var libraryLength = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10));
        bytes[12 + libraryLength - 1] ^= 0x01;
        File.WriteAllBytes(index, bytes);

        var stale = await CliTestHost.RunAsync("screen", input, "--index", index, "--format", "json");

        stale.ExitCode.Should().Be(fresh.ExitCode, stale.Stderr);
        stale.Stdout.Should().Be(fresh.Stdout);
        fresh.Stderr.Should().NotContain("was written by VendorScreen");
        stale.Stderr.Should().Contain("warning: Index snapshot").And.Contain(index).And.Contain("built again");
    }

    [Fact]
    public void CliLoggerFactory_ForwardsTheLoadersWarningOfASnapshotOfAnotherVersion() =>
        VendorScreen.Cli.CliLoggerFactory.ForwardedEventId.Should().Be(VendorScreen.Hosting.ScreeningDatasetLoader.SnapshotOfOtherVersionEventId);

    [Fact]
    public async Task Screen_IndexAndSource_IsAUsageError()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);
        var input = _host.Write("suppliers.csv", "id,name\ns1,Globex\n");
        var index = Path.Combine(_host.Directory, "lists.vsidx");
        (await CliTestHost.RunAsync("index", "build", "-o", index)).ExitCode.Should().Be(0);

        (await CliTestHost.RunAsync("screen", input, "--index", index, "--source", dataset)).ShouldFailWith(2, "--index", "--source");
        (await CliTestHost.RunAsync("search", "Globex", "--index", index, "--source", dataset)).ShouldFailWith(2, "--index", "--source");
    }

    [Fact]
    public async Task Screen_CorruptIndex_Exit3NamingTheFile()
    {
        var input = _host.Write("suppliers.csv", "id,name\ns1,Globex\n");
        var index = Path.Combine(_host.Directory, "lists.vsidx");
        (await CliTestHost.RunAsync("index", "build", "-o", index)).ExitCode.Should().Be(0);
        var bytes = File.ReadAllBytes(index);
        File.WriteAllBytes(index, bytes[..(bytes.Length / 2)]);

        (await CliTestHost.RunAsync("screen", input, "--index", index)).ShouldFailWith(3, index, "cut short");
    }

    [Fact]
    public async Task Screen_FormatVersion1Index_Exit3SayingToBuildItAgain()
    {
        var input = _host.Write("suppliers.csv", "id,name\ns1,Globex\n");
        var index = Path.Combine(_host.Directory, "lists.vsidx");
        (await CliTestHost.RunAsync("index", "build", "-o", index)).ExitCode.Should().Be(0);
        var bytes = File.ReadAllBytes(index);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(6), 1);
        File.WriteAllBytes(index, bytes);

        (await CliTestHost.RunAsync("screen", input, "--index", index)).ShouldFailWith(3, index, "format version 1", "build the snapshot again");
    }

    [Fact]
    public async Task IndexBuild_SourceCannotBeLoaded_Exit3()
    {
        var missing = Path.Combine(_host.Directory, "missing.xml");

        var run = await CliTestHost.RunAsync("index", "build", "--source", missing, "-o", Path.Combine(_host.Directory, "lists.vsidx"));

        run.ExitCode.Should().Be(3, run.Stderr);
        File.Exists(Path.Combine(_host.Directory, "lists.vsidx")).Should().BeFalse();
    }
}
