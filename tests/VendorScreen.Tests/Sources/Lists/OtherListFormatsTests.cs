using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Lists;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Sources.Lists;

public sealed class OtherListFormatsTests
{
    [Theory]
    [InlineData("Csl/csl-sample.json", "csl-json")]
    [InlineData("BisDpl/dpl-sample.txt", "bis-dpl")]
    [InlineData("Un/un-consolidated-sample.xml", "un-xml")]
    [InlineData("Eu/eu-fsf-sample.xml", "eu-xml")]
    [InlineData("Eu/eu-fsf-csv-v1-sample.csv", "eu-csv")]
    [InlineData("Uk/conlist-sample.csv", "uk-conlist")]
    [InlineData("Uk/uk-sanctions-list-sample.csv", "uk-fcdo-csv")]
    [InlineData("OpenSanctions/sample.entities.ftm.json", "ftm-json")]
    [InlineData("CustomCsv/erp-blocklist.csv", "custom-csv")]
    public void Detect_WrittenSample_OnlyItsFormatRecognisesIt(string file, string format)
    {
        var path = ListTestFiles.Path(file);

        SourceFormats.All.Where(f => f.Detect(path)).Select(f => f.Name).Should().Equal(format);
    }

    [SharedDataTheory]
    [InlineData("csl/2019-12_csl_sample_legacy_layout.csv", "csl-csv")]
    [InlineData("csl/2025-06_consolidated_sample.csv", "csl-csv")]
    [InlineData("csl/2022-09_bis_dpl.txt", "bis-dpl")]
    [InlineData("un/2026-02-27_UN_consolidated.xml", "un-xml")]
    [InlineData("eu/2018-07-04_eu_fsf_csv_v1_extract.csv", "eu-csv")]
    [InlineData("uk/2018-04-13_ofsi_ConList.csv", "uk-conlist")]
    public void Detect_RealFile_OnlyItsFormatRecognisesIt(string file, string format)
    {
        var path = SharedData.DataPath(file);

        SourceFormats.All.Where(f => f.Detect(path)).Select(f => f.Name).Should().Equal(format);
    }

    [Fact]
    public async Task Open_FormatPrefix_CreatesThatSource()
    {
        var source = SourceFormats.Open("custom-csv:" + ListTestFiles.Path("CustomCsv/erp-blocklist.csv"));

        var snapshot = await source.LoadAsync();

        source.Name.Should().Be("erp-blocklist");
        snapshot.Entities.Should().NotBeEmpty();
    }

    [Fact]
    public void All_FormatNames_AreTheDocumentedOnes()
    {
        SourceFormats.All.Select(f => f.Name).Should().Equal(
            "vendorscreen-json", "ofac-csv", "ofac-xml", "ofac-advanced-xml", "csl-csv", "csl-json", "bis-dpl", "un-xml", "eu-xml", "eu-csv", "uk-conlist", "uk-fcdo-csv", "ftm-json", "custom-csv");
    }
}
