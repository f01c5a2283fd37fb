using System.Globalization;
using System.Reflection;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Options;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Matching;

public sealed class NameMatchAlgorithmTests
{
    [Fact]
    public void Names_DefaultFirst_AndUnique()
    {
        NameMatchAlgorithms.Names[0].Should().Be(NameMatchAlgorithms.DefaultName).And.Be("token-align-v5");
        NameMatchAlgorithms.Names.Should().OnlyHaveUniqueItems(n => n.ToUpperInvariant()).And.Contain("ofac-parity-v1");
        NameMatchAlgorithms.Default.Name.Should().Be(NameMatchAlgorithms.DefaultName);
        new ScreeningOptions().Algorithm.Should().Be(NameMatchAlgorithms.DefaultName);
    }

    [Theory]
    [InlineData("token-align-v3", "token-align-v3")]
    [InlineData(" OFAC-Parity-V1 ", "ofac-parity-v1")]
    [InlineData("token-align-v4", "token-align-v4")]
    [InlineData("token-align-v5", "token-align-v5")]
    [InlineData(null, "token-align-v5")]
    [InlineData("", "token-align-v5")]
    public void Find_IgnoresCaseAndSpaces_NullIsDefault(string? name, string expected) =>
        NameMatchAlgorithms.Find(name)!.Name.Should().Be(expected);

    [Fact]
    public void Get_UnknownName_ThrowsListingTheKnownOnes()
    {
        var act = () => NameMatchAlgorithms.Get("token-align-v9");

        act.Should().Throw<ArgumentException>().WithMessage("*token-align-v9*token-align-v5, token-align-v4, token-align-v3, ofac-parity-v1*");
    }

    [Fact]
    public void Validate_UnknownAlgorithm_FailsNamingTheKnownOnes()
    {
        var result = new ScreeningOptionsValidator().Validate(null, new ScreeningOptions { Algorithm = "jaro" });

        result.Failed.Should().BeTrue();
        result.Failures.Should().ContainSingle().Which.Should().Contain("\"jaro\"").And.Contain("token-align-v3").And.Contain("ofac-parity-v1");
    }

    [Fact]
    public void Build_UnknownAlgorithm_Throws()
    {
        var act = () => new ScreeningEngineBuilder().Configure(o => o.Algorithm = "nope").Build();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("nope");
    }

    [Theory]
    [InlineData("token-align-v3", ScreeningDecision.Review)]
    [InlineData("ofac-parity-v1", ScreeningDecision.Block)]
    public async Task ScreenAsync_Algorithm_ScoresWithItAndNamesIt(string algorithm, ScreeningDecision expected)
    {
        // A transposed pair of letters in a long word: token alignment counts a slip and the generic words; Jaro-Winkler forgives it.
        using var engine = new ScreeningEngineBuilder().Configure(o => o.Algorithm = algorithm).Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Hikvisoin Digital Technology"));

        result.Algorithm.Should().Be(algorithm);
        result.Decision.Should().Be(expected);
        var hit = result.Hits.First(h => h.ListedEntityId == "default:hikvision");
        if (algorithm == "ofac-parity-v1")
        {
            // OFAC parity weighs no token by rarity: the hit's score is the pair's OFAC score over 100.
            hit.Score.Should().Be(OfacParityScorer.Score("Hikvisoin Digital Technology", hit.MatchedName) / 100.0);
        }
        else
        {
            hit.Features.Should().Contain(f => f.Feature == "token-alignment");
        }
    }

    [Fact]
    public async Task ScreenAsync_AlgorithmNameInOtherCase_ResultNamesTheCanonicalName()
    {
        using var engine = new ScreeningEngineBuilder().Configure(o => o.Algorithm = "OFAC-PARITY-V1").Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("Hikvision"));

        result.Algorithm.Should().Be("ofac-parity-v1");
    }

    [Theory]
    [InlineData("OSAMA BIN LADEN", "USAMA BIN LADEN NETWORK")]
    [InlineData("VLADIMIR PUTIN", "PUTIN, Vladimir Vladimirovich")]
    [InlineData("GEORGE BUSH", "GEORGIOU, Georgios")]
    [InlineData("O'Brien Trading Co.", "OBRIEN TRADING COMPANY")]
    public void OfacParity_IsTheOfacScoreOverOneHundred_ReadFromTheWrittenNames(string query, string candidate)
    {
        var algorithm = NameMatchAlgorithms.Get("ofac-parity-v1");

        var comparison = algorithm.Compare(Input(query), Input(candidate));

        comparison.Score.Should().Be(OfacParityScorer.Score(query, candidate) / 100.0);
        comparison.Features.Should().ContainSingle(f => f.Feature == "ofac-parity").Which.Detail.Should().StartWith("OFAC score ");
    }

    [Fact]
    public void OfacParity_AndTokenAlign_DifferOnAPair()
    {
        // Two names sharing a first letter and a few letters: Jaro-Winkler rates them close, token alignment does not.
        var query = Input("GEORGE BUSH");
        var candidate = Input("GEYE, Aroun");

        var ofac = NameMatchAlgorithms.Get("ofac-parity-v1").Compare(query, candidate).Score;
        var token = NameMatchAlgorithms.Get("token-align-v3").Compare(query, candidate).Score;

        ofac.Should().BeApproximately(0.71, 0.005);
        token.Should().BeLessThan(0.3);
    }

    [Theory]
    [InlineData("Hikvision Digital Technology Co., Ltd.", "Hikvision Digital Technology", true, true)]
    [InlineData("Hikvision camera DS-2CD", "Hikvision", true, false)]
    [InlineData("Hik Digital", "Hikvision Digital", false, false)]
    public void OfacParity_Containment_IsReadFromTheTokens(string query, string candidate, bool contained, bool qualifiersOnly)
    {
        var comparison = NameMatchAlgorithms.Get("ofac-parity-v1").Compare(Input(query), Input(candidate));

        comparison.CandidateContained.Should().Be(contained);
        comparison.QueryExtrasAreQualifiers.Should().Be(qualifiersOnly);
    }

    [Fact]
    public void TokenAlign_IsNameScorer()
    {
        var q = Input("Zhejiang Dahua Technolgy Co");
        var c = Input("Zhejiang Dahua Technology Co., Ltd.");

        NameMatchAlgorithms.Get("token-align-v3").Compare(q, c).Score
            .Should().Be(NameScorer.Compare(q.Normalized, c.Normalized, null, NameScoringRules.V3).Score);
        NameMatchAlgorithms.Get("token-align-v4").Compare(q, c).Score
            .Should().Be(NameScorer.Compare(q.Normalized, c.Normalized, null, NameScoringRules.V4).Score);
    }

    // Features whose value is a named constant of the scorer: the table must hold the scorer's value.
    [Theory]
    [InlineData("ofac-parity-v1", typeof(OfacParityScorer), "winkler-prefix", "WinklerPrefixLength")]
    [InlineData("ofac-parity-v1", typeof(OfacParityScorer), "winkler-scale", "WinklerScale")]
    [InlineData("ofac-parity-v1", typeof(OfacParityScorer), "part-floor", "PartFloor")]
    [InlineData("ofac-parity-v1", typeof(OfacParityScorer), "short-part", "ShortPartLength")]
    public void Features_HoldTheScorersConstants(string algorithm, Type scorer, string feature, string constant)
    {
        var field = scorer.GetField(constant, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
        field.Should().NotBeNull($"{scorer.Name}.{constant} is the source of {feature}");
        var value = Convert.ToDouble(field!.GetRawConstantValue(), CultureInfo.InvariantCulture);

        NameMatchAlgorithms.Get(algorithm).Features.Should().ContainSingle(f => f.Name == feature).Which.Value.Should().Be(value);
    }

    [Theory]
    [InlineData("token-align-v3")]
    [InlineData("token-align-v4")]
    [InlineData("token-align-v5")]
    public void TokenAlignFeatures_AreTheRulesTableOfTheirVersion(string algorithm)
    {
        var rules = NameScoringRules.All.Single(r => r.Name == algorithm);

        NameMatchAlgorithms.Get(algorithm).Features.Select(f => (f.Name, f.Kind, f.Value, f.Rule))
            .Should().Equal(rules.Table().Select(r => (r.Feature, r.Kind, r.Value, r.Description)));
        rules.Name.Should().Be(algorithm);
    }

    [Fact]
    public void Features_NamesUniquePerAlgorithm_WithRules()
    {
        foreach (var algorithm in NameMatchAlgorithms.All)
        {
            algorithm.Features.Should().NotBeEmpty();
            algorithm.Features.Should().OnlyHaveUniqueItems(f => f.Name);
            algorithm.Features.Should().AllSatisfy(f => f.Rule.Should().NotBeNullOrWhiteSpace());
            algorithm.Summary.Should().NotBeNullOrWhiteSpace();
            algorithm.Thresholds.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void AlgorithmsDoc_ListsEveryAlgorithmWithItsFeatureTable()
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "algorithms.md")).ReplaceLineEndings("\n");

        foreach (var algorithm in NameMatchAlgorithms.All)
        {
            var table = AlgorithmsDoc.FeatureTable(algorithm);
            doc.Should().Contain($"## `{algorithm.Name}`");
            doc.Should().Contain(table, $"docs/algorithms.md must hold the feature table of {algorithm.Name} as the code has it:\n{table}");
        }
    }

    private static NameMatchInput Input(string name) => new(name, NameNormalizer.Normalize(name)[0]);
}

/// <summary>Renders an algorithm's feature table as docs/algorithms.md shows it.</summary>
internal static class AlgorithmsDoc
{
    public static string FeatureTable(NameMatchAlgorithm algorithm)
    {
        var sb = new StringBuilder();
        sb.Append("| feature | kind | value | rule |\n|---|---|---|---|\n");
        foreach (var f in algorithm.Features)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{f.Name}` | {f.Kind} | {f.FormattedValue} | {f.Rule} |\n");
        }

        return sb.ToString();
    }
}
