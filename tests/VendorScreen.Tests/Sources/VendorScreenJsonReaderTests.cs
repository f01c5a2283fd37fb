using System.Text;
using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Tests.Sources;

public sealed class VendorScreenJsonReaderTests
{
    private const string Valid = """
        {
          "format": "vendorscreen-dataset/1", "source": "erp", "version": "2026-01-01",
          "lists": [ { "id": "erp-blocklist", "name": "ERP blocklist", "category": "custom" } ],
          "entities": [
            { "id": "acme", "kind": "organization", "name": "Acme Surveillance Ltd",
              "names": [ { "value": "Acme Cams", "kind": "brand" } ],
              "listings": [ { "list": "erp-blocklist", "listedOn": "2025-03" } ] },
            { "id": "acme-us", "kind": "organization", "name": "Acme US Inc" }
          ],
          "relations": [ { "from": "acme-us", "to": "acme", "kind": "subsidiary-of", "validFrom": "2020" } ]
        }
        """;

    [Fact]
    public void Read_ValidDocument_MapsEntitiesListingsAndRelations()
    {
        var snapshot = Read(Valid);

        snapshot.SourceName.Should().Be("erp");
        snapshot.Version.Should().Be("2026-01-01");
        snapshot.Entities.Select(e => e.Id).Should().Equal("erp:acme", "erp:acme-us");
        snapshot.Entities[0].Names.Should().Contain(n => n.Value == "Acme Cams" && n.Kind == NameKind.Brand);
        snapshot.Entities[0].Listings.Single().ListedOn.Should().Be(FactDate.Parse("2025-03"));
        snapshot.Relations.Single().Should().Match<Relation>(r => r.FromId == "erp:acme-us" && r.ToId == "erp:acme" && r.Kind == RelationKind.SubsidiaryOf);
        snapshot.RejectedRecords.Should().BeEmpty();
    }

    [Fact]
    public async Task Engine_CustomBlocklist_BlocksTheListedEntityAndReviewsItsSubsidiary()
    {
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new VendorScreen.Sources.InMemorySanctionListSource(Read(Valid)))
            .Build();

        var listed = await engine.ScreenAsync(ScreeningRequest.ForParty("ACME Surveillance Limited"));
        var subsidiary = await engine.ScreenAsync(ScreeningRequest.ForParty("Acme US, Inc."));

        listed.Decision.Should().Be(ScreeningDecision.Block);
        listed.DecidingRule.Should().Be("custom-blocklist");
        subsidiary.Decision.Should().Be(ScreeningDecision.Review);
        subsidiary.Hits[0].Path.Should().ContainSingle().Which.ToId.Should().Be("erp:acme");
    }

    [Fact]
    public void Read_BadRecords_AreRejectedWithPathAndReasonNotDropped()
    {
        var snapshot = Read("""
            { "format": "vendorscreen-dataset/1", "source": "erp",
              "entities": [
                { "id": "a", "kind": "organization", "name": "A" },
                { "id": "a", "kind": "organization", "name": "A again" },
                { "id": "b", "kind": "spaceship", "name": "B" },
                { "id": "c", "name": "C", "listings": [ { "list": "nope" } ] }
              ],
              "relations": [
                { "from": "a", "to": "missing", "kind": "subsidiary-of" },
                { "from": "a", "to": "c", "kind": "friend-of" },
                { "from": "c", "to": "a", "kind": "owned-by", "validFrom": "2020-13-01" }
              ] }
            """);

        snapshot.Entities.Select(e => e.Id).Should().Equal("erp:a", "erp:c");
        snapshot.RejectedRecords.Should().HaveCount(6);
        snapshot.RejectedRecords.Select(r => r.Reason).Should().Contain(r => r.Contains("duplicate entity id", StringComparison.Ordinal));
        snapshot.RejectedRecords.Select(r => r.Reason).Should().Contain(r => r.Contains("spaceship", StringComparison.Ordinal));
        snapshot.RejectedRecords.Select(r => r.Reason).Should().Contain(r => r.Contains("unknown entity \"missing\"", StringComparison.Ordinal));
        snapshot.RejectedRecords.Select(r => r.Position).Should().Contain("$.relations[2] (c -> a)");
    }

    [Fact]
    public void Read_ScopeWeakAndDatedIdentifiers_AreMapped_AndUnknownScopesRejected()
    {
        var snapshot = Read("""
            { "format": "vendorscreen-dataset/1", "source": "erp",
              "entities": [
                { "id": "a", "kind": "organization", "name": "A", "identifiers": [
                  { "scheme": "model-prefix", "value": "AB#", "confidence": "reported", "weak": true, "scope": ["video-surveillance"], "validTo": "2023-02" },
                  { "scheme": "model-prefix", "value": "CD-", "confidence": "reported", "scope": ["cameras"] },
                  { "scheme": "model-prefix", "value": "EF-", "confidence": "reported", "weak": "yes" } ] },
                { "id": "b", "kind": "brand", "name": "B" }
              ],
              "relations": [
                { "from": "b", "to": "a", "kind": "relabel-of", "confidence": "uncertain", "scope": ["telecom", "radio"] },
                { "from": "a", "to": "b", "kind": "linked-to", "scope": "telecom" }
              ] }
            """);

        var prefix = snapshot.Entities[0].Identifiers.Should().ContainSingle().Which;
        prefix.Weak.Should().BeTrue();
        prefix.Scope.Should().Equal(ProductCategories.VideoSurveillance);
        prefix.ValidTo.Should().Be(FactDate.Parse("2023-02"));
        prefix.IsValidAt(new DateOnly(2023, 2, 28)).Should().BeTrue();
        prefix.IsValidAt(new DateOnly(2023, 3, 1)).Should().BeFalse();
        snapshot.Relations.Should().ContainSingle().Which.Scope.Should().Equal(ProductCategories.Telecom, ProductCategories.Radio);
        snapshot.RejectedRecords.Should().HaveCount(3);
        snapshot.RejectedRecords.Select(r => r.Reason).Should().Contain(r => r.Contains("unknown product category \"cameras\"", StringComparison.Ordinal));
        snapshot.RejectedRecords.Select(r => r.Reason).Should().Contain(r => r.Contains("\"weak\" must be true or false", StringComparison.Ordinal));
        snapshot.RejectedRecords.Select(r => r.Reason).Should().Contain(r => r.Contains("must be an array of product categories", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"format\": \"vendorscreen-dataset/1\", \"source\": ", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ \"format\": \"other/2\", \"source\": \"x\" }", "\"format\" must be")]
    [InlineData("{ \"format\": \"vendorscreen-dataset/1\" }", "\"source\" is missing")]
    public void Read_UnusableDocument_ThrowsNamingTheLocation(string json, string message)
    {
        var act = () => Read(json);

        act.Should().Throw<SanctionListSourceException>()
            .Where(e => e.Message.Contains("lists/erp.json", StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileSource_MissingFile_ThrowsSourceException()
    {
        var source = SourceFormats.Get("vendorscreen-json").Open(Path.Combine(Path.GetTempPath(), "vendorscreen-missing-" + Guid.NewGuid() + ".json"));

        var act = async () => await source.LoadAsync();

        await act.Should().ThrowAsync<SanctionListSourceException>();
    }

    private static ListSnapshot Read(string json) => VendorScreenJsonReader.Read(Encoding.UTF8.GetBytes(json), "lists/erp.json", default);

    [Fact]
    public void Read_InvalidUtf8InAString_ThrowsSourceExceptionWithPosition()
    {
        var text = Encoding.UTF8.GetBytes(Valid);
        var at = Valid.IndexOf("Acme Cams", StringComparison.Ordinal);
        text[at] = 0xFF;

        var act = () => VendorScreenJsonReader.Read(text, "bad.json", DateTimeOffset.UnixEpoch);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == $"bad.json line 6, byte offset {at}").WithMessage("*not valid UTF-8*");
    }

    [Fact]
    public void Read_UnpairedSurrogateEscapeInAnEntityName_RejectsThatEntity()
    {
        var text = Encoding.UTF8.GetBytes(Valid.Replace("Acme Cams", "Acme \\ud800 Cams", StringComparison.Ordinal));

        var snapshot = VendorScreenJsonReader.Read(text, "bad.json", DateTimeOffset.UnixEpoch);

        snapshot.RejectedRecords.Should().Contain(r => r.Position.StartsWith("$.entities[0]", StringComparison.Ordinal) && r.Reason.Contains("not valid Unicode"));
        snapshot.Entities.Should().ContainSingle().Which.Id.Should().EndWith("acme-us");
    }
}
