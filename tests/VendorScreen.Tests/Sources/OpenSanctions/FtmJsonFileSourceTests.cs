using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.OpenSanctions;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.OpenSanctions;

public sealed class FtmJsonFileSourceTests
{
    private static readonly Lazy<ListSnapshot> Sample = new(() => SourceFormats.Get("ftm-json").Open(ListTestFiles.Path("OpenSanctions/sample.entities.ftm.json"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [Fact]
    public void LoadAsync_Sample_MapsThingsAndSkipsOtherSchemata()
    {
        var snapshot = Sample.Value;

        snapshot.Entities.Select(e => (e.Id, e.Kind)).Should().Equal(
            ("opensanctions:acme-co", EntityKind.Organization),
            ("opensanctions:person-owner", EntityKind.Person),
            ("opensanctions:holding-co", EntityKind.Organization),
            ("opensanctions:ship-1", EntityKind.Vessel));
        snapshot.FetchedAt.Should().Be(ListTestFiles.Now);
        snapshot.Sha256.Should().HaveLength(64);
    }

    [Fact]
    public void LoadAsync_Sample_CompanyHasEveryNameKindCountryAndIdentifier()
    {
        var acme = Sample.Value.Entities[0];

        acme.Names.Select(n => (n.Value, n.Kind)).Should().Equal(
            ("Northwind Optics LLC", NameKind.Primary),
            ("Northwind Optical", NameKind.Alias),
            ("NWO", NameKind.WeakAlias),
            ("Northwind Lens Works", NameKind.Former));
        acme.Countries.Should().Equal("RU");
        acme.Identifiers.Should().Contain(i => i.Scheme == IdentifierSchemes.Lei && i.Value == "5493000EXAMPLE000001");
        acme.Identifiers.Should().Contain(i => i.Scheme == "ru-inn" && i.Value == "7700000001");
        acme.Identifiers.Should().Contain(i => i.Scheme == IdentifierSchemes.Website);
    }

    [Fact]
    public void LoadAsync_Sample_SanctionsBecomeListings()
    {
        var acme = Sample.Value.Entities[0];

        var ofac = acme.Listings.Single(l => l.ListId == "us-ofac-sdn");
        ofac.Program.Should().Be("Russia-related; US-RUS");
        ofac.ListedOn.Should().Be(FactDate.Parse("2024-02-23"));
        ofac.Citation.Should().Be("51234");
        ofac.Scope.Should().Be("Block");
        var other = acme.Listings.Single(l => l.ListId == "os-xx-example-sanctions");
        other.RemovedOn.Should().Be(FactDate.Parse("2025-03-01"));
        Sample.Value.Lists.Should().Contain(l => l.Id == "os-xx-example-sanctions" && l.Category == ListCategory.Other);
        Sample.Value.Lists.Should().Contain(l => l.Id == "us-ofac-sdn" && l.Category == ListCategory.Sanctions);
    }

    [Fact]
    public void LoadAsync_Sample_OwnershipBecomesOwnedByWithShareAndDates()
    {
        var relations = Sample.Value.Relations;

        var owned = relations.Single(r => r.FromId == "opensanctions:acme-co" && r.Kind == RelationKind.OwnedBy);
        owned.ToId.Should().Be("opensanctions:holding-co");
        owned.SharePercent.Should().Be(60m);
        owned.ValidFrom.Should().Be(FactDate.Parse("2019-03-01"));
        owned.ValidTo.Should().Be(FactDate.Parse("2023-06-30"));
        owned.Confidence.Should().Be(FactConfidence.Reported);
        relations.Should().Contain(r => r.FromId == "opensanctions:holding-co" && r.ToId == "opensanctions:person-owner" && r.SharePercent == 100m && r.ValidFrom == FactDate.Parse("2018"));
        relations.Should().Contain(r => r.FromId == "opensanctions:person-owner" && r.ToId == "opensanctions:acme-co" && r.Kind == RelationKind.LinkedTo && r.Notes!.Contains("Directorship"));
        relations.Should().Contain(r => r.FromId == "opensanctions:ship-1" && r.ToId == "opensanctions:holding-co" && r.Kind == RelationKind.SuccessorOf);
        relations.Should().HaveCount(4);
    }

    [Fact]
    public void LoadAsync_Sample_RejectsBrokenLinesDanglingLinksAndNamelessThings()
    {
        var rejected = Sample.Value.RejectedRecords;

        rejected.Select(r => r.Position.Split(':')[^1]).Should().BeEquivalentTo(["14", "15", "13", "10"]);
        rejected.Should().Contain(r => r.Position.EndsWith(":14", StringComparison.Ordinal) && r.Reason.Contains("not valid JSON"));
        rejected.Should().Contain(r => r.Position.EndsWith(":15", StringComparison.Ordinal) && r.Reason.Contains("no name"));
        rejected.Should().Contain(r => r.Position.EndsWith(":13", StringComparison.Ordinal) && r.Reason.Contains("addr-1"));
        rejected.Should().Contain(r => r.Position.EndsWith(":10", StringComparison.Ordinal) && r.Reason.Contains("not-in-file"));
    }

    [Fact]
    public async Task ScreenAsync_SubsidiaryOfSanctionedCompanyThroughSample_IsNotClear()
    {
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(SourceFormats.Get("ftm-json").Open(ListTestFiles.Path("OpenSanctions/sample.entities.ftm.json")))
            .Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Northwind Optics LLC"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits.Should().Contain(h => h.Listings.Any(l => l.ListId == "us-ofac-sdn"));
    }

    [Fact]
    public void Read_LineOverTheLimit_ThrowsNamingTheLine()
    {
        var text = "{\"id\":\"a\",\"schema\":\"Company\",\"properties\":{\"name\":[\"A\"]}}\n{\"id\":\"b\",\"notes\":\"" + new string('x', FtmReader.MaxLineBytes + 10) + "\"}\n";

        var act = () => SourceFormats.Get("ftm-json").Read(ListTestFiles.Utf8(text), "big.ftm.json", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "big.ftm.json:2").WithMessage("*limit*");
    }

    [Fact]
    public void Read_LineWithInvalidUtf8InAString_IsRejectedAndTheOtherLinesKept()
    {
        var good = ListTestFiles.Utf8("""{"id": "a", "schema": "Company", "properties": {"name": ["Alpha Trading"]}}""" + "\n");
        byte[] bad = [.. ListTestFiles.Utf8("""{"id": "b", "schema": "Company", "properties": {"name": ["Bad"""), 0xFF, .. ListTestFiles.Utf8("\"]}}\n")];

        var snapshot = SourceFormats.Get("ftm-json").Read(good.Concat(bad).ToArray(), "bad.ftm.json", ListTestFiles.Now);

        snapshot.Entities.Should().ContainSingle(e => e.PrimaryName == "Alpha Trading");
        snapshot.RejectedRecords.Should().ContainSingle().Which.Should().Match<RejectedRecord>(r => r.Position == "bad.ftm.json:2" && r.Reason.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LineWithUnpairedSurrogateEscape_IsRejectedAndTheOtherLinesKept()
    {
        var text = """
            {"id": "a", "schema": "Company", "properties": {"name": ["Alpha Trading"]}}
            {"id": "b", "schema": "Company", "properties": {"name": ["Bad \ud800 name"]}}
            """;

        var snapshot = SourceFormats.Get("ftm-json").Read(ListTestFiles.Utf8(text), "bad.ftm.json", ListTestFiles.Now);

        snapshot.Entities.Should().ContainSingle(e => e.PrimaryName == "Alpha Trading");
        snapshot.RejectedRecords.Should().ContainSingle().Which.Position.Should().Be("bad.ftm.json:2");
    }
}
