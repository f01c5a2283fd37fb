using System.Text.Json;
using FluentAssertions;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Tests.Data;

/// <summary>Validates the embedded default dataset: integrity, provenance, and the facts the screening relies on.</summary>
public sealed class DefaultDatasetTests
{
    private static readonly ListSnapshot Snapshot = DefaultDatasetSource.Load();

    [Fact]
    public void Load_EmbeddedDataset_HasNoRejectedRecords()
    {
        Snapshot.RejectedRecords.Should().BeEmpty();
        Snapshot.Entities.Should().HaveCountGreaterThan(50);
        Snapshot.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Load_EmbeddedDataset_HasUniqueIdsAndResolvableRelations()
    {
        var ids = Snapshot.Entities.Select(e => e.Id).ToList();
        ids.Should().OnlyHaveUniqueItems();
        Snapshot.Relations.Should().OnlyContain(r => ids.Contains(r.FromId) && ids.Contains(r.ToId));
        Snapshot.Relations.Should().OnlyContain(r => r.FromId != r.ToId);
    }

    [Fact]
    public void Load_EmbeddedDataset_EveryListingAndRelationHasASource()
    {
        Snapshot.Entities.SelectMany(e => e.Listings).Should().OnlyContain(l => IsHttpUrl(l.SourceUrl));
        Snapshot.Relations.Should().OnlyContain(r => IsHttpUrl(r.SourceUrl));
        Snapshot.Entities.SelectMany(e => e.Identifiers).Should().OnlyContain(i => IsHttpUrl(i.SourceUrl));
    }

    [Fact]
    public void Load_EmbeddedDataset_EveryListingNamesADefinedList()
    {
        var lists = Snapshot.Lists.Select(l => l.Id).ToHashSet();
        Snapshot.Entities.SelectMany(e => e.Listings).Should().OnlyContain(l => lists.Contains(l.ListId));
    }

    [Fact]
    public void Load_EmbeddedDataset_DatesParseAndRelationsStartBeforeTheyEnd()
    {
        // The reader rejects unparseable dates, so none rejected means all parsed; check the order too.
        Snapshot.Relations.Where(r => r.ValidFrom is not null && r.ValidTo is not null)
            .Should().OnlyContain(r => r.ValidFrom!.Value.Start <= r.ValidTo!.Value.End);
    }

    [Theory]
    [InlineData("huawei", "Huawei Technologies Company")]
    [InlineData("zte", "ZTE Corporation")]
    [InlineData("hytera", "Hytera Communications Corporation")]
    [InlineData("hikvision", "Hangzhou Hikvision Digital Technology Company")]
    [InlineData("dahua", "Dahua Technology Company")]
    public void Load_EmbeddedDataset_HasTheFiveSection889Companies(string id, string listedName)
    {
        var entity = Snapshot.Entities.Single(e => e.Id == "default:" + id);

        entity.Listings.Should().Contain(l => l.ListId == "us-ndaa-889");
        entity.Listings.Should().Contain(l => l.ListId == "us-fcc-covered-list");
        entity.Names.Should().Contain(n => n.Value == listedName);
        entity.Names.Should().Contain(n => n.Kind == NameKind.NativeScript && n.Script != null);
    }

    [Theory]
    [InlineData("ezviz", "hikvision", RelationKind.SubsidiaryOf)]
    [InlineData("hilook", "hikvision", RelationKind.BrandOf)]
    [InlineData("hiwatch", "hikvision", RelationKind.BrandOf)]
    [InlineData("hikvision-usa", "hikvision", RelationKind.SubsidiaryOf)]
    [InlineData("huacheng", "dahua", RelationKind.SubsidiaryOf)]
    [InlineData("sepura", "hytera", RelationKind.SubsidiaryOf)]
    [InlineData("hytera-america", "hytera", RelationKind.SubsidiaryOf)]
    [InlineData("hisilicon", "huawei", RelationKind.SubsidiaryOf)]
    public void Load_EmbeddedDataset_HasSubsidiariesAndBrands(string from, string to, RelationKind kind)
    {
        Snapshot.Relations.Should().Contain(r => r.FromId == "default:" + from && r.ToId == "default:" + to && r.Kind == kind);
    }

    [Fact]
    public void Load_EmbeddedDataset_OwnershipChangesAreDated()
    {
        Snapshot.Relations.Should().Contain(r => r.FromId == "default:lorex" && r.ToId == "default:dahua" && r.Kind == RelationKind.OwnedBy
            && r.ValidTo == FactDate.Parse("2023-02"));
        Snapshot.Relations.Should().Contain(r => r.FromId == "default:honor" && r.ToId == "default:huawei" && r.ValidTo == FactDate.Parse("2020-11-17"));
        Snapshot.Relations.Should().Contain(r => r.FromId == "default:dahua-usa" && r.ToId == "default:dahua" && r.ValidTo == FactDate.Parse("2024-01"));
    }

    [Theory]
    [InlineData("hikvision", "2ADTD")]
    [InlineData("dahua-vision", "SVN")]
    [InlineData("huacheng", "2AVYF")]
    public void Load_EmbeddedDataset_HasFccGranteeCodes(string id, string code)
    {
        Snapshot.Entities.Single(e => e.Id == "default:" + id).Identifiers
            .Should().Contain(i => i.Scheme == IdentifierSchemes.FccGranteeCode && i.Value == code);
    }

    [Fact]
    public void Load_EmbeddedDataset_IsTheProjectsOwnFormat()
    {
        using var stream = typeof(DefaultDatasetSource).Assembly.GetManifestResourceStream("VendorScreen.Data.default-dataset.json")!;
        using var doc = JsonDocument.Parse(stream);

        doc.RootElement.GetProperty("format").GetString().Should().Be(VendorScreenJsonReader.FormatTag);
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
