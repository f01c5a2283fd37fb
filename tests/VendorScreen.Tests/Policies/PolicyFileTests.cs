using FluentAssertions;
using VendorScreen.Policies;

namespace VendorScreen.Tests.Policies;

/// <summary>JSON policy files: read into rules, and every mistake named by file and JSON path in one line.</summary>
public sealed class PolicyFileTests
{
    private const string Valid = """
        {
          // Comments are allowed.
          "format": "vendorscreen-policy/1",
          "name": "acme-procurement",
          "description": "Our rules.",
          "extends": "federal-contractor",
          "rules": [
            { "name": "garments-are-not-cameras", "when": { "lists": ["us-ndaa-889"], "belowScore": 0.92, "fields": ["name"] }, "decision": "clear" },
            { "name": "sdn-owned", "when": { "listCategories": ["sanctions"], "relationKinds": ["owned-by"], "minOwnershipPercent": 50 },
              "decision": "block", "reason": "{share} owned by {entity}" },
            { "name": "late-listings", "when": { "listedOnOrAfter": "2025-01-01", "baseDecisions": ["review"] }, "decision": "review", "includeDropped": false }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryRuleInOrder()
    {
        var policy = PolicyFile.Parse(Valid, "acme.json");

        policy.Name.Should().Be("acme-procurement");
        policy.Description.Should().Be("Our rules.");
        policy.Base.Should().BeOfType<FederalContractorPolicy>();
        policy.Rules.Select(r => r.Name).Should().Equal("garments-are-not-cameras", "sdn-owned", "late-listings");
        policy.Rules[0].Should().Match<PolicyRule>(r => r.Decision == ScreeningDecision.Clear && r.When.BelowScore == 0.92 && r.When.Fields!.Single() == "name");
        policy.Rules[1].When.RelationKinds.Should().Equal(RelationKind.OwnedBy);
        policy.Rules[1].When.MinOwnershipPercent.Should().Be(50m);
        policy.Rules[2].When.ListedOnOrAfter.Should().Be(new DateOnly(2025, 1, 1));
        policy.Rules[2].When.BaseDecisions.Should().Equal(ScreeningDecision.Review);
    }

    [Fact]
    public void Parse_ValidFile_JudgesHits()
    {
        var policy = PolicyFile.Parse(Valid, "acme.json");
        var hit = new PolicyTestHit("Dahua").OnList("us-ndaa-889", ListCategory.ProcurementProhibition, extendsToAffiliates: true);

        hit.Scored(0.85).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Clear, "the user's rule clears weak name matches to section 889 makers");
        hit.Scored(1.0).Evaluate(policy).Decision.Should().Be(ScreeningDecision.Block);
    }

    public static TheoryData<string, string> Mistakes => new()
    {
        { "{", "acme.json: $: not valid JSON" },
        { "[]", "acme.json: $: expected an object, found an array" },
        { """{"format":"vendorscreen-policy/2","name":"x","rules":[]}""", "acme.json: $.format: expected \"vendorscreen-policy/1\", found \"vendorscreen-policy/2\"" },
        { """{"format":"vendorscreen-policy/1","rules":[]}""", "acme.json: $: missing \"name\"" },
        { """{"format":"vendorscreen-policy/1","name":"x"}""", "acme.json: $: missing \"rules\"" },
        { """{"format":"vendorscreen-policy/1","name":"x","rulez":[]}""", "acme.json: $.rulez: unknown key (expected one of: format, name, description, extends, rules)" },
        { """{"format":"vendorscreen-policy/1","name":"x","extends":"strict","rules":[]}""", "acme.json: $.extends: unknown policy \"strict\"" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{},"decision":"deny"}]}""", "acme.json: $.rules[0].decision: unknown decision \"deny\"" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","decision":"block"}]}""", "acme.json: $.rules[0]: missing \"when\"" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"minScor":0.9},"decision":"block"}]}""", "acme.json: $.rules[0].when.minScor: unknown key" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"minScore":"high"},"decision":"block"}]}""", "acme.json: $.rules[0].when.minScore: expected a number from 0 to 1, found a string" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"minScore":1.5},"decision":"block"}]}""", "acme.json: $.rules[0].when.minScore: expected a number from 0 to 1, found 1.5" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"listCategories":["sanction"]},"decision":"block"}]}""", "acme.json: $.rules[0].when.listCategories[0]: unknown value \"sanction\"" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"lists":[]},"decision":"block"}]}""", "acme.json: $.rules[0].when.lists: expected a non-empty array of strings, found an empty array" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"evidence":["rumour"]},"decision":"block"}]}""", "acme.json: $.rules[0].when.evidence: unknown evidence \"rumour\"" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{"asOfFrom":"30/06/2026"},"decision":"block"}]}""", "acme.json: $.rules[0].when.asOfFrom: expected a date as yyyy-MM-dd" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{},"decision":"block"},{"name":"a","when":{},"decision":"review"}]}""", "acme.json: $.rules[1].name: a rule named \"a\" comes earlier" },
        { """{"format":"vendorscreen-policy/1","name":"x","rules":[{"name":"a","when":{},"decision":"block","includeDropped":"yes"}]}""", "acme.json: $.rules[0].includeDropped: expected true or false, found a string" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Parse_Mistake_OneLineNamingFileAndPath(string json, string expected)
    {
        var act = () => PolicyFile.Parse(json, "acme.json");

        var error = act.Should().Throw<PolicyFileException>().Which;
        error.Message.Should().StartWith(expected);
        error.Message.Should().NotContain("\n");
        error.File.Should().Be("acme.json");
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-policy-" + Guid.NewGuid().ToString("N") + ".json");

        var act = () => PolicyFile.Load(path);

        act.Should().Throw<PolicyFileException>().WithMessage($"{path}: $: cannot read the file*");
    }

    [Fact]
    public void Resolve_BuiltInNameOrFile()
    {
        var file = Path.Combine(Path.GetTempPath(), "vendorscreen-policy-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, Valid);
        try
        {
            ScreeningPolicies.Resolve("marketplace-listing").Name.Should().Be("marketplace-listing");
            ScreeningPolicies.Resolve(file).Name.Should().Be("acme-procurement");
            var act = () => ScreeningPolicies.Resolve("strict");
            act.Should().Throw<ArgumentException>().WithMessage("*unknown policy \"strict\"*");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
