using System.Text.Json;
using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>Golden match cases kept as data (TestData/match-cases.json): a weight change must not silently flip one.</summary>
public sealed class MatchCaseTests
{
    private const double ReviewThreshold = 0.80;

    public static TheoryData<string, string, string, string> Cases()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "match-cases.json"));
        using var doc = JsonDocument.Parse(stream);
        var data = new TheoryData<string, string, string, string>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            data.Add(c.GetProperty("id").GetString()!, c.GetProperty("query").GetString()!, c.GetProperty("candidate").GetString()!, c.GetProperty("expected").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_GoldenCase_KeepsItsOutcome(string id, string query, string candidate, string expected) =>
        AssertOutcome(id, query, candidate, expected, NameScoringRules.Default);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_GoldenCase_KeepsItsOutcomeUnderTokenAlignV3(string id, string query, string candidate, string expected) =>
        AssertOutcome(id, query, candidate, expected, NameScoringRules.V3);

    private static void AssertOutcome(string id, string query, string candidate, string expected, NameScoringRules rules)
    {
        var score = NameNormalizer.Normalize(query)
            .SelectMany(q => NameNormalizer.Normalize(candidate).Select(c => NameScorer.Compare(q, c, null, rules).Score))
            .DefaultIfEmpty(0)
            .Max();

        if (expected == "match")
        {
            score.Should().BeGreaterThanOrEqualTo(ReviewThreshold, id);
        }
        else
        {
            expected.Should().Be("no-match", id);
            score.Should().BeLessThan(ReviewThreshold, id);
        }
    }
}
