using FluentAssertions;

namespace VendorScreen.Tests.Cli;

/// <summary>The sample input files in samples/data run through the command line: one record per row, the headline cases as expected.</summary>
public sealed class SampleFileTests
{
    [Theory]
    [InlineData("vendors.csv")]
    [InlineData("products.csv")]
    public async Task Screen_SampleFile_OneJsonRecordPerRow(string name)
    {
        var path = SamplePath(name);
        var dataRows = File.ReadAllLines(path).Skip(1).Count(l => l.Length > 0);

        var run = await CliTestHost.RunAsync("screen", path, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        run.JsonLines.Should().HaveCount(dataRows);
    }

    [Fact]
    public async Task Screen_VendorsSample_HeadlineCases()
    {
        var run = await CliTestHost.RunAsync("screen", SamplePath("vendors.csv"), "--format", "json");

        var decisions = run.JsonLines.ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("decision").GetString());
        decisions["V01"].Should().Be("block", "Hikvision's legal name");
        decisions["V02"].Should().Be("block", "Hikvision's Chinese name");
        decisions["V03"].Should().Be("block", "a Hikvision subsidiary");
        decisions["V05"].Should().NotBe("clear", "Lorex while Dahua owned it");
        decisions["V06"].Should().NotBe("block", "Lorex after the sale");
        decisions["V12"].Should().Be("clear", "Axis is a legitimate maker");
    }

    [Fact]
    public async Task Screen_ProductsSample_HeadlineCases()
    {
        var run = await CliTestHost.RunAsync("screen", SamplePath("products.csv"), "--format", "json");

        var decisions = run.JsonLines.ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("decision").GetString());
        decisions["P01"].Should().Be("block", "EZVIZ is a Hikvision subsidiary");
        decisions["P03"].Should().Be("block", "HiLook is a Hikvision brand");
        decisions["P04"].Should().NotBe("clear", "FCC grantee code 2ADTD is Hikvision's");
        decisions["P08"].Should().Be("clear", "Axis is a legitimate maker");
        decisions["P15"].Should().Be("review", "the FCC ID printed in the title has Hikvision's grantee code");
        decisions["P16"].Should().Be("block", "DJI is on the FCC Covered List");
        decisions["P17"].Should().Be("block", "Hikvision written with symbols for letters");
        decisions["P18"].Should().Be("review", "Uniview is on the Entity List, reviewed as its brand field would be");
        decisions["P19"].Should().Be("block", "Hikvision as Russian writes it");
    }

    internal static string SamplePath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VendorScreen.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("VendorScreen.sln not found above the test folder"), "samples", "data", name);
    }
}
