using System.Text;
using FluentAssertions;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A name scoped to product categories (<see cref="EntityName.Scope"/>): 萤石, EZVIZ's brand in Chinese, is also the word for
/// fluorite. It matches a product of its categories (a camera listing, read from the title or given), never a party, a product
/// of another category or one whose category is not known, and only as written: its romanisation (yingshi) is also that of
/// other words (影视, "film and television"). A batch that screens the same brand in several kinds of listing decides each as
/// alone; a search, which has no product, finds it and says where screening matches it.
/// </summary>
public sealed class ScopedNameTests
{
    private static readonly Lazy<ScreeningEngine> Engine = new(ScreeningEngineBuilder.CreateDefault);

    [Fact]
    public void EmbeddedDataset_EzvizChineseBrand_IsScopedToVideoSurveillanceWithItsSource()
    {
        var ezviz = DefaultDatasetSource.Load().Entities.Single(e => e.Id == "default:ezviz");

        var name = ezviz.Names.Should().ContainSingle(n => n.Value == "萤石").Which;
        name.Kind.Should().Be(NameKind.Brand);
        name.Script.Should().Be("Hans");
        name.Confidence.Should().Be(FactConfidence.Reported);
        name.SourceUrl.Should().StartWith("https://");
        name.Scope.Should().Equal(ProductCategories.VideoSurveillance);
        ezviz.Names.Where(n => n.Value != "萤石").Should().OnlyContain(n => n.Scope.Count == 0, "the company's other names hold everywhere");
    }

    [Theory]
    [InlineData(null, "萤石 C6CN 摄像头")] // a camera, read from the title
    [InlineData(null, "萤石 C6CN 无线监控摄像头 1080P")]
    [InlineData("萤石", "萤石 C6CN 无线监控摄像头")] // the brand field too
    [InlineData("萤石", "C6CN wireless security camera")]
    public async Task ScreenAsync_CameraListingUnderTheBrand_BlocksAsHikvisionsSubsidiary(string? brand, string title)
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = brand, Title = title });

        result.Decision.Should().Be(ScreeningDecision.Block);
        var hit = result.Hits[0];
        hit.EntityId.Should().Be("default:ezviz");
        hit.MatchedName.Should().Be("萤石");
        hit.ListedEntityId.Should().Be("default:hikvision");
        hit.Features.Should().Contain(f => f.Feature == "name-scope" && f.Detail.Contains("video-surveillance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScreenAsync_CategoryGivenByTheCaller_MatchesTheScopedNameWithoutACategoryWordInTheTitle()
    {
        var given = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Title = "萤石 C6CN", Category = ProductCategories.VideoSurveillance });
        var unknown = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Title = "萤石 C6CN" });

        given.Decision.Should().Be(ScreeningDecision.Block);
        given.Hits[0].EntityId.Should().Be("default:ezviz");
        unknown.Decision.Should().Be(ScreeningDecision.Clear, "no category is known: the brand is also a word");
    }

    [Theory]
    [InlineData(null, "天然萤石 原石 矿物标本")] // natural fluorite, mineral specimen
    [InlineData("萤石", "天然萤石 原石 矿物标本")]
    [InlineData("萤石", "萤石 智能门锁 DL30")] // a smart lock: another category
    [InlineData(null, "萤石粉 工业级 25kg")] // fluorite powder
    public async Task ScreenAsync_ListingOfAnotherOrNoCategory_IsClear(string? brand, string title)
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = brand, Title = title });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Theory]
    [InlineData(null, "专业影视摄像机 4K")] // a film and television camcorder: 影视 is yingshi, as 萤石 is
    [InlineData(null, "影视 摄像头")]
    [InlineData("影视", "摄像机")]
    [InlineData(null, "Yingshi C6CN camera")]
    public async Task ScreenAsync_CameraListingWithAWordThatSoundsAlike_IsClear(string? brand, string title)
    {
        // A scoped name is matched as written, never through its romanisation, which spells other words too.
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = brand, Title = title });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Theory]
    [InlineData("萤石")]
    [InlineData("萤石矿业有限公司")] // a fluorite mining company
    public async Task ScreenAsync_PartyWithTheWord_IsClear(string name)
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForParty(name));

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_ChineseCompanyNameOfEzviz_StillBlocksAsAParty()
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForParty("萤石网络"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].EntityId.Should().Be("default:ezviz");
    }

    [Fact]
    public async Task ScreenBatchAsync_SameBrandInACameraAndAMineralListing_EachDecidedAsAlone()
    {
        // A batch screens a repeated name once per dataset generation; the product's categories are part of what it remembers.
        // The brand field alone names the maker here: the camera's title does not hold the brand.
        ScreeningRequest camera = ScreeningRequest.ForProduct() with { Brand = "萤石", Title = "C6CN wireless security camera" };
        ScreeningRequest mineral = ScreeningRequest.ForProduct() with { Brand = "萤石", Title = "天然萤石 原石 矿物标本" };
        List<ScreeningRequest> requests = [mineral, camera, mineral, camera, camera, mineral];

        var batch = await Engine.Value.ScreenBatchAsync(requests);

        batch.Results.Select(r => r.Decision).Should().Equal(
            ScreeningDecision.Clear, ScreeningDecision.Block, ScreeningDecision.Clear, ScreeningDecision.Block, ScreeningDecision.Block, ScreeningDecision.Clear);
    }

    [Fact]
    public async Task SearchAsync_ScopedName_IsFoundAndSaysWhereScreeningMatchesIt()
    {
        var search = await Engine.Value.SearchAsync("萤石");

        var hit = search.Hits.Should().Contain(h => h.EntityId == "default:ezviz").Which;
        hit.MatchedName.Should().Be("萤石");
        hit.Features.Should().Contain(f => f.Feature == "name-scope" && f.Detail.Contains("video-surveillance", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NameScope_IsMapped_AndAnUnknownCategoryRejectsTheNameWithItsPath()
    {
        var snapshot = VendorScreenJsonReader.Read(Encoding.UTF8.GetBytes("""
            { "format": "vendorscreen-dataset/1", "source": "erp",
              "entities": [
                { "id": "a", "kind": "brand", "name": "Acme", "names": [
                  { "value": "Fluor", "kind": "brand", "confidence": "reported", "scope": ["video-surveillance", "drones"] },
                  { "value": "Spar", "kind": "brand", "confidence": "reported", "scope": ["minerals"] },
                  { "value": "Acme Co", "kind": "alias", "confidence": "official" } ] }
              ] }
            """), "lists/erp.json", default);

        var names = snapshot.Entities.Should().ContainSingle().Which.Names;
        names.Single(n => n.Value == "Fluor").Scope.Should().Equal(ProductCategories.VideoSurveillance, ProductCategories.Drones);
        names.Single(n => n.Value == "Acme Co").Scope.Should().BeEmpty();
        names.Should().NotContain(n => n.Value == "Spar");
        var rejected = snapshot.RejectedRecords.Should().ContainSingle().Which;
        rejected.Position.Should().Contain("names[1]");
        rejected.Reason.Should().Contain("unknown product category \"minerals\"");
    }
}
