using FluentAssertions;

namespace VendorScreen.Tests.Cli;

public sealed class AlgorithmOptionTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Screen_NoAlgorithmOption_UsesTheDefaultAsBefore()
    {
        var input = _host.Write("vendors.csv", "id,name\n1,Hikvisoin Digital Technology\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var row = run.JsonLines.Should().ContainSingle().Subject;
        row.GetProperty("algorithm").GetString().Should().Be("token-align-v5");
        row.GetProperty("decision").GetString().Should().Be("review");
    }

    [Theory]
    [InlineData("ofac-parity-v1")]
    [InlineData("OFAC-Parity-V1")]
    public async Task Screen_AlgorithmOfacParity_ScoresWithItAndNamesIt(string name)
    {
        var input = _host.Write("vendors.csv", "id,name\n1,Hikvisoin Digital Technology\n");

        var run = await CliTestHost.RunAsync("screen", input, "--format", "json", "--algorithm", name);

        run.ExitCode.Should().Be(0, run.Stderr);
        var row = run.JsonLines.Should().ContainSingle().Subject;
        row.GetProperty("algorithm").GetString().Should().Be("ofac-parity-v1");
        row.GetProperty("decision").GetString().Should().Be("block");
        row.GetProperty("hits")[0].GetProperty("score").GetDouble().Should().Be(0.99);
    }

    [Fact]
    public async Task Screen_UnknownAlgorithm_ExitsTwoListingTheKnownOnes()
    {
        var input = _host.Write("vendors.csv", "id,name\n1,Hikvision\n");

        var run = await CliTestHost.RunAsync("screen", input, "--algorithm", "jaro-winkler");

        run.ShouldFailWith(2, "--algorithm", "jaro-winkler", "token-align-v3", "ofac-parity-v1");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Algorithms_Table_ListsEachAlgorithmDefaultFirst()
    {
        var run = await CliTestHost.RunAsync("algorithms");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.StdoutLines[0].Should().Be("token-align-v5 (default)");
        run.StdoutLines.Should().Contain("token-align-v4");
        run.StdoutLines.Should().Contain("token-align-v3");
        run.StdoutLines.Should().Contain("ofac-parity-v1");
    }

    [Fact]
    public async Task Algorithms_Json_OneObjectPerAlgorithmWithFeatures()
    {
        var run = await CliTestHost.RunAsync("algorithms", "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var rows = run.JsonLines;
        rows.Select(r => r.GetProperty("name").GetString()).Should().Equal("token-align-v5", "token-align-v4", "token-align-v3", "ofac-parity-v1");
        rows.Select(r => r.GetProperty("default").GetBoolean()).Should().Equal(true, false, false, false);
        rows[3].GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Should().Contain("part-floor");
    }
}
