using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Eu;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.Eu;

public sealed class EuCsvFileSourceTests
{
    private static readonly Lazy<ListSnapshot> Real = new(() =>
    {
        var path = SharedData.DataPath("eu/2018-07-04_eu_fsf_csv_v1_extract.csv");
        return SourceFormats.Get("eu-csv").Read(File.ReadAllBytes(path), path, ListTestFiles.Now);
    });

    private static readonly Lazy<ListSnapshot> Sample = new(() => SourceFormats.Get("eu-csv").Open(ListTestFiles.Path("Eu/eu-fsf-csv-v1-sample.csv"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [SharedDataFact]
    public void Read_Real2018Extract_Has93EntriesFrom999Rows()
    {
        var snapshot = Real.Value;

        snapshot.Version.Should().Be("2018-07-04");
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.Entities.Should().HaveCount(93);
        snapshot.Entities.Count(e => e.Kind == EntityKind.Person).Should().Be(61);
        snapshot.Entities.Count(e => e.Kind == EntityKind.Organization).Should().Be(32);
        snapshot.Entities.Select(e => e.Listings.Single().Program).Distinct().Should().BeEquivalentTo(["ZWE", "IRQ", "TERR", "TAQA"]);
    }

    [SharedDataFact]
    public void Read_Real2018Extract_SaddamHusseinHasAliasesAndTranslations()
    {
        var saddam = Real.Value.Entities.Single(e => e.Id == "eu:EU.27.28");

        saddam.PrimaryName.Should().Be("Saddam Hussein Al-Tikriti");
        saddam.Names.Select(n => n.Value).Should().Contain(["Abu Ali", "Abou Ali"]);
        saddam.Countries.Should().Contain("IQ");
        saddam.Listings.Single().Citation.Should().Contain("1210/2003 (OJ L169)");
    }

    [SharedDataFact]
    public void Read_Real2018Extract_MugabeHasAllRegulationsAndPassport()
    {
        var mugabe = Real.Value.Entities.Single(e => e.Id == "eu:EU.36.64");

        mugabe.Listings.Single().Citation.Should().Be("1643/2002 (OJ L247); 2018/223 (OJ L43)");
        mugabe.Identifiers.Should().Contain(i => i.Scheme == "passport" && i.Value == "AD001095");
        mugabe.Remarks.Should().Contain("Birth: 1924-02-21");
    }

    [Fact]
    public void LoadAsync_Sample_GroupsRowsAndRejectsBadRows()
    {
        var snapshot = Sample.Value;

        snapshot.Version.Should().Be("2018-07-04");
        snapshot.Entities.Select(e => e.Id).Should().Equal("eu:EU.27.28", "eu:EU.459.37");
        snapshot.RejectedRecords.Select(r => r.Position.Split(':')[^1]).Should().Equal("10", "11");
        snapshot.RejectedRecords[0].Reason.Should().Contain("no Entity_logical_id");
        snapshot.RejectedRecords[1].Reason.Should().Contain("6 fields");
    }

    [Fact]
    public void LoadAsync_Sample_ReadsNamesBirthIdentificationCitizenship()
    {
        var saddam = Sample.Value.Entities[0];

        saddam.Names.Select(n => n.Value).Should().Equal("Saddam Hussein Al-Tikriti", "Abu Ali", "Abou Ali");
        saddam.Countries.Should().Equal("IQ");
        saddam.Identifiers.Should().ContainSingle(i => i.Scheme == "passport").Which.Value.Should().Be("AD001095");
        saddam.Remarks.Should().Contain("Birth: 1937-04-28, al-Awja, near Tikrit");
        saddam.Identifiers.Should().ContainSingle(i => i.Scheme == IdentifierSchemes.DateOfBirth).Which.Value.Should().Be("1937-04-28");
        var foundation = Sample.Value.Entities[1];
        foundation.PrimaryName.Should().Be("Example Relief Foundation; Mostazafan branch");
        foundation.Countries.Should().Equal("MA");
    }

    [Fact]
    public void Read_CommaSeparatedHeader_Throws()
    {
        var act = () => SourceFormats.Get("eu-csv").Read(ListTestFiles.Utf8("Entity_logical_id,Subject_type\n1,P\n"), "x.csv", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "x.csv:1").WithMessage("*Date_file*");
    }
}
