using FluentAssertions;
using Xunit.Abstractions;

namespace VendorScreen.Tests.Screening;

/// <summary>The acceptance cases of the foundation, on the embedded dataset alone, with the path printed.</summary>
public sealed class AcceptanceTests(ITestOutputHelper output)
{
    private static readonly Lazy<ScreeningEngine> Engine = new(ScreeningEngine.CreateDefault);

    [Fact]
    public async Task ScreenAsync_HikvisionLegalName_Blocks()
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("Hangzhou Hikvision Digital Technology Co., Ltd."));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].ListedEntityId.Should().Be("default:hikvision");
        result.Hits[0].Listings.Select(l => l.ListId).Should().Contain("us-ndaa-889");
    }

    [Fact]
    public async Task ScreenAsync_EzvizBrand_BlocksThroughHikvision()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "EZVIZ" });

        result.Decision.Should().Be(ScreeningDecision.Block);
        var hit = result.Hits[0];
        hit.EntityId.Should().Be("default:ezviz");
        hit.ListedEntityId.Should().Be("default:hikvision");
        hit.Path.Should().ContainSingle().Which.Kind.Should().Be(RelationKind.SubsidiaryOf);
    }

    [Fact]
    public async Task ScreenAsync_DahuaNativeScriptName_Blocks()
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("浙江大华技术股份有限公司"));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].ListedEntityId.Should().Be("default:dahua");
    }

    [Fact]
    public async Task ScreenAsync_MisspelledHikvision_IsNotClear()
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("Hikvison"));

        result.Decision.Should().BeOneOf(ScreeningDecision.Review, ScreeningDecision.Block);
        result.Hits[0].ListedEntityId.Should().Be("default:hikvision");
    }

    [Fact]
    public async Task ScreenAsync_LorexWhileOwnedByDahua_IsNotClear()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Lorex", AsOf = new DateOnly(2021, 6, 1) });

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        result.Hits.Should().Contain(h => h.ListedEntityId == "default:dahua" && h.Path.Any(p => p.Kind == RelationKind.OwnedBy));
    }

    [Fact]
    public async Task ScreenAsync_LorexAfterSale_IsNotBlocked()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Lorex", AsOf = new DateOnly(2026, 11, 29) });

        result.Decision.Should().NotBe(ScreeningDecision.Block);
        result.Hits.Should().NotContain(h => h.Path.Any(p => p.Kind == RelationKind.OwnedBy && p.ToId == "default:dahua" && h.Decision == ScreeningDecision.Block));
    }

    [Fact]
    public async Task ScreenAsync_AxisCommunications_IsClear()
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("Axis Communications AB"));

        result.Decision.Should().Be(ScreeningDecision.Clear);
        result.Hits.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenAsync_GenericDigitalTechnologyCompany_IsNotBlocked()
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("Digital Technology Company"));

        result.Decision.Should().NotBe(ScreeningDecision.Block);
    }

    private async Task<ScreeningResult> ScreenAsync(ScreeningRequest request)
    {
        var result = await Engine.Value.ScreenAsync(request);
        output.WriteLine($"{request} => {result.Decision} [{result.DecidingRule}] {result.Reason}");
        foreach (var hit in result.Hits)
        {
            var path = hit.Path.Count == 0 ? "(listed itself)" : string.Join(" > ", hit.Path.Select(p => $"{p.FromName} {p.Kind.ToKebabCase()} {p.ToName}"));
            output.WriteLine($"  {hit.Decision} {hit.Field} \"{hit.Query}\" ~ \"{hit.MatchedName}\" {hit.Score:0.00} -> {hit.ListedEntityName}: {path} [{string.Join(", ", hit.Listings.Select(l => l.ListId))}] {hit.Rule}");
        }

        return result;
    }
}
