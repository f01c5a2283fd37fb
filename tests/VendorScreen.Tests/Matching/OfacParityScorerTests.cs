using System.Globalization;
using CsvHelper;
using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Matching;

public class OfacParityScorerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9444)]
    [InlineData("DWAYNE", "DUANE", 0.8222)]
    [InlineData("DIXON", "DICKSONX", 0.7667)]
    [InlineData("ABC", "XYZ", 0)]
    public void Jaro_TextbookPairs_MatchPublishedValues(string a, string b, double expected)
    {
        OfacParityScorer.Jaro(a, b).Should().BeApproximately(expected, 0.0001);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    public void JaroWinkler_TextbookPairs_MatchPublishedValues(string a, string b, double expected)
    {
        OfacParityScorer.JaroWinkler(a, b).Should().BeApproximately(expected, 0.0001);
    }

    [Fact]
    public void JaroWinkler_LowJaroWithSharedPrefix_StillGetsPrefixBonus()
    {
        // Jaro below 0.7: the textbook variant adds no bonus, the SimMetrics variant (used by the OFAC tool) does.
        var jaro = OfacParityScorer.Jaro("ABCDWXYZ", "ABCDQRST");

        jaro.Should().BeLessThan(0.7);
        OfacParityScorer.JaroWinkler("ABCDWXYZ", "ABCDQRST").Should().BeApproximately(jaro + (0.4 * (1 - jaro)), 1e-9);
    }

    [Fact]
    public void Compare_ReorderedListedName_Scores100ThroughNameParts()
    {
        var result = OfacParityScorer.Compare("JOHN QUINCY ADAMS", "ADAMS, John Quincy");

        result.Score.Should().Be(100);
        result.WholeString.Should().Be(0, "the first letters differ, so the whole-string technique does not apply");
        result.PerToken.Should().Be(1);
    }

    [Fact]
    public void Compare_SameFirstLetter_UsesWholeStringWhenHigher()
    {
        var result = OfacParityScorer.Compare("MARIA GARCIA", "MARIO GARCIAS");

        result.WholeString.Should().BeGreaterThan(0);
        result.Score.Should().Be((int)Math.Round(Math.Max(result.WholeString, result.PerToken) * 100, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Compare_UnrelatedSurname_ZeroesThatPartBelowFloor()
    {
        // "SMITH" against "OKONKWO" is below the 0.5 floor: the composite is the mean of 1 and 0.
        var result = OfacParityScorer.Compare("PETER SMITH", "OKONKWO, Peter");

        result.PerToken.Should().Be(0.5);
        result.Score.Should().Be(50);
    }

    [Fact]
    public void Compare_ShortQueryParts_AreIgnoredWhenLongerPartsExist()
    {
        OfacParityScorer.Compare("LEE JAE IN", "LEE, Jae Ho").PerToken.Should().Be(1, "IN has two letters and is ignored");
        OfacParityScorer.Compare("Z", "ZEBRA").Score.Should().BeGreaterThan(0, "a query of only short parts keeps them");
    }

    [Fact]
    public void Tokenize_ApostrophesAndStops_AreDeletedOtherPunctuationSplits()
    {
        OfacParityScorer.Tokenize("O'Brien, J.P. al-Zahra (Müller)").Should().Equal("OBRIEN", "JP", "AL", "ZAHRA", "MULLER");
    }

    [Fact]
    public void Compare_OtherScript_ScoresZeroAgainstLatin()
    {
        OfacParityScorer.Score("Иван Петров", "PETROV, Ivan").Should().Be(0, "the tool does not transliterate");
    }

    [Fact]
    public void Compare_EmptyName_ScoresZero()
    {
        OfacParityScorer.Compare("", "PETROV, Ivan").Should().Be(new OfacParityComparison(0, 0, 0));
        OfacParityScorer.Score("--", null).Should().Be(0);
    }

    [Fact]
    public void CompareBest_SeveralListedNames_TakesBestAlias()
    {
        var result = OfacParityScorer.CompareBest("JOHN QUINCY ADAMS", ["Someone Else", "ADAMS, John Quincy"]);

        result.Score.Should().Be(100);
        OfacParityScorer.CompareBest("JOHN", []).Score.Should().Be(0);
    }

    [SharedDataFact]
    public void Compare_PortalScoresFixture_MostWithinFivePoints()
    {
        using var reader = new StreamReader(SharedData.DataPath("eval/nomenklatura-bench/ofac_fixtures.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var differences = new List<int>();
        foreach (var row in csv.GetRecords<FixtureRow>())
        {
            if (row.ofac_score >= 0)
            {
                differences.Add(Math.Abs(OfacParityScorer.Score(row.query_name, row.result_name) - row.ofac_score));
            }
        }

        differences.Should().HaveCountGreaterThan(150);
        (differences.Count(d => d <= 5) / (double)differences.Count).Should().BeGreaterThanOrEqualTo(0.95);
        differences.Average().Should().BeLessThanOrEqualTo(2.0);
    }

#pragma warning disable IDE1006, SA1300 // Property names follow the fixture's column names.
    private sealed record FixtureRow(string query_name, string result_name, int ofac_score);
#pragma warning restore IDE1006, SA1300
}
