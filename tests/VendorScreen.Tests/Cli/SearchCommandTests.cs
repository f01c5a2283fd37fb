using FluentAssertions;

namespace VendorScreen.Tests.Cli;

public sealed class SearchCommandTests
{
    [Fact]
    public async Task Search_Table_ListsTheBestEntitiesFirst()
    {
        var run = await CliTestHost.RunAsync("search", "Hikvison Digital Technology", "--top", "3");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.StdoutLines[0].Should().StartWith("3 found for \"Hikvison Digital Technology\"").And.Contain("token-align-v5");
        run.StdoutLines[1].Should().Contain("default:hikvision");
        run.StdoutLines.Should().HaveCount(4);
    }

    [Fact]
    public async Task Search_Json_OneObjectWithHitsAndExplanations()
    {
        var run = await CliTestHost.RunAsync("search", "Dahua Tecnology", "--format", "json", "--min-score", "0.8");

        run.ExitCode.Should().Be(0, run.Stderr);
        var result = run.JsonLines.Should().ContainSingle().Subject;
        result.GetProperty("complete").GetBoolean().Should().BeTrue();
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        hits.Should().NotBeEmpty();
        hits[0].GetProperty("entityId").GetString().Should().Be("default:dahua");
        hits.Should().OnlyContain(h => h.GetProperty("score").GetDouble() >= 0.8);
        hits[0].GetProperty("features").EnumerateArray().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--min-score", "2")]
    public async Task Search_BadOption_ExitsTwoNamingIt(string option, string value)
    {
        var run = await CliTestHost.RunAsync("search", "Hikvision", option, value);

        run.ShouldFailWith(2, option, value);
    }
}
