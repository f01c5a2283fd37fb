using VendorScreen;
using VendorScreen.Policies;

namespace PolicyTests;

/// <summary>Tests of ACME's own policy file, written as a compliance team would: one hand-made hit per case, no lists loaded.</summary>
public sealed class AcmePolicyTests
{
    private static readonly RuleBasedPolicy Policy = PolicyFile.Load(Path.Combine(AppContext.BaseDirectory, "acme-procurement.json"));

    private static PolicyTestHit Hikvision() =>
        new PolicyTestHit("Hikvision").OnList("us-ndaa-889", ListCategory.ProcurementProhibition, extendsToAffiliates: true);

    [Fact]
    public void SupplierNameThatOnlyMentionsACoveredMaker_IsCleared()
    {
        var verdict = Hikvision().Scored(0.95).AsMention().Evaluate(Policy);

        Assert.Equal(ScreeningDecision.Clear, verdict.Decision);
        Assert.Equal("name-only-mention", verdict.Rule);
    }

    [Fact]
    public void ListingTitleThatMentionsACoveredMaker_IsStillReviewed()
    {
        var verdict = Hikvision().Scored(0.95, "title").AsMention(accessory: true).Evaluate(Policy);

        Assert.Equal(ScreeningDecision.Review, verdict.Decision);
    }

    [Fact]
    public void CoveredMakersSubsidiary_StillBlocksAsUnderTheFederalContractorPolicy()
    {
        var verdict = Hikvision().MatchedThrough("EZVIZ", RelationKind.SubsidiaryOf).Evaluate(Policy);

        Assert.Equal(ScreeningDecision.Block, verdict.Decision);
        Assert.Equal("prohibited-affiliate", verdict.Rule);
    }

    [Fact]
    public void CompanyOwnedSixtyPercentThroughAWhollyOwnedHolding_Blocks()
    {
        var verdict = new PolicyTestHit("Sanctioned Person", EntityKind.Person)
            .OnList("us-ofac-sdn", ListCategory.Sanctions)
            .MatchedThrough("Holding Ltd", RelationKind.OwnedBy, sharePercent: 100)
            .MatchedThrough("Supplier Ltd", RelationKind.OwnedBy, sharePercent: 60)
            .Evaluate(Policy);

        Assert.Equal(ScreeningDecision.Block, verdict.Decision);
        Assert.StartsWith("60% owned by Sanctioned Person", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CompanyOwnedInAnUnknownShare_IsReviewedNotCleared()
    {
        var verdict = new PolicyTestHit("Sanctioned Person", EntityKind.Person)
            .OnList("us-ofac-sdn", ListCategory.Sanctions)
            .MatchedThrough("Supplier Ltd", RelationKind.OwnedBy)
            .Evaluate(Policy);

        Assert.Equal(ScreeningDecision.Review, verdict.Decision);
        Assert.Equal("sanctioned-owner-unknown-share", verdict.Rule);
    }
}
