using FluentAssertions;
using VendorScreen.Policies;

namespace VendorScreen.Tests.Policies;

/// <summary>Each built-in policy judged on hand-made hits, without lists or an engine (with <see cref="PolicyTestHit"/>).</summary>
public sealed class BuiltInPolicyTests
{
    private static ScreeningPolicy Policy(string name) => ScreeningPolicies.Find(name) ?? throw new InvalidOperationException(name);

    private static PolicyTestHit Hikvision() => new PolicyTestHit("Hikvision")
        .OnList("us-ndaa-889", ListCategory.ProcurementProhibition, extendsToAffiliates: true)
        .OnList("us-bis-entity-list", ListCategory.ExportControl, citation: "84 FR 54002", listedOn: new DateOnly(2019, 10, 9));

    [Fact]
    public void Names_EveryBuiltInPolicyLoadsUnderItsName()
    {
        ScreeningPolicies.Names.Should().Equal("default", "federal-contractor", "sanctions-only", "marketplace-listing", "human-rights-due-diligence");
        foreach (var name in ScreeningPolicies.Names)
        {
            Policy(name).Name.Should().Be(name);
        }
    }

    [Fact]
    public void FederalContractor_SubsidiaryAndBrandOfACoveredMakerBlock()
    {
        var policy = Policy("federal-contractor");

        Hikvision().MatchedThrough("EZVIZ", RelationKind.SubsidiaryOf).Evaluate(policy)
            .Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Block && v.Rule == "prohibited-affiliate");
        Hikvision().MatchedThrough("HiLook", RelationKind.BrandOf).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public void FederalContractor_Section1260HBlocksFromItsEffectiveDateOnly()
    {
        var policy = Policy("federal-contractor");
        PolicyTestHit Listed() => new PolicyTestHit("Example Military Co").OnList("us-dod-1260h", ListCategory.MilitaryOrInvestment);

        Listed().AsOf(new DateOnly(2026, 6, 29)).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Review);
        Listed().AsOf(new DateOnly(2026, 6, 30)).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public void FederalContractor_SanctionsBlockExportControlReviews()
    {
        var policy = Policy("federal-contractor");

        new PolicyTestHit("Acme Trading").OnList("us-ofac-sdn", ListCategory.Sanctions).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Block);
        new PolicyTestHit("Acme Trading").OnList("us-bis-entity-list", ListCategory.ExportControl).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Review);
        new PolicyTestHit("Acme Trading").OnList("us-dhs-uflpa", ListCategory.HumanRights).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Review);
    }

    [Fact]
    public void SanctionsOnly_IgnoresProcurementListsAndBlocksSanctions()
    {
        var policy = Policy("sanctions-only");

        Hikvision().Evaluate(policy).Decision.Should().Be(ScreeningDecision.Clear);
        new PolicyTestHit("Acme Trading").OnList("us-ofac-sdn", ListCategory.Sanctions).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public void MarketplaceListing_CoveredMakersFccGranteeCodeBlocksAndModelPrefixReviews()
    {
        var policy = Policy("marketplace-listing");

        var fccId = Hikvision().AsProductIdentifier(IdentifierSchemes.FccGranteeCode).Evaluate(policy);
        fccId.Decision.Should().Be(ScreeningDecision.Block);
        fccId.Rule.Should().Be("covered-maker-fcc-id");
        fccId.Lists.Should().Equal("us-ndaa-889");
        fccId.Reason.Should().Contain("grantee code belongs to Hikvision (us-ndaa-889)");

        Hikvision().AsProductIdentifier(IdentifierSchemes.ModelPrefix).Evaluate(policy)
            .Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Rule == "product-identifier");
    }

    [Fact]
    public void MarketplaceListing_UncertainGranteeCodeStaysReview()
    {
        var verdict = Hikvision().AsProductIdentifier().WithMatchedName(NameKind.Primary, FactConfidence.Uncertain).Evaluate(Policy("marketplace-listing"));

        verdict.Decision.Should().Be(ScreeningDecision.Review);
        verdict.Rule.Should().Be("uncertain-fact");
    }

    [Fact]
    public void MarketplaceListing_StorefrontMentioningACoveredMakerReviews()
    {
        var verdict = Hikvision().Scored(0.95, "seller").AsMention().Evaluate(Policy("marketplace-listing"));

        verdict.Decision.Should().Be(ScreeningDecision.Review);
        verdict.Rule.Should().Be("storefront-mention");
        verdict.Reason.Should().Contain("storefront's name mentions Hikvision");
    }

    [Fact]
    public void PolicyTestHit_WholeNameMention_IsEvidenceARuleCanName()
    {
        var evidence = Hikvision().Scored(0.6, "seller").AsWholeNameMention().Build();
        var verdict = new PolicyVerdict(ScreeningDecision.Review, "name-mention", "r", []);

        evidence.Mention.Should().BeTrue();
        evidence.WholeNameMention.Should().BeTrue();
        new PolicyCondition { Evidence = ["whole-name-mention"] }.Matches(evidence, verdict, out _).Should().BeTrue();
        new PolicyCondition { Evidence = ["whole-name-mention"] }.Matches(Hikvision().AsMention().Build(), verdict, out _).Should().BeFalse();
    }

    [Fact]
    public void HumanRights_UflpaEntityBlocksButAWeakMatchOnlyReviews()
    {
        var policy = Policy("human-rights-due-diligence");
        PolicyTestHit Uflpa() => new PolicyTestHit("Xinjiang Example Cotton Co").OnList("us-dhs-uflpa", ListCategory.HumanRights);

        Uflpa().Evaluate(policy).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Block && v.Rule == "uflpa-entity");
        Uflpa().Scored(0.8).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Review);
    }

    [Fact]
    public void HumanRights_XinjiangSurveillanceMakerReviewsWithTheCitation()
    {
        var verdict = Hikvision().MatchedThrough("EZVIZ", RelationKind.SubsidiaryOf).Evaluate(Policy("human-rights-due-diligence"));

        verdict.Decision.Should().Be(ScreeningDecision.Review, "outside federal procurement section 889 does not bind, the human-rights risk calls for review");
        verdict.Rule.Should().Be("xinjiang-surveillance");
        verdict.Reason.Should().Contain("84 FR 54002").And.Contain("test:ezviz subsidiary-of test:hikvision");
    }

    [Fact]
    public void HumanRights_CoveredTelecomMakerWithoutTheXinjiangListingReviews()
    {
        var verdict = new PolicyTestHit("Huawei").OnList("us-ndaa-889", ListCategory.ProcurementProhibition, extendsToAffiliates: true)
            .Evaluate(Policy("human-rights-due-diligence"));

        verdict.Decision.Should().Be(ScreeningDecision.Review);
        verdict.Rule.Should().Be("surveillance-maker");
    }

    [Fact]
    public void HumanRights_SanctionsStillBlock()
    {
        var verdict = new PolicyTestHit("Acme Trading").OnList("us-ofac-sdn", ListCategory.Sanctions).Evaluate(Policy("human-rights-due-diligence"));

        verdict.Decision.Should().Be(ScreeningDecision.Block);
        verdict.Rule.Should().Be("sanctions");
        verdict.Reason.Should().Contain("blocking sanctions", "a rule without its own reason keeps the base policy's");
    }
}
