using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Lists;
using static VendorScreen.Tests.Sources.Ofac.OfacCsvSourceTests;

namespace VendorScreen.Tests.Sources.Ofac;

public sealed class OfacFormatsTests
{
    private static IEnumerable<SourceFormat> OfacFormats => SourceFormats.All.Where(f => f.Name.StartsWith("ofac-", StringComparison.Ordinal));

    [Fact]
    public void All_RegistersTheThreeOfacFormats()
    {
        OfacFormats.Select(f => f.Name).Should().Equal("ofac-csv", "ofac-xml", "ofac-advanced-xml");
        SourceFormats.All.Select(f => f.Name).Should().Contain(["ofac-csv", "ofac-xml", "ofac-advanced-xml"]);
    }

    [Theory]
    [InlineData("csv", "ofac-csv")]
    [InlineData("csv/sdn.csv", "ofac-csv")]
    [InlineData("joined_sdn_plus_cons.csv", "ofac-csv")]
    [InlineData("xml/sdn.xml", "ofac-xml")]
    [InlineData("xml/sdn_advanced.xml", "ofac-advanced-xml")]
    [InlineData("xml/malformed.xml", "ofac-xml")] // detection reads the root only; loading reports where the XML breaks
    public void Detect_OfacFiles_AreRecognisedByOneFormat(string path, string format)
    {
        OfacFormats.Where(f => f.Detect(TestData(path))).Select(f => f.Name).Should().Equal(format);
    }

    [Theory]
    [InlineData("csv/alt.csv")]
    [InlineData("csv/sdn_comments.csv")]
    [InlineData("xml/not-ofac.xml")]
    [InlineData("xml")]
    [InlineData("no-such-file.csv")]
    public void Detect_OtherFiles_AreNotClaimed(string path)
    {
        OfacFormats.Where(f => f.Detect(TestData(path))).Should().BeEmpty();
    }

    [Fact]
    public async Task Open_DetectedFolder_LoadsTheCsvSource()
    {
        var source = SourceFormats.Open(TestData("csv"));

        source.Should().BeOfType<ListFileSource>().Which.Format.Name.Should().Be("ofac-csv");
        (await source.LoadAsync()).Entities.Should().HaveCount(7);
    }

    [Fact]
    public async Task Open_NamedFormat_UsesIt()
    {
        var source = SourceFormats.Open("ofac-advanced-xml:" + TestData("xml/sdn_advanced.xml"));

        source.Should().BeOfType<ListFileSource>().Which.Format.Name.Should().Be("ofac-advanced-xml");
        (await source.LoadAsync()).Entities.Should().HaveCount(4);
    }
}
