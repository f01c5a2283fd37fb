using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The bound tests a word against a joined run by the run's length and its first, second and last letters before it writes the
/// run (<see cref="NameScorer.MaySpellAlikeShape"/>): every run that test rules out must be one that
/// <see cref="NameScorer.MaySpellAlike"/> rules out, or the bound would miss a joined pair. The scorer compares a word with a
/// joined run only where the same test lets it through, so every pair it finds must pass it.
/// </summary>
public sealed class NameScorerJoinedShapeTests
{
    [Theory]
    [InlineData("hikvision", "hikvision", true, true)] // the same letters
    [InlineData("hikvision", "hikvisoin", true, true)] // one swap
    [InlineData("misisipi", "mississippi", true, true)] // the same letters in runs of other lengths, three letters apart
    [InlineData("hikvision", "xikvision", true, true)] // the second letter the same, one edit
    [InlineData("hikvision", "zzkvisiox", false, false)] // neither the first nor the second letter the same
    [InlineData("abcdefgh", "abcdefghijklmn", false, false)] // the first letter the same, another last, six letters apart
    [InlineData("abcdefgh", "abcdefghij", true, true)] // two letters apart, within the budget of ten letters
    [InlineData("abcd", "xbzzzzzzzd", false, false)] // the second letter the same, six letters apart
    [InlineData("abcd", "axxxxxd", false, true)] // the same first and last letters: left to the full test, which rules it out
    public void MaySpellAlikeShape_OfAJoinedText_IsTrueWheneverMaySpellAlikeIs(string word, string joined, bool alike, bool shape)
    {
        NameScorer.MaySpellAlike(word, joined).Should().Be(alike);
        NameScorer.MaySpellAlikeShape(word, joined[0], joined[1], joined[^1], joined.Length).Should().Be(shape);
    }

    [Fact]
    public async Task MaySpellAlikeShape_RunsOfTheEmbeddedNames_RulesOutOnlyRunsNotSpeltAlikeAndMostOfTheRest()
    {
        // Words and names of the embedded dataset, each word against every run of two to four tokens of every name.
        var names = await NameScorerJoinedStartsTests.EmbeddedNamesAsync();
        var words = names.SelectMany(n => n).Select(t => t.Text).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).Take(300).ToList();
        var wrong = new List<string>();
        long runs = 0, ruledOut = 0, spelt = 0;
        foreach (var (word, joined) in WordsAndRuns(words, names))
        {
            runs++;
            var alike = NameScorer.MaySpellAlike(word, joined);
            spelt += alike ? 1 : 0;
            if (!NameScorer.MaySpellAlikeShape(word, joined[0], joined[1], joined[^1], joined.Length))
            {
                ruledOut++;
                if (alike)
                {
                    wrong.Add($"{word} / {joined}");
                }
            }
        }

        wrong.Should().BeEmpty();
        runs.Should().BeGreaterThan(100_000);
        ruledOut.Should().BeGreaterThan((runs - spelt) * 8 / 10, "most runs differ from a given word in length or in their first letters");
    }

    [Fact]
    public async Task JoinedRunSimilarity_RunsOfTheEmbeddedNames_IsAboveZeroOnlyWhereTheShapeAllows()
    {
        // The scorer compares a word with a joined run only where MaySpellAlikeShape allows a likeness: every pair it would
        // otherwise find, under every rule set, must be one the shape lets through.
        var names = await NameScorerJoinedStartsTests.EmbeddedNamesAsync();
        var words = names.SelectMany(n => n).Select(t => t.Text).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).Take(300).ToList();
        var wrong = new List<string>();
        long paired = 0;
        foreach (var (word, joined) in WordsAndRuns(words, names))
        {
            var shape = NameScorer.MaySpellAlikeShape(word, joined[0], joined[1], joined[^1], joined.Length);
            foreach (var rules in NameScoringRules.All)
            {
                if (NameScorer.JoinedRunSimilarity(word, TokenClass.Word, joined, rules) > 0)
                {
                    paired++;
                    if (!shape)
                    {
                        wrong.Add($"{rules.Name}: {word} / {joined}");
                    }
                }
            }
        }

        wrong.Should().BeEmpty();
        paired.Should().BeGreaterThan(100, "words of the embedded names are spelt alike with runs of others");
    }

    [Fact]
    public void MaySpellAlikeShape_RunOfOneLetter_IsLeftToMaySpellAlike()
    {
        NameScorer.MaySpellAlikeShape("abcd", 'x', '\0', 'x', 1).Should().BeTrue();
    }

    // Each word against every run of two to four tokens of every name, joined.
    private static IEnumerable<(string Word, string Joined)> WordsAndRuns(List<string> words, List<List<NameToken>> names)
    {
        foreach (var word in words)
        {
            foreach (var tokens in names)
            {
                for (var start = 0; start < tokens.Count - 1; start++)
                {
                    for (var count = 2; count <= 4 && start + count <= tokens.Count; count++)
                    {
                        yield return (word, string.Concat(tokens.Skip(start).Take(count).Select(t => t.Text)));
                    }
                }
            }
        }
    }
}
