using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Un;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.Un;

public sealed class UnXmlFileSourceTests
{
    private static readonly Lazy<ListSnapshot> Real = new(() =>
    {
        var path = SharedData.DataPath("un/2026-02-27_UN_consolidated.xml");
        return SourceFormats.Get("un-xml").Read(File.ReadAllBytes(path), path, ListTestFiles.Now);
    });

    private static readonly Lazy<ListSnapshot> Sample = new(() => SourceFormats.Get("un-xml").Open(ListTestFiles.Path("Un/un-consolidated-sample.xml"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [SharedDataFact]
    public void Read_Real20260227List_Has730IndividualsAnd273Entities()
    {
        var snapshot = Real.Value;

        snapshot.Entities.Count(e => e.Kind == EntityKind.Person).Should().Be(730);
        snapshot.Entities.Count(e => e.Kind == EntityKind.Organization).Should().Be(273);
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.Version.Should().Be("2026-02-27");
        snapshot.Sha256.Should().StartWith("66b392a4090868d2");
        snapshot.Entities.Should().OnlyContain(e => e.Listings.Single().ListId == "un-sc-consolidated");
    }

    [SharedDataFact]
    public void Read_Real20260227List_IyamuremyeHasAllAliasesWithQuality()
    {
        var gaston = Real.Value.Entities.Single(e => e.Id == "un:CDi.003");

        gaston.PrimaryName.Should().Be("GASTON IYAMUREMYE");
        gaston.Names.Where(n => n.Kind == NameKind.Alias).Select(n => n.Value).Should().BeEquivalentTo(["Byiringiro Victor Rumuli", "Victor Rumuri", "Michel Byiringiro"]);
        gaston.Names.Should().ContainSingle(n => n.Kind == NameKind.WeakAlias).Which.Value.Should().Be("Rumuli");
        gaston.Countries.Should().Contain(["RW", "CD"]);
        gaston.Listings.Single().Should().Match<Listing>(l => l.Program == "DRC" && l.Citation == "CDi.003" && l.ListedOn == FactDate.Parse("2010-12-01"));
        gaston.Remarks.Should().Contain("Date of birth: 1948").And.Contain("Designation: FDLR Interim President");
    }

    [SharedDataFact]
    public void Read_Real20260227List_KeepsOriginalScriptAndFormerNames()
    {
        Real.Value.Entities.Should().Contain(e => e.Names.Any(n => n.Kind == NameKind.NativeScript && n.Script == "Arab"));
        var adf = Real.Value.Entities.Single(e => e.Id == "un:CDe.001");
        adf.Names.Should().Contain(n => n.Value == "Allied Democratic Forces" && n.Kind == NameKind.Alias);
        adf.Names.Should().Contain(n => n.Value == "NALU" && n.Kind == NameKind.Former);
    }

    [Fact]
    public void LoadAsync_Sample_MapsIndividualsAndEntities()
    {
        var snapshot = Sample.Value;

        snapshot.Version.Should().Be("2025-09-30");
        snapshot.FetchedAt.Should().Be(ListTestFiles.Now);
        snapshot.Entities.Select(e => e.Id).Should().Equal("un:QDi.901", "un:KPe.910");
        snapshot.RejectedRecords.Should().ContainSingle().Which.Reason.Should().Contain("no name");
        snapshot.RejectedRecords[0].Position.Should().EndWith("un-consolidated-sample.xml:28 (CDi.990)");
    }

    [Fact]
    public void LoadAsync_Sample_IndividualHasScriptAliasesDocumentsAndBirth()
    {
        var khalid = Sample.Value.Entities[0];

        khalid.Names.Select(n => (n.Value, n.Kind)).Should().Equal(
            ("KHALID AHMED MAHMOUD", NameKind.Primary),
            ("خالد أحمد محمود", NameKind.NativeScript),
            ("Khaled Ahmad Mahmud", NameKind.Alias),
            ("Abu Ahmed", NameKind.WeakAlias));
        khalid.Names[1].Script.Should().Be("Arab");
        khalid.Countries.Should().Equal("SY");
        khalid.Identifiers.Should().Contain(i => i.Scheme == "passport" && i.Value == "N0012345");
        khalid.Identifiers.Should().ContainSingle(i => i.Scheme == IdentifierSchemes.DateOfBirth).Which.Should().Match<EntityIdentifier>(i => i.Value == "1975" && i.Notes == "circa");
        khalid.Remarks.Should().Contain("Date of birth: 1975 (approximately)").And.Contain("Place of birth: Aleppo, Syrian Arab Republic").And.Contain("Title: Sheikh");
    }

    [Fact]
    public void LoadAsync_Sample_EntityFormerNameAndCountry()
    {
        var ryonha = Sample.Value.Entities[1];

        ryonha.Kind.Should().Be(EntityKind.Organization);
        ryonha.Names.Should().Contain(n => n.Value == "Ryonha Machine Tool Corporation" && n.Kind == NameKind.Former);
        ryonha.Countries.Should().Equal("KP");
        ryonha.Listings.Single().Program.Should().Be("DPRK");
    }

    [Fact]
    public void Read_DocumentWithDtd_IsRefused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x \"xx\">]>\n<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>";

        var act = () => SourceFormats.Get("un-xml").Read(ListTestFiles.Utf8(xml), "dtd.xml", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "dtd.xml").WithMessage("*has a DTD*");
    }

    [Fact]
    public void Read_BrokenXml_ThrowsWithLine()
    {
        var xml = "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID></INDIVIDUALS>\n</CONSOLIDATED_LIST>";

        var act = () => SourceFormats.Get("un-xml").Read(ListTestFiles.Utf8(xml), "broken.xml", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location!.StartsWith("broken.xml:3", StringComparison.Ordinal)).WithMessage("*not well-formed XML*");
    }

    [Fact]
    public void Read_OtherRootElement_Throws()
    {
        var act = () => SourceFormats.Get("un-xml").Read(ListTestFiles.Utf8("<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\"/>"), "eu.xml", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().WithMessage("*<CONSOLIDATED_LIST>*");
    }
}
