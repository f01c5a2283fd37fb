using System.Text.Json;
using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>Golden match cases kept as data (TestData/match-cases.json): a weight change must not silently flip one. A case with
/// <c>"since"</c> holds from that algorithm version on (a rule it added); older versions are not held to it.</summary>
public sealed class MatchCaseTests
{
    private const double ReviewThreshold = 0.80;

    public static TheoryData<string, string, string, string> Cases() => Load(since: null);

    public static TheoryData<string, string, string, string> CasesOfTokenAlignV3() => Load(since: NameScoringRules.V3);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_GoldenCase_KeepsItsOutcome(string id, string query, string candidate, string expected) =>
        AssertOutcome(id, query, candidate, expected, NameScoringRules.Default);

    [Theory]
    [MemberData(nameof(CasesOfTokenAlignV3))]
    public void Compare_GoldenCase_KeepsItsOutcomeUnderTokenAlignV3(string id, string query, string candidate, string expected) =>
        AssertOutcome(id, query, candidate, expected, NameScoringRules.V3);

    [Fact]
    public void Cases_Since_NamesAKnownAlgorithmVersion()
    {
        var versions = NameScoringRules.All.Select(r => r.Name).ToList();
        foreach (var c in Read())
        {
            if (c.Since is not null)
            {
                versions.Should().Contain(c.Since, c.Id);
            }
        }
    }

    // The cases that hold under a rule set: every case when none is given, else those without "since" or since a version no later.
    private static TheoryData<string, string, string, string> Load(NameScoringRules? since)
    {
        var order = NameScoringRules.All.Select(r => r.Name).ToList();
        var data = new TheoryData<string, string, string, string>();
        foreach (var c in Read())
        {
            if (since is null || c.Since is null || order.IndexOf(c.Since) <= order.IndexOf(since.Name))
            {
                data.Add(c.Id, c.Query, c.Candidate, c.Expected);
            }
        }

        return data;
    }

    private static List<GoldenCase> Read()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "match-cases.json"));
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray().Select(c => new GoldenCase(
            c.GetProperty("id").GetString()!,
            c.GetProperty("query").GetString()!,
            c.GetProperty("candidate").GetString()!,
            c.GetProperty("expected").GetString()!,
            c.TryGetProperty("since", out var since) ? since.GetString() : null)).ToList();
    }

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

    private sealed record GoldenCase(string Id, string Query, string Candidate, string Expected, string? Since);
}
