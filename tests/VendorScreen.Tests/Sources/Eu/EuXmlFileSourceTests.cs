using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Eu;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.Eu;

public sealed class EuXmlFileSourceTests
{
    private static readonly Lazy<ListSnapshot> Sample = new(() => SourceFormats.Get("eu-xml").Open(ListTestFiles.Path("Eu/eu-fsf-sample.xml"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [Fact]
    public void LoadAsync_Sample_ReadsEveryEntryAndRejectsTheNameless()
    {
        var snapshot = Sample.Value;

        snapshot.Version.Should().Be("2025-10-14");
        snapshot.Entities.Select(e => e.Id).Should().Equal("eu:EU.27.28", "eu:EU.7712.45");
        snapshot.RejectedRecords.Should().ContainSingle().Which.Should().Match<RejectedRecord>(r => r.Position.Contains("logical id 140600") && r.Reason.Contains("no name"));
        snapshot.Lists.Should().ContainSingle(l => l.Id == "eu-fsf").Which.Category.Should().Be(ListCategory.Sanctions);
    }

    [Fact]
    public void LoadAsync_Sample_PersonHasAllNamesCitizenshipAndRegulation()
    {
        var saddam = Sample.Value.Entities[0];

        saddam.Kind.Should().Be(EntityKind.Person);
        saddam.PrimaryName.Should().Be("Saddam Hussein Al-Tikriti");
        saddam.Names.Select(n => n.Value).Should().Equal("Saddam Hussein Al-Tikriti", "Abu Ali", "Abou Ali");
        saddam.Names[2].Language.Should().Be("fr");
        saddam.Countries.Should().Equal("IQ");
        saddam.Remarks.Should().Contain("Birth: 1937-04-28, al-Awja, near Tikrit, IRAQ").And.Contain("UNSC RESOLUTION 1483");
        var listing = saddam.Listings.Single();
        listing.Program.Should().Be("IRQ");
        listing.Citation.Should().Be("1210/2003 (OJ L169)");
        listing.ListedOn.Should().Be(FactDate.Parse("2003-07-07"));
        listing.SourceUrl.Should().StartWith("http://eur-lex.europa.eu/");
    }

    [Fact]
    public void LoadAsync_Sample_EnterpriseHasWeakAliasNativeNameIdentifierAndRegulations()
    {
        var plant = Sample.Value.Entities[1];

        plant.Kind.Should().Be(EntityKind.Organization);
        plant.PrimaryName.Should().Be("Northern Light Optical Plant JSC");
        plant.Names.Should().Contain(n => n.Value == "АО Северный оптический завод" && n.Script == "Cyrl" && n.Language == "ru");
        plant.Names.Should().Contain(n => n.Value == "NLOP" && n.Kind == NameKind.WeakAlias);
        plant.Identifiers.Should().Contain(i => i.Scheme == "registration-number" && i.Value == "1027700132195");
        plant.Identifiers.Should().Contain(i => i.Scheme == IdentifierSchemes.Address && i.Value == "12 Optikov Street, Saint Petersburg, 197374, RUSSIAN FEDERATION");
        plant.Countries.Should().Equal("RU");
        var listing = plant.Listings.Single();
        listing.ListedOn.Should().Be(FactDate.Parse("2022-06-03"));
        listing.Citation.Should().Be("2022/876 (OJ L153); 2023/429 (OJ L59I)");
        listing.Program.Should().Be("RUS");
    }

    [Fact]
    public void Read_RootIsNotExport_Throws()
    {
        var act = () => SourceFormats.Get("eu-xml").Read(ListTestFiles.Utf8("<CONSOLIDATED_LIST/>"), "un.xml", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.SourceName == "eu").WithMessage("*starts with <export>*");
    }

    [Fact]
    public void Read_DtdWithEntityExpansion_IsRefused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE export [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><export>&b;</export>";

        var act = () => SourceFormats.Get("eu-xml").Read(ListTestFiles.Utf8(xml), "bomb.xml", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().WithMessage("*DTD*");
    }

    [Fact]
    public void Read_TruncatedDocument_ThrowsNotWellFormed()
    {
        var bytes = File.ReadAllBytes(ListTestFiles.Path("Eu/eu-fsf-sample.xml"));

        var act = () => SourceFormats.Get("eu-xml").Read(bytes.AsMemory(0, bytes.Length / 2), "half.xml", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location!.StartsWith("half.xml:", StringComparison.Ordinal)).WithMessage("*not well-formed*");
    }
}
