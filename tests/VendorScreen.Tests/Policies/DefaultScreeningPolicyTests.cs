using FluentAssertions;
using VendorScreen.Policies;

namespace VendorScreen.Tests.Policies;

/// <summary>The default policy judged on hand-made evidence, without any list.</summary>
public sealed class DefaultScreeningPolicyTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 29);
    private static readonly ListDefinition Prohibition = new("us-ndaa-889", "889", ListCategory.ProcurementProhibition) { ExtendsToAffiliates = true };
    private static readonly ListDefinition Sanctions = new("us-ofac-sdn", "SDN", ListCategory.Sanctions);
    private static readonly ListDefinition EntityList = new("us-bis-entity-list", "Entity List", ListCategory.ExportControl);
    private static readonly Entity Maker = new("t:maker", EntityKind.Organization, "Maker");
    private static readonly Entity Sub = new("t:sub", EntityKind.Organization, "Sub");

    [Fact]
    public void Evaluate_StrongMatchToProhibitedParty_Blocks()
    {
        Judge(Evidence(0.97, Prohibition)).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Block && v.Rule == "prohibited-party");
    }

    [Fact]
    public void Evaluate_SubsidiaryThroughReportedRelation_Blocks()
    {
        var verdict = Judge(Evidence(1.0, Prohibition, Rel(FactConfidence.Reported)));

        verdict.Decision.Should().Be(ScreeningDecision.Block);
        verdict.Rule.Should().Be("prohibited-affiliate");
    }

    [Fact]
    public void Evaluate_UncertainRelation_OnlyReviews()
    {
        Judge(Evidence(1.0, Prohibition, Rel(FactConfidence.Uncertain))).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Rule == "uncertain-fact");
    }

    [Fact]
    public void Evaluate_RelationEndedBeforeAsOf_OnlyReviews()
    {
        var ended = Rel(FactConfidence.Official) with { ValidTo = FactDate.Parse("2025-06") };

        Judge(Evidence(1.0, Prohibition, ended)).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Rule == "ended-relation");
    }

    [Fact]
    public void Evaluate_WeakMatch_Reviews()
    {
        Judge(Evidence(0.85, Prohibition)).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Rule == "weak-match");
    }

    [Fact]
    public void Evaluate_BelowReviewThreshold_GivesNoVerdict()
    {
        Judge(Evidence(0.5, Prohibition)).Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public void Evaluate_ProductIdentifier_Reviews()
    {
        var evidence = Evidence(1.0, Prohibition) with { ExactIdentifier = true, ProductIdentifier = true, IdentifierScheme = IdentifierSchemes.FccGranteeCode };

        Judge(evidence).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Rule == "product-identifier");
    }

    [Fact]
    public void Evaluate_ExportControlList_Reviews()
    {
        Judge(Evidence(1.0, EntityList)).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Rule == "listed-review");
    }

    [Fact]
    public void Evaluate_SanctionsThroughMinorityOwnership_Reviews()
    {
        var minority = new Relation(Sub.Id, Maker.Id, RelationKind.OwnedBy) { SharePercent = 20, SourceUrl = "https://example.org" };

        Judge(Evidence(1.0, Sanctions)).Decision.Should().Be(ScreeningDecision.Block);
        Judge(Evidence(1.0, Sanctions, minority)).Decision.Should().Be(ScreeningDecision.Review);
        Judge(Evidence(1.0, Sanctions, minority with { SharePercent = 50 })).Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public void Evaluate_WeakAlias_NeverBlocks()
    {
        Judge(Evidence(1.0, Prohibition) with { MatchedNameKind = NameKind.WeakAlias }).Decision.Should().Be(ScreeningDecision.Review);
    }

    [Fact]
    public void Evaluate_SanctionsOnlyPolicy_IgnoresProcurementLists()
    {
        new SanctionsOnlyPolicy().Evaluate(new PolicyArguments(Evidence(1.0, Prohibition), new ScreeningOptions())).Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public void Evaluate_FederalContractorPolicy_Blocks1260HFromSection805Date()
    {
        var dod = new ListDefinition("us-dod-1260h", "1260H", ListCategory.MilitaryOrInvestment);
        var policy = new FederalContractorPolicy();

        policy.Evaluate(new PolicyArguments(Evidence(1.0, dod), new ScreeningOptions())).Decision.Should().Be(ScreeningDecision.Block);
        policy.Evaluate(new PolicyArguments(Evidence(1.0, dod) with { AsOf = new DateOnly(2026, 6, 29) }, new ScreeningOptions())).Decision.Should().Be(ScreeningDecision.Review);
        Judge(Evidence(1.0, dod)).Decision.Should().Be(ScreeningDecision.Review);
    }

    [Fact]
    public void Find_KnownAndUnknownNames()
    {
        ScreeningPolicies.Names.Should().Equal("default", "federal-contractor", "sanctions-only", "marketplace-listing", "human-rights-due-diligence");
        ScreeningPolicies.Names.Select(ScreeningPolicies.Find).Should().OnlyContain(p => p != null);
        ScreeningPolicies.Find("nope").Should().BeNull();
    }

    [Fact]
    public void Evaluate_PartialNameEvenAboveMatchThreshold_ReviewsNeverBlocks()
    {
        var verdict = Judge(Evidence(0.97, Sanctions) with { Partial = true });

        verdict.Decision.Should().Be(ScreeningDecision.Review);
        verdict.Rule.Should().Be("partial-name");
        verdict.Reason.Should().Contain("rare part of a name");
    }

    [Fact]
    public void Evaluate_PartialNameBelowReviewThreshold_StillReviews()
    {
        Judge(Evidence(0.5, Sanctions) with { Partial = true }).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Rule == "partial-name");
    }

    [Fact]
    public void Evaluate_MentionOnASanctionsList_IsDroppedUnlessOfAWholeName()
    {
        // A name inside a longer name is mostly coincidence against a sanctions list; a whole name of two words or more inside a
        // party's name is that party written with other words.
        Judge(Evidence(0.6, Sanctions) with { Mention = true }).Decision.Should().Be(ScreeningDecision.Clear);

        var verdict = Judge(Evidence(0.6, Sanctions) with { Mention = true, WholeNameMention = true });

        verdict.Decision.Should().Be(ScreeningDecision.Review);
        verdict.Rule.Should().Be("name-mention");
    }

    [Fact]
    public void Evaluate_WholeNameMentionAboveMatchThreshold_ReviewsNeverBlocks()
    {
        Judge(Evidence(0.97, Sanctions) with { Mention = true, WholeNameMention = true }).Decision.Should().Be(ScreeningDecision.Review);
    }

    [Fact]
    public void Evaluate_MentionOfAnEmbeddedMakerOnTheEntityList_ReviewsNeverBlocks()
    {
        // The embedded dataset's makers are named as their products are sold: a title naming one is reviewed for its lists, as a
        // brand field naming it is. The same mention of another source's entity on the Entity List is dropped.
        var embedded = Maker with { SourceName = "default" };
        var listing = new Listing(EntityList.Id) { Confidence = FactConfidence.Reported };
        HitEvidence Mentioned(Entity entity) => new()
        {
            Field = "title",
            Score = 1.0,
            Mention = true,
            MatchedEntity = entity,
            ListedEntity = entity,
            Listings = [(listing, EntityList)],
            AsOf = AsOf,
        };

        var verdict = Judge(Mentioned(embedded));

        verdict.Decision.Should().Be(ScreeningDecision.Review);
        verdict.Lists.Should().Equal(EntityList.Id);
        Judge(Mentioned(Maker with { SourceName = "csl" })).Decision.Should().Be(ScreeningDecision.Clear);
    }

    private static PolicyVerdict Judge(HitEvidence evidence) => new DefaultScreeningPolicy().Evaluate(new PolicyArguments(evidence, new ScreeningOptions()));

    private static Relation Rel(FactConfidence confidence) =>
        new(Sub.Id, Maker.Id, RelationKind.SubsidiaryOf) { Confidence = confidence, SourceUrl = "https://example.org" };

    private static HitEvidence Evidence(double score, ListDefinition list, Relation? step = null) => new()
    {
        Field = "name",
        Score = score,
        MatchedEntity = step is null ? Maker : Sub,
        ListedEntity = Maker,
        Path = step is null ? [] : [step],
        Listings = [(new Listing(list.Id) { SourceUrl = "https://example.org" }, list)],
        AsOf = AsOf,
    };
}
