using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Csl;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources.Csl;

public sealed class CslJsonFileSourceTests
{
    private static readonly Lazy<ListSnapshot> Sample = new(() => SourceFormats.Get("csl-json").Open(ListTestFiles.Path("Csl/csl-sample.json"), ListTestFiles.Clock()).LoadAsync().AsTask().GetAwaiter().GetResult());

    [Fact]
    public void LoadAsync_Sample_MapsEveryResult()
    {
        var snapshot = Sample.Value;

        snapshot.Entities.Select(e => e.Id).Should().Equal("csl:e1a0c2f7d9b84e66a9d27f0b51c3e8a4", "csl:52291", "csl:18283");
        snapshot.RejectedRecords.Should().BeEmpty();
        snapshot.FetchedAt.Should().Be(ListTestFiles.Now);
    }

    [Fact]
    public void LoadAsync_Sample_EntityListEntryHasAliasesAddressAndCitation()
    {
        var huawei = Sample.Value.Entities[0];

        huawei.Kind.Should().Be(EntityKind.Organization);
        huawei.Names.Select(n => n.Value).Should().Equal("Huawei Technologies Co., Ltd.", "Huawei", "Huawei Technologies");
        huawei.Countries.Should().Equal("CN");
        huawei.Identifiers.Should().ContainSingle(i => i.Scheme == IdentifierSchemes.Address).Which.Value.Should().Be("Bantian Huawei Base, Longgang District, Shenzhen, Guangdong, CN");
        huawei.Listings.Single().Should().Match<Listing>(l => l.ListId == "us-bis-entity-list" && l.Citation == "84 FR 22961" && l.ListedOn == FactDate.Parse("2019-05-21"));
    }

    [Fact]
    public void LoadAsync_Sample_IdsObjectsBecomeIdentifiersAndStatementsRemarks()
    {
        var rim = Sample.Value.Entities[1];

        rim.Kind.Should().Be(EntityKind.Person);
        rim.Identifiers.Should().Contain(i => i.Scheme == "passport" && i.Value == "836238033");
        rim.Remarks.Should().Contain("Gender, Male").And.Contain("Date of birth: 1978-12-05");
        rim.Identifiers.Should().ContainSingle(i => i.Scheme == IdentifierSchemes.DateOfBirth).Which.Value.Should().Be("1978-12-05");
        rim.Countries.Should().Equal("CN", "KP");
        rim.Listings.Single().Program.Should().Be("NPWMD");
    }

    [Fact]
    public void Read_NotJson_ThrowsNamingTheLine()
    {
        var act = () => SourceFormats.Get("csl-json").Read(ListTestFiles.Utf8("{\n  \"results\": [\n  oops\n]}"), "bad.json", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Where(e => e.Location == "bad.json:3").WithMessage("*not valid JSON*");
    }

    [Fact]
    public void Read_NoResultsArray_Throws()
    {
        var act = () => SourceFormats.Get("csl-json").Read(ListTestFiles.Utf8("{\"total\": 0}"), "empty.json", ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().WithMessage("*\"results\" array*");
    }

    [Theory]
    [InlineData("invalid UTF-8")]
    [InlineData("unpaired surrogate escape")]
    public void Read_ResultWithUndecodableString_IsRejectedAndTheOtherResultsKept(string defect)
    {
        const string El = "Entity List (EL) - Bureau of Industry and Security";
        var head = ListTestFiles.Utf8($$"""{"results": [{"id": "a1", "source": "{{El}}", "name": "Alpha Trading"}, {"id": "b2", "source": "{{El}}", "name": "Bad""");
        byte[] middle = defect == "invalid UTF-8" ? [0xC0, 0xAF] : ListTestFiles.Utf8("\\ud800");
        byte[] json = [.. head, .. middle, .. ListTestFiles.Utf8("\"}]}")];

        var snapshot = SourceFormats.Get("csl-json").Read(json, "bad.json", ListTestFiles.Now);

        snapshot.Entities.Should().ContainSingle().Which.PrimaryName.Should().Be("Alpha Trading");
        snapshot.RejectedRecords.Should().ContainSingle().Which.Position.Should().Be("bad.json $.results[1]");
    }
}
