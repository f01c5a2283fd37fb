using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.BisDpl;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.BisDpl;

public sealed class BisDplFileSourceTests
{
    private static readonly Lazy<ListSnapshot> Real = new(() =>
    {
        var path = SharedData.DataPath("csl/2022-09_bis_dpl.txt");
        return SourceFormats.Get("bis-dpl").Read(File.ReadAllBytes(path), path, ListTestFiles.Now, "2022-09-07");
    });

    private static readonly Lazy<ListSnapshot> Sample = new(() => SourceFormats.Get("bis-dpl").Open(ListTestFiles.Path("BisDpl/dpl-sample.txt"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [SharedDataFact]
    public void Read_Real2022File_GroupsTheRowsOfEachDenialOrder()
    {
        var snapshot = Real.Value;

        // 581 rows; rows of one order (same name, effective date and citation) are one entity.
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.Entities.Should().HaveCount(486);
        snapshot.Entities.Sum(e => e.Identifiers.Count(i => i.Scheme == IdentifierSchemes.Address)).Should().BeGreaterThan(486);
        snapshot.Entities.Should().OnlyContain(e => e.Listings.Single().ListId == "us-bis-dpl" && e.Id.StartsWith("bis-dpl:", StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void Read_Real2022File_KeepsDatesAndCitation()
    {
        var villa = Real.Value.Entities.Single(e => e.PrimaryName == "AARON ABRAHAM VILLA");
        var listing = villa.Listings.Single();

        listing.ListedOn.Should().Be(FactDate.Parse("2022-08-24"));
        listing.RemovedOn.Should().Be(FactDate.Parse("2026-01-14"));
        listing.Citation.Should().Be("87 F.R. 52741 8/29/2022");
        listing.Scope.Should().Be("Standard denial order.");
        villa.Identifiers.Should().ContainSingle(i => i.Scheme == IdentifierSchemes.Address).Which.Value.Should().Be("3415 RIVERA AVENUE, EL PASO, TX, 79905");
    }

    [Fact]
    public void LoadAsync_Sample_MergesAddressesOfOneOrder()
    {
        var snapshot = Sample.Value;

        snapshot.Entities.Should().HaveCount(2);
        var john = snapshot.Entities[0];
        john.PrimaryName.Should().Be("JOHN Q. EXPORTER");
        john.Identifiers.Where(i => i.Scheme == IdentifierSchemes.Address).Should().HaveCount(2);
        john.Countries.Should().Equal("US");
        john.Listings.Single().Should().Match<Listing>(l => l.ListedOn == FactDate.Parse("2021-03-15") && l.RemovedOn == FactDate.Parse("2031-03-15"));
        snapshot.Entities[1].Countries.Should().Equal("AE");
        snapshot.Entities[1].Listings.Single().Scope.Should().BeNull();
    }

    [Fact]
    public async Task LoadAsync_Sample_IdsAreStableAcrossLoads()
    {
        var again = await SourceFormats.Get("bis-dpl").Open(ListTestFiles.Path("BisDpl/dpl-sample.txt")).LoadAsync();

        again.Entities.Select(e => e.Id).Should().Equal(Sample.Value.Entities.Select(e => e.Id));
    }

    [Fact]
    public void Read_CommaSeparatedFile_ThrowsWrongHeader()
    {
        var act = () => SourceFormats.Get("bis-dpl").Read(ListTestFiles.Utf8("Name,Street_Address,City\nA,B,C\n"), "dpl.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "dpl.csv:1").WithMessage("*Denied Persons List*missing*");
    }
}
