using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Ofac;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Sources.Ofac;

/// <summary>OFAC's CSV files end with the DOS end-of-file byte 0x1A; a file without it is cut short.</summary>
public sealed class OfacEndMarkerTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public async Task LoadAsync_PrimaryFileCutToAShareOfItsLines_Throws(double share)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "sdn.csv");
        await File.WriteAllLinesAsync(path, Cut(OfacCsvSourceTests.TestData("csv/sdn.csv"), share));

        var act = async () => await SourceFormats.Get("ofac-csv").Open(path).LoadAsync();

        await act.Should().ThrowAsync<SanctionListSourceException>().WithMessage("*end-of-file byte (0x1A)*cut short*");
    }

    [Fact]
    public async Task LoadAsync_FolderWithPrimaryCutAndItsOtherFilesWhole_Throws()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "add.csv", "alt.csv", "sdn_comments.csv" })
        {
            File.Copy(OfacCsvSourceTests.TestData("csv/" + name), Path.Combine(folder.Path, name));
        }

        await File.WriteAllLinesAsync(Path.Combine(folder.Path, "sdn.csv"), Cut(OfacCsvSourceTests.TestData("csv/sdn.csv"), 0.5));

        var act = async () => await SourceFormats.Get("ofac-csv").Open(folder.Path).LoadAsync();

        await act.Should().ThrowAsync<SanctionListSourceException>().WithMessage("*sdn.csv*other files of the same list carry it*");
    }

    [Fact]
    public async Task LoadAsync_AliasFileCut_Throws()
    {
        using var folder = new TempFolder();
        File.Copy(OfacCsvSourceTests.TestData("csv/sdn.csv"), Path.Combine(folder.Path, "sdn.csv"));
        await File.WriteAllLinesAsync(Path.Combine(folder.Path, "alt.csv"), Cut(OfacCsvSourceTests.TestData("csv/alt.csv"), 0.5));

        var act = async () => await SourceFormats.Get("ofac-csv").Open(folder.Path).LoadAsync();

        await act.Should().ThrowAsync<SanctionListSourceException>().WithMessage("*alt.csv*end-of-file byte*");
    }

    [SharedDataFact]
    public async Task LoadAsync_RealSdnFileCut_Throws()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "sdn.csv");
        await File.WriteAllLinesAsync(path, Cut(SharedData.DataPath("ofac/2021-07_sdn_list/sdn.csv"), 0.6));

        var act = async () => await SourceFormats.Get("ofac-csv").Open(path).LoadAsync();

        await act.Should().ThrowAsync<SanctionListSourceException>().WithMessage("*0x1A*");
    }

    [SharedDataTheory]
    [InlineData("ofac/2019-01_sdn_list")]
    [InlineData("ofac/2021-07_sdn_list")]
    [InlineData("ofac/2021-07_sdn_list/sdn.csv")]
    [InlineData("ofac/2022-11_sdn_list/USASanctions_sdn_plus_cons_prim.csv")]
    [InlineData("ofac/2025-12_consolidated_non_sdn")]
    [InlineData("ofac/2025-12_consolidated_non_sdn/cons_prim.csv")]
    [InlineData("ofac/tiny_fixture")]
    public async Task LoadAsync_EveryRealOfacFileSet_StillLoads(string relative)
    {
        var snapshot = await SourceFormats.Get("ofac-csv").Open(SharedData.DataPath(relative)).LoadAsync();

        // The end-of-file check refuses none of them. (tiny_fixture, a hand-made subset, rejects more rows than it accepts, its
        // addresses, aliases and links pointing at entries left out, so the engine does not serve it; the others pass that rule too.)
        snapshot.Entities.Should().NotBeEmpty();
    }

    private static IEnumerable<string> Cut(string path, double share)
    {
        var lines = File.ReadAllLines(path);
        return lines.Take((int)(lines.Length * share));
    }
}
