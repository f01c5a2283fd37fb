using FluentAssertions;

namespace VendorScreen.Tests.Cli;

/// <summary><c>--policy</c> takes a built-in name or a JSON policy file.</summary>
public sealed class PolicyOptionTests : IDisposable
{
    private readonly CliTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Screen_PolicyFile_DecidesWithItsRulesAndNamesItself()
    {
        var policy = _host.Write("garments.json", """
            {
              "format": "vendorscreen-policy/1",
              "name": "acme-garments",
              "rules": [ { "name": "dahua-weak-names", "when": { "lists": ["us-ndaa-889"], "evidence": ["mention"] }, "decision": "clear" } ]
            }
            """);
        var input = _host.Write("suppliers.csv", "id,name\nS1,Shanghai Dahua Garments\nS2,Zhejiang Dahua Technology Co. Ltd.\n");

        var before = await CliTestHost.RunAsync("screen", input, "--format", "json");
        var after = await CliTestHost.RunAsync("screen", input, "--format", "json", "--policy", policy);

        after.ExitCode.Should().Be(0, after.Stderr);
        after.JsonLines.Should().AllSatisfy(j => j.GetProperty("policy").GetString().Should().Be("acme-garments"));
        before.JsonLines[0].GetProperty("decision").GetString().Should().Be("review", "the default policy reviews a maker's name inside a longer supplier name");
        before.JsonLines[0].GetProperty("hits")[0].GetProperty("rule").GetString().Should().Be("name-mention");
        after.JsonLines[0].GetProperty("decision").GetString().Should().Be("clear", "the policy file's rule clears name mentions");
        after.JsonLines[1].GetProperty("decision").GetString().Should().Be("block", "the base policy still blocks the maker itself");
    }

    [Fact]
    public async Task Screen_BadPolicyFile_OneLineWithFileAndPath()
    {
        var policy = _host.Write("bad.json", """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"minScor":0.9},"decision":"block"}]}""");

        var run = await CliTestHost.RunAsync("screen", SampleFileTests.SamplePath("vendors.csv"), "--policy", policy);

        run.ShouldFailWith(2, $"--policy {policy}: $.rules[0].when.minScor: unknown key");
    }

    [Theory]
    [InlineData("marketplace-listing")]
    [InlineData("human-rights-due-diligence")]
    public async Task Screen_BuiltInPolicyFromAFile_IsSelectableByName(string name)
    {
        var run = await CliTestHost.RunAsync("screen", SampleFileTests.SamplePath("products.csv"), "--format", "json", "--policy", name);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.JsonLines.Should().AllSatisfy(j => j.GetProperty("policy").GetString().Should().Be(name));
    }
}
