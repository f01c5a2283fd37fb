using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Sources;
using VendorScreen.Sources.Ofac;
using static VendorScreen.Tests.Sources.Ofac.OfacCsvSourceTests;

namespace VendorScreen.Tests.Sources.Ofac;

public sealed class OfacXmlSourceTests
{
    [Fact]
    public async Task LoadAsync_SdnXml_MapsEntriesNamesIdsAndPublishDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var path = TestData("xml/sdn.xml");

        var snapshot = await OfacXmlFormat.Flat.Open(path, clock).LoadAsync();

        snapshot.SourceName.Should().Be("ofac-sdn");
        snapshot.Version.Should().Be("2024-03-15");
        snapshot.FetchedAt.Should().Be(clock.GetUtcNow());
        snapshot.Sha256.Should().Be(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant());
        snapshot.Entities.Select(e => (e.Id, e.Kind, e.PrimaryName)).Should().Equal(
            ("ofac-sdn:93001", EntityKind.Organization, "EXAMPLE XML SHIPPING LLC"),
            ("ofac-sdn:93002", EntityKind.Person, "XMLSON, Maria Example"),
            ("ofac-sdn:93003", EntityKind.Vessel, "XML STAR"),
            ("ofac-sdn:93004", EntityKind.Aircraft, "EP-XML1"));

        var shipping = snapshot.Entities[0];
        shipping.Names.Skip(1).Should().Equal(
            new EntityName("EXAMPLE XML SHIPPING", NameKind.Alias),
            new EntityName("EXS", NameKind.WeakAlias),
            new EntityName("OLD XML SHIPPING", NameKind.Former));
        shipping.Identifiers.Select(i => (i.Scheme, i.Value)).Should().BeEquivalentTo(new[]
        {
            (OfacIdentifierTypes.RegistrationNumber, "778899"),
            (IdentifierSchemes.Website, "www.xml-shipping.test"),
            (OfacIdentifierTypes.CryptoWallet, "bc1qexamplexmlshipping000000000000000000"),
            (IdentifierSchemes.Address, "No. 5 Example Alley, Tehran, Iran"),
        });
        shipping.Listings.Select(l => l.Program).Should().Equal("IRAN", "SDGT");
        shipping.Remarks.Should().Be("Additional Sanctions Information - Subject to Secondary Sanctions.");

        var person = snapshot.Entities[1];
        person.Names.Should().Contain(new EntityName("XMLSON, Mary", NameKind.Alias));
        person.Countries.Should().Equal("CO", "ES");
        person.Identifiers.Should().ContainEquivalentOf(new EntityIdentifier(OfacIdentifierTypes.Passport, "P998877") { Notes = "Colombia; issued 01 Jan 2015; expires 31 Dec 2025" });
        person.Identifiers.Select(i => (i.Scheme, i.Value)).Should().Contain([(OfacIdentifierTypes.DateOfBirth, "1968-12-10"), (OfacIdentifierTypes.PlaceOfBirth, "Medellin, Colombia")]);

        var vessel = snapshot.Entities[2];
        vessel.Identifiers.Select(i => (i.Scheme, i.Value)).Should().Contain([(IdentifierSchemes.Imo, "9888881"), (OfacIdentifierTypes.Mmsi, "256000001"), (OfacIdentifierTypes.CallSign, "9HXM1")]);
        vessel.Countries.Should().Equal("MT");
        snapshot.Relations.Should().ContainSingle().Which.Should().Match<Relation>(r => r.FromId == "ofac-sdn:93003" && r.ToId == "ofac-sdn:93001" && r.Kind == RelationKind.OwnedBy);
        snapshot.RejectedRecords.Should().ContainSingle().Which.Should().Be(new RejectedRecord("sdn.xml:173", "sdnEntry uid \"\" is missing or not a number"));
    }

    [Fact]
    public async Task LoadAsync_SdnXmlRemarksNames_AreWeakAliasesAsInTheCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vendorscreen-remarks-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, """
            <?xml version="1.0" standalone="yes"?>
            <sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
              <publshInformation><Publish_Date>03/15/2024</Publish_Date><Record_Count>1</Record_Count></publshInformation>
              <sdnEntry>
                <uid>93101</uid>
                <lastName>EXAMPLE REMARKS FRONT</lastName>
                <sdnType>Entity</sdnType>
                <programList><program>SDGT</program></programList>
                <remarks>a.k.a. 'ERF'; f.k.a. "OLD REMARKS FRONT"; n.k.a. NEW REMARKS FRONT.</remarks>
              </sdnEntry>
            </sdnList>
            """);
        try
        {
            var snapshot = await SourceFormats.Get("ofac-xml").Open(path).LoadAsync();

            snapshot.Entities.Should().ContainSingle().Which.Names.Skip(1).Should().Equal(
                new EntityName("ERF", NameKind.WeakAlias),
                new EntityName("OLD REMARKS FRONT", NameKind.WeakAlias),
                new EntityName("NEW REMARKS FRONT", NameKind.WeakAlias));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LoadAsync_AdvancedXml_ComposesNamesFeaturesDocumentsListsAndRelations()
    {
        var snapshot = await OfacXmlFormat.Flat.Open(TestData("xml/sdn_advanced.xml")).LoadAsync();

        snapshot.Version.Should().Be("2024-03-06");
        snapshot.Entities.Select(e => (e.Id, e.Kind, e.PrimaryName)).Should().Equal(
            ("ofac-sdn:94001", EntityKind.Organization, "EXAMPLE ADVANCED METALS COMPANY"),
            ("ofac-sdn:94002", EntityKind.Person, "ADVANCEDSON, Omar Example"),
            ("ofac-sdn:94003", EntityKind.Vessel, "ADVANCED SEA"),
            ("ofac-cons:94004", EntityKind.Person, "EXAMPLE, Legislator"));

        var metals = snapshot.Entities[0];
        metals.Names.Skip(1).Should().Equal(
            new EntityName("EAM GROUP", NameKind.Alias),
            new EntityName("EAMC", NameKind.WeakAlias),
            new EntityName("OLD ADVANCED METALS", NameKind.Former),
            new EntityName("شركة المعادن المتقدمة", NameKind.NativeScript) { Script = "Arab" });
        metals.Identifiers.Select(i => (i.Scheme, i.Value)).Should().BeEquivalentTo(new[]
        {
            (IdentifierSchemes.Website, "www.advanced-metals.test"),
            (OfacIdentifierTypes.CryptoWallet, "1AdvancedMetalsExampleWallet0001"),
            (OfacIdentifierTypes.RegistrationNumber, "55443322"),
            (IdentifierSchemes.Address, "7 Example Boulevard, Tehran, Iran"),
        });
        metals.Listings.Should().BeEquivalentTo(new[]
        {
            new Listing("us-ofac-sdn") { Program = "SDGT", Authority = "US Treasury OFAC", NameAsListed = metals.PrimaryName, ListedOn = FactDate.Parse("2020-01-10"), Citation = "EO13224", SourceUrl = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=94001" },
            new Listing("us-ofac-sdn") { Program = "IRAN-EO13902", Authority = "US Treasury OFAC", NameAsListed = metals.PrimaryName, ListedOn = FactDate.Parse("2020-01-10"), Citation = "EO13224", SourceUrl = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=94001" },
        });

        var person = snapshot.Entities[1];
        person.Names.Should().Contain(new EntityName("ADVANSON, Omer", NameKind.Alias));
        person.Countries.Should().Equal("CO");
        person.Identifiers.Select(i => (i.Scheme, i.Value)).Should().Contain([
            (OfacIdentifierTypes.DateOfBirth, "1975-04-12"),
            (OfacIdentifierTypes.DateOfBirth, "1976"),
            (OfacIdentifierTypes.PlaceOfBirth, "Cali, Colombia"),
            (OfacIdentifierTypes.Passport, "AB445566"),
        ]);

        var vessel = snapshot.Entities[2];
        vessel.Identifiers.Select(i => (i.Scheme, i.Value)).Should().Contain([(IdentifierSchemes.Imo, "9777771"), (OfacIdentifierTypes.CallSign, "9HAD1")]);
        vessel.Countries.Should().Equal("MT");

        snapshot.Entities[3].Listings.Should().ContainSingle().Which.Should().Match<Listing>(l => l.ListId == "us-ofac-cons" && l.Program == "NS-PLC");
        snapshot.Lists.Select(l => l.Id).Should().Equal("us-ofac-cons", "us-ofac-sdn");
        snapshot.Relations.Select(r => (r.FromId, r.Kind, r.ToId)).Should().BeEquivalentTo(new[]
        {
            ("ofac-sdn:94002", RelationKind.LinkedTo, "ofac-sdn:94001"),
            ("ofac-sdn:94003", RelationKind.OwnedBy, "ofac-sdn:94001"),
        });
        snapshot.RejectedRecords.Select(r => r.Reason).Should().BeEquivalentTo(new[]
        {
            "identity document 5004 belongs to identity 4999, which is not in the file",
            "ofac-sdn:94002: Associate Of refers to profile 99999, which is not in the file",
        });
    }

    [Fact]
    public async Task LoadAsync_AdvancedSectionsInAnyOrder_GiveTheSameEntities()
    {
        var original = File.ReadAllText(TestData("xml/sdn_advanced.xml"));
        var references = Section(original, "ReferenceValueSets");
        var locations = Section(original, "Locations");
        var reordered = original.Replace(references, string.Empty, StringComparison.Ordinal).Replace(locations, string.Empty, StringComparison.Ordinal)
            .Replace("</Sanctions>", locations + references + "</Sanctions>", StringComparison.Ordinal);

        var expected = OfacXmlFormat.Read(File.ReadAllBytes(TestData("xml/sdn_advanced.xml")), "sdn_advanced.xml", "ofac-sdn");
        var actual = OfacXmlFormat.Read(Encoding.UTF8.GetBytes(reordered), "sdn_advanced.xml", "ofac-sdn");

        actual.Entities.Should().BeEquivalentTo(expected.Entities);
        actual.Relations.Should().BeEquivalentTo(expected.Relations);

        static string Section(string xml, string name)
        {
            var start = xml.IndexOf("<" + name + ">", StringComparison.Ordinal);
            var end = xml.IndexOf("</" + name + ">", StringComparison.Ordinal) + name.Length + 3;
            return xml[start..end];
        }
    }

    [Theory]
    [InlineData("xml/malformed.xml", "*malformed.xml:5:23*")]
    [InlineData("xml/dtd.xml", "*dtd.xml:2:1*DTD is prohibited*")]
    [InlineData("xml/not-ofac.xml", "*root element is <CONSOLIDATED_LIST>*")]
    public async Task LoadAsync_BadDocument_ThrowsNamingSourceFileAndPosition(string file, string message)
    {
        var act = async () => await OfacXmlFormat.Flat.Open(TestData(file), sourceName: "my-ofac").LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>())
            .WithMessage("my-ofac: " + message)
            .Which.SourceName.Should().Be("my-ofac");
    }

    [Fact]
    public async Task LoadAsync_OversizedDocument_Throws()
    {
        var source = new OfacXmlFormat(advanced: false, maxCharacters: 1000).Open(TestData("xml/sdn.xml"));

        var act = async () => await source.LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).WithMessage("*sdn.xml:*MaxCharactersInDocument*");
    }

    [Fact]
    public void Read_PredefinedEntitiesAndCharacterReferences_AreNotLimited()
    {
        var name = string.Concat(Enumerable.Repeat("A &amp; B &#65; ", 500));
        var xml = $"<sdnList><sdnEntry><uid>1</uid><lastName>{name}</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>";

        var snapshot = OfacXmlFormat.Read(Encoding.UTF8.GetBytes(xml), "sdn.xml", "ofac-sdn");

        snapshot.Entities.Should().ContainSingle().Which.PrimaryName.Should().StartWith("A & B A A & B A");
    }

    [Fact]
    public async Task LoadAsync_CanceledToken_ThrowsOperationCanceled()
    {
        var act = async () => await OfacXmlFormat.Flat.Open(TestData("xml/sdn.xml")).LoadAsync(new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task LoadAsync_MissingFile_Throws()
    {
        var act = async () => await OfacXmlFormat.Flat.Open(TestData("xml/none.xml")).LoadAsync();

        (await act.Should().ThrowAsync<SanctionListSourceException>()).Which.InnerException.Should().BeAssignableTo<IOException>();
    }

    [Fact]
    public void Constructor_NamesFromFileName()
    {
        OfacXmlFormat.Flat.Open("SDN.XML").Name.Should().Be("ofac-sdn");
        OfacXmlFormat.Flat.Open("CONS_ADVANCED.XML").Name.Should().Be("ofac-cons");
        OfacXmlFormat.Flat.Open("x.xml", sourceName: "custom").Name.Should().Be("custom");
        FluentActions.Invoking(() => OfacXmlFormat.Flat.Open("")).Should().Throw<ArgumentException>().WithParameterName("path");
    }

    [Fact]
    public async Task ScreenAsync_AdvancedXmlAlias_HitsTheEntity()
    {
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(OfacXmlFormat.Flat.Open(TestData("xml/sdn_advanced.xml"))).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("EAM Group"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits.Should().Contain(h => h.EntityId == "ofac-sdn:94001");
    }
}
