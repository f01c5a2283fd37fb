using System.Text.Json;
using FluentAssertions;

namespace VendorScreen.Tests.Cli;

public sealed class SourcesCommandTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Sources_Json_OneLinePerSourceWithContractKeysInOrder()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);

        var run = await CliTestHost.RunAsync("sources", "--source", dataset, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.JsonLines;
        lines.Should().HaveCount(2);
        foreach (var line in lines)
        {
            line.EnumerateObject().Select(p => p.Name).Take(7).Should().Equal("source", "version", "sha256", "entities", "names", "relations", "rejected");
        }

        lines[0].GetProperty("source").GetString().Should().Be("default");
        lines[0].GetProperty("entities").GetInt32().Should().BeGreaterThan(50);
        lines[0].GetProperty("names").GetInt32().Should().BeGreaterThan(lines[0].GetProperty("entities").GetInt32());
        var acme = lines[1];
        acme.GetProperty("source").GetString().Should().Be("acme");
        acme.GetProperty("version").GetString().Should().Be("2025-01-15");
        acme.GetProperty("sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        acme.GetProperty("entities").GetInt32().Should().Be(2);
        acme.GetProperty("names").GetInt32().Should().Be(3);
        acme.GetProperty("relations").GetInt32().Should().Be(1);
        acme.GetProperty("rejected").GetInt32().Should().Be(1);
        acme.GetProperty("usable").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Sources_JsonVerbose_ListsRejectedRecords()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);

        var run = await CliTestHost.RunAsync("sources", "--no-default-data", "--source", dataset, "--format", "json", "--verbose");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rejected = run.JsonLines.Should().ContainSingle().Subject.GetProperty("rejectedRecords");
        rejected.GetArrayLength().Should().Be(1);
        rejected[0].GetProperty("reason").GetString().Should().Contain("starship");
    }

    [Fact]
    public async Task Sources_Table_ListsEverySource()
    {
        var dataset = _host.Write("acme-list.json", CliTestHost.CustomDatasetJson);

        var run = await CliTestHost.RunAsync("sources", "--source", dataset);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("default").And.Contain("acme").And.Contain("2025-01-15").And.NotContain("\u001b[");
    }

    [Fact]
    public async Task Sources_UnusableSource_PrintsItAndExitsThree()
    {
        var broken = _host.Write("broken-list.json", "{ \"format\": \"vendorscreen-dataset/1\", \"source\": \"broken\", ");

        var run = await CliTestHost.RunAsync("sources", "--source", "vendorscreen-json:" + broken, "--format", "json");

        run.ExitCode.Should().Be(3);
        var lines = run.JsonLines;
        lines.Should().HaveCount(2);
        lines[1].GetProperty("source").GetString().Should().Be("broken-list");
        lines[1].GetProperty("version").ValueKind.Should().Be(JsonValueKind.Null);
        lines[1].GetProperty("usable").GetBoolean().Should().BeFalse();
        lines[1].GetProperty("error").GetString().Should().Contain("not valid JSON");
        run.Stderr.Should().Contain("broken-list").And.NotContain("   at ");
    }

    [Fact]
    public async Task Sources_UnknownFormat_ExitsTwo()
    {
        var run = await CliTestHost.RunAsync("sources", "--format", "csv");

        run.ShouldFailWith(2, "unknown --format \"csv\"");
    }
}
