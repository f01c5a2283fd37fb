using FluentAssertions;
using VendorScreen.Policies;

namespace VendorScreen.Tests.Policies;

/// <summary>The rules of a <see cref="RuleBasedPolicy"/>: tried in order over the base verdict; the first that holds decides.</summary>
public sealed class RuleBasedPolicyTests
{
    private static PolicyTestHit Sanctioned(string name = "Acme Trading") => new PolicyTestHit(name).OnList("us-ofac-sdn", ListCategory.Sanctions, program: "SDGT");

    [Fact]
    public void FirstRuleThatHoldsDecides_OtherwiseTheBaseVerdictStands()
    {
        var policy = new RuleBasedPolicy("test", new DefaultScreeningPolicy(),
        [
            new PolicyRule("sdgt-review", new PolicyCondition { Programs = ["sdgt"] }, ScreeningDecision.Review) { Reason = "{entity} under {lists} at {score}" },
            new PolicyRule("never-reached", new PolicyCondition(), ScreeningDecision.Clear),
        ]);

        var verdict = Sanctioned().Scored(0.97).Evaluate(policy);
        verdict.Should().BeEquivalentTo(new PolicyVerdict(ScreeningDecision.Review, "sdgt-review", "Acme Trading under us-ofac-sdn at 0.97", ["us-ofac-sdn"]));

        new PolicyTestHit("Other").OnList("us-bis-entity-list", ListCategory.ExportControl).Evaluate(policy)
            .Rule.Should().Be("never-reached", "an empty condition holds for every hit the base reports");
    }

    [Fact]
    public void DroppedHits_AreSeenOnlyByRulesThatAskForThem()
    {
        var weak = Sanctioned().Scored(0.5);
        var ignoring = new RuleBasedPolicy("a", new DefaultScreeningPolicy(), [new PolicyRule("any", new PolicyCondition(), ScreeningDecision.Review)]);
        var including = new RuleBasedPolicy("b", new DefaultScreeningPolicy(),
            [new PolicyRule("low-sanctions", new PolicyCondition { ListCategories = [ListCategory.Sanctions], MinScore = 0.45 }, ScreeningDecision.Review) { IncludeDropped = true }]);

        weak.Evaluate(new DefaultScreeningPolicy()).Decision.Should().Be(ScreeningDecision.Clear);
        weak.Evaluate(ignoring).Decision.Should().Be(ScreeningDecision.Clear);
        weak.Evaluate(including).Should().Match<PolicyVerdict>(v => v.Decision == ScreeningDecision.Review && v.Reason == "matches Acme Trading (us-ofac-sdn)");
    }

    [Fact]
    public void OwnershipShare_IsMultipliedAlongThePathAndUnknownWhenAShareIsMissing()
    {
        var rule = new PolicyRule("half", new PolicyCondition { MinOwnershipPercent = 50 }, ScreeningDecision.Block) { Reason = "{share} via {path}" };
        var unknown = new PolicyRule("unknown", new PolicyCondition { OwnershipUnknown = true }, ScreeningDecision.Review);
        var policy = new RuleBasedPolicy("shares", new DefaultScreeningPolicy(), [rule, unknown]);

        var sixtyOfNinety = Sanctioned("Parent").MatchedThrough("Holding", RelationKind.OwnedBy, 90).MatchedThrough("Target", RelationKind.OwnedBy, 60);
        sixtyOfNinety.Evaluate(policy).Should().Match<PolicyVerdict>(v => v.Rule == "half" && v.Reason.StartsWith("54%", StringComparison.Ordinal));
        PolicyCondition.OwnershipShare(sixtyOfNinety.Build().Path).Should().Be(54m);

        var fortyNine = Sanctioned("Parent").MatchedThrough("Target", RelationKind.OwnedBy, 49.9m);
        fortyNine.Evaluate(policy).Rule.Should().NotBe("half");

        var missing = Sanctioned("Parent").MatchedThrough("Target", RelationKind.OwnedBy);
        PolicyCondition.OwnershipShare(missing.Build().Path).Should().BeNull("a missing share is unknown, not zero");
        missing.Evaluate(policy).Rule.Should().Be("unknown");
    }

    [Fact]
    public void Conditions_ListDatesCitationsCountriesEvidenceAndAsOf()
    {
        var hit = new PolicyTestHit("Hikvision").InCountry("CN")
            .OnList("us-bis-entity-list", ListCategory.ExportControl, citation: "84 FR 54002", listedOn: new DateOnly(2019, 10, 9))
            .OnList("us-dod-1260h", ListCategory.MilitaryOrInvestment);
        var verdictBase = new PolicyVerdict(ScreeningDecision.Review, "listed-review", "r", []);
        var evidence = hit.Build();

        new PolicyCondition { Citations = ["84 fr 54002"] }.Matches(evidence, verdictBase, out var lists).Should().BeTrue();
        lists.Should().Equal("us-bis-entity-list");
        new PolicyCondition { ListedOnOrAfter = new DateOnly(2019, 10, 10) }.Matches(evidence, verdictBase, out _).Should().BeFalse();
        new PolicyCondition { ListedOnOrBefore = new DateOnly(2019, 10, 9), Countries = ["cn"] }.Matches(evidence, verdictBase, out _).Should().BeTrue();
        new PolicyCondition { Evidence = ["mention"] }.Matches(evidence, verdictBase, out _).Should().BeFalse();
        new PolicyCondition { Evidence = ["whole-name-mention"] }.Matches(evidence, verdictBase, out _).Should().BeFalse();
        new PolicyCondition { Evidence = ["name"], Direct = true }.Matches(evidence, verdictBase, out _).Should().BeTrue();
        new PolicyCondition { AsOfFrom = new DateOnly(2027, 1, 1) }.Matches(evidence, verdictBase, out _).Should().BeFalse();
        new PolicyCondition { BaseRules = ["listed-review"], BelowScore = 1.0 }.Matches(evidence, verdictBase, out _).Should().BeFalse("the score is 1.0");
    }

    [Fact]
    public void RelationConditions_KindAndWeakestConfidence()
    {
        var evidence = new PolicyTestHit("Maker").OnList("us-ndaa-889", ListCategory.ProcurementProhibition, extendsToAffiliates: true)
            .MatchedThrough("Relabeller", RelationKind.RelabelOf, confidence: FactConfidence.Reported).Build();
        var any = new PolicyVerdict(ScreeningDecision.Review, "relabel-evidence", "r", []);

        new PolicyCondition { RelationKinds = [RelationKind.RelabelOf], Evidence = ["relabel"] }.Matches(evidence, any, out _).Should().BeTrue();
        new PolicyCondition { RelationConfidences = [FactConfidence.Official] }.Matches(evidence, any, out _).Should().BeFalse();
        new PolicyCondition { RelationConfidences = [FactConfidence.Reported] }.Matches(evidence, any, out _).Should().BeTrue();
    }

    [Fact]
    public void RuleNames_MustBeUnique()
    {
        var act = () => new RuleBasedPolicy("p", new DefaultScreeningPolicy(),
            [new PolicyRule("x", new PolicyCondition(), ScreeningDecision.Review), new PolicyRule("x", new PolicyCondition(), ScreeningDecision.Block)]);

        act.Should().Throw<ArgumentException>().WithMessage("*two rules are named \"x\"*");
    }
}
