using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Uk;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.Uk;

public sealed class UkFileSourcesTests
{
    private static readonly Lazy<ListSnapshot> Real = new(() =>
    {
        var path = SharedData.DataPath("uk/2018-04-13_ofsi_ConList.csv");
        return SourceFormats.Get("uk-conlist").Read(File.ReadAllBytes(path), path, ListTestFiles.Now);
    });

    private static readonly Lazy<ListSnapshot> ConListSample = new(() => SourceFormats.Get("uk-conlist").Open(ListTestFiles.Path("Uk/conlist-sample.csv"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    private static readonly Lazy<ListSnapshot> FcdoSample = new(() => SourceFormats.Get("uk-fcdo-csv").Open(ListTestFiles.Path("Uk/uk-sanctions-list-sample.csv"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [SharedDataFact]
    public void Read_Real2018ConList_Has2106Groups()
    {
        var snapshot = Real.Value;

        snapshot.Version.Should().Be("2018-04-13");
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.Entities.Should().HaveCount(2106);
        snapshot.Entities.Count(e => e.Kind == EntityKind.Person).Should().Be(1426);
        snapshot.Entities.Count(e => e.Kind == EntityKind.Organization).Should().Be(680);
        snapshot.Sha256.Should().StartWith("4402c65f027b678f");
    }

    [SharedDataFact]
    public void Read_Real2018ConList_Group13349HasAllItsNames()
    {
        var group = Real.Value.Entities.Single(e => e.Id == "uk:13349");

        group.PrimaryName.Should().Be("Nayef Salam Muhammad Ujaym AL-HABABI");
        group.Names.Select(n => n.Value).Should().BeEquivalentTo(
        [
            "Nayef Salam Muhammad Ujaym AL-HABABI", "Nayf Salam Muhammad Ujaym AL-HABABI", "Sheikh Farooq AL-QAHTANI", "Farouq al-Qahtani AL QATARI",
            "Faruq AL-QAHTANI", "Faruq AL-QATARI", "Sheikh Faroq AL-QATARI", "Imran Farouk SHAYKH",
        ]);
        group.Countries.Should().BeEquivalentTo(["SA", "QA", "AF"]);
        group.Listings.Single().Should().Match<Listing>(l => l.Program == "The ISIL (Da'esh) and Al-Qaida organisations" && l.ListedOn == FactDate.Parse("2016-04-01") && l.Citation == "UN Ref QDe.004");
        group.Remarks.Should().Contain("Date of birth: 00/00/1980").And.Contain("Date of birth: 00/00/1981");
        group.Identifiers.Where(i => i.Scheme == IdentifierSchemes.DateOfBirth).Select(i => i.Value).Should().Equal("1980", "1981");
    }

    [Fact]
    public void LoadAsync_ConListSample_DecodesWindows1252AndGroups()
    {
        var snapshot = ConListSample.Value;

        snapshot.Version.Should().Be("2018-04-13");
        snapshot.Entities.Select(e => e.Id).Should().Equal("uk:11170", "uk:7173");
        var fdlr = snapshot.Entities[0];
        fdlr.PrimaryName.Should().Be("FORCES DÉMOCRATIQUES DE LIBÉRATION DU RWANDA");
        fdlr.Names.Should().Contain(n => n.Value == "FDLR" && n.Kind == NameKind.Alias);
        fdlr.Names.Should().Contain(n => n.Value.EndsWith("– FORCES COMBATTANTES ABACUNGUZI", StringComparison.Ordinal) && n.Kind == NameKind.Former);
        fdlr.Countries.Should().Equal("CD");
        var noori = snapshot.Entities[1];
        noori.PrimaryName.Should().Be("Abdul Karim NOORI");
        noori.Countries.Should().Equal("AF", "PK");
        noori.Remarks.Should().Contain("Position: Governor’s deputy");
    }

    [Fact]
    public void LoadAsync_FcdoSample_GroupsByUniqueIdWithNativeAndWeakNames()
    {
        var snapshot = FcdoSample.Value;

        snapshot.Version.Should().Be("2025-05-20");
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.Entities.Select(e => e.Id).Should().Equal("uk:RUS1801", "uk:AFG0006", "uk:RUS2250");
        var plant = snapshot.Entities[0];
        plant.Kind.Should().Be(EntityKind.Organization);
        plant.Names.Select(n => (n.Value, n.Kind)).Should().Equal(
            ("NORTHERN LIGHT OPTICAL PLANT", NameKind.Primary),
            ("NORTHERN LIGHT OPTICAL PLANT JSC", NameKind.Alias),
            ("NLOP", NameKind.WeakAlias),
            ("СЕВЕРНЫЙ ОПТИЧЕСКИЙ ЗАВОД", NameKind.NativeScript));
        plant.Identifiers.Should().Contain(i => i.Scheme == "registration-number" && i.Value == "1027700132195");
        plant.Listings.Single().Should().Match<Listing>(l =>
            l.Program == "The Russia (Sanctions) (EU Exit) Regulations 2019" && l.Scope == "Asset freeze|Trust services sanctions" && l.ListedOn == FactDate.Parse("2023-02-24"));
    }

    [Fact]
    public void LoadAsync_FcdoSample_IndividualAndShip()
    {
        var akhund = FcdoSample.Value.Entities[1];
        akhund.Kind.Should().Be(EntityKind.Person);
        akhund.PrimaryName.Should().Be("MOHAMMAD HASSAN AKHUND");
        akhund.Names.Should().Contain(n => n.Value == "محمد حسن آخوند" && n.Script == "Arab" && n.Language == "Pashto");
        akhund.Identifiers.Should().Contain(i => i.Scheme == "passport" && i.Value == "OR1234567");
        akhund.Countries.Should().Equal("AF");
        akhund.Listings.Single().Citation.Should().Be("UN Ref TAi.002");

        var ship = FcdoSample.Value.Entities[2];
        ship.Kind.Should().Be(EntityKind.Vessel);
        ship.Identifiers.Should().ContainSingle(i => i.Scheme == IdentifierSchemes.Imo).Which.Value.Should().Be("9187654");
    }

    [Fact]
    public void Read_ConListWithoutLastUpdatedLine_Throws()
    {
        var act = () => SourceFormats.Get("uk-conlist").Read(ListTestFiles.Utf8("Name 6,Name 1,Group ID\nX,Y,1\n"), "c.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "c.csv:1").WithMessage("*Last Updated*");
    }

    [Fact]
    public void Read_FcdoHeaderMissingColumns_Throws()
    {
        var act = () => SourceFormats.Get("uk-fcdo-csv").Read(ListTestFiles.Utf8("Report Date: 01-Jan-2026\nUnique ID,Name 6\nA1,X\n"), "u.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "u.csv:2").WithMessage("*\"Name 1\"*");
    }
}
