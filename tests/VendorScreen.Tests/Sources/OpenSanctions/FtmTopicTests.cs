using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.OpenSanctions;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Sources.OpenSanctions;

/// <summary>FtM targets listed only by their topics (OpenSanctions' targets exports) are screened.</summary>
public sealed class FtmTopicTests
{
    private const string Targets = """
        {"id":"t-san","schema":"Company","target":true,"properties":{"name":["Orbital Kestrel Holdings"],"topics":["sanction"]}}
        {"id":"t-exp","schema":"Company","target":true,"properties":{"name":["Quillfeather Avionics"],"topics":["export.control"]}}
        {"id":"t-deb","schema":"Company","target":true,"properties":{"name":["Marrowgate Builders"],"topics":["debarment"]}}
        {"id":"t-pep","schema":"Person","target":true,"properties":{"name":["Ilsabet Vornholm"],"topics":["role.pep"]}}
        {"id":"t-cri","schema":"Company","target":true,"properties":{"name":["Duskwater Freight"],"topics":["crime"]}}
        {"id":"t-none","schema":"Company","target":true,"properties":{"name":["Plainfield Tessellate"]}}
        {"id":"o-none","schema":"Company","properties":{"name":["Brightmoor Linen Supply"]}}
        """;

    [Theory]
    [InlineData("Orbital Kestrel Holdings", ScreeningDecision.Block, ListCategory.Sanctions)]
    [InlineData("Quillfeather Avionics", ScreeningDecision.Review, ListCategory.ExportControl)]
    [InlineData("Marrowgate Builders", ScreeningDecision.Review, ListCategory.Debarment)]
    [InlineData("Ilsabet Vornholm", ScreeningDecision.Review, ListCategory.PEP)]
    [InlineData("Duskwater Freight", ScreeningDecision.Review, ListCategory.Other)]
    [InlineData("Plainfield Tessellate", ScreeningDecision.Review, ListCategory.Other)]
    public async Task ScreenAsync_TargetListedOnlyByTopic_IsFlagged(string name, ScreeningDecision expected, ListCategory category)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "targets.ftm.json");
        await File.WriteAllTextAsync(path, Targets);
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(SourceFormats.Get("ftm-json").Open(path)).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty(name));

        result.Decision.Should().Be(expected);
        var listId = result.Hits.Should().NotBeEmpty().And.Subject.First().Listings.Should().ContainSingle().Which.ListId;
        engine.Dataset!.GetList(listId).Category.Should().Be(category);
    }

    [Fact]
    public async Task ScreenAsync_NonTargetWithoutListingOrTopic_StaysUnlisted()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "targets.ftm.json");
        await File.WriteAllTextAsync(path, Targets);
        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(SourceFormats.Get("ftm-json").Open(path)).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Brightmoor Linen Supply"));

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }
}
