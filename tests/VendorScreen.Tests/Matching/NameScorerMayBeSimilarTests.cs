using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The cheap tests the misspelling look-up runs before a full comparison must let through every pair of words that
/// <see cref="NameScorer.TokenSimilarity(NameToken, NameToken, NameScoringRules)"/> finds similar, under every rule set, or the
/// look-up would lose words.
/// </summary>
public sealed class NameScorerMayBeSimilarTests
{
    [Theory]
    [InlineData("kaspersky", "caspersky")]
    [InlineData("aleksandr", "alexander")]
    [InlineData("usama", "osama")]
    [InlineData("zelenskyy", "selenskyj")]
    [InlineData("barackk", "barack")]
    [InlineData("jongguun", "jongun")]
    [InlineData("brahim", "ibrahim")]
    [InlineData("appel", "apple")]
    [InlineData("hikvsion", "hikvision")]
    public void MayBeSimilar_SimilarWords_LetsThemThrough(string a, string b)
    {
        NameScorer.TokenSimilarity(Word(a), Word(b)).Should().BeGreaterThan(0);

        MayBeSimilar(a, b).Should().Be((true, true));
    }

    [Theory]
    [InlineData("putin", "trump")]
    [InlineData("hikvision", "huawei")]
    [InlineData("mohammed", "ahmadi")]
    public void MayBeSimilar_WordsWithDifferentLetters_LeavesThemOutByTheirSketches(string a, string b)
    {
        NameScorer.TokenSimilarity(Word(a), Word(b)).Should().Be(0);

        MayBeSimilar(a, b).Should().Be((false, false));
    }

    [Theory]
    [InlineData("kaspersky", "karpovsky")]
    [InlineData("norma", "roman")]
    public void MayBeSimilar_SameLettersFurtherApart_LeavesThemOutByTheWords(string a, string b)
    {
        // The sketches cannot tell letters in another order from a close spelling; the distance of the words can.
        NameScorer.TokenSimilarity(Word(a), Word(b)).Should().Be(0);

        MayBeSimilar(a, b).Should().Be((true, false));
    }

    [Theory]
    [InlineData("ab", "abcdef")]
    [InlineData("a", "alexander")]
    [InlineData("jon", "john")]
    public void MayBeSimilar_AWordShorterThanFourLetters_IsAlwaysLetThrough(string a, string b)
    {
        MayBeSimilar(a, b).Should().Be((true, true));
    }

    [Fact]
    public async Task MayBeSimilar_EmbeddedWordsTheirTyposAndSoundAlikeSpellings_LetsThroughEverySimilarPairUnderEveryRuleSet()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var words = snapshot.Entities.SelectMany(e => e.Names).SelectMany(n => NameNormalizer.Normalize(n.Value))
            .SelectMany(v => v.Tokens).Where(t => t.Class == TokenClass.Word && t.Text.Length >= 4).Select(t => t.Text)
            .Distinct(StringComparer.Ordinal).ToArray();
        var random = new Random(5);
        var pairs = new List<(string A, string B)>();
        foreach (var word in words)
        {
            var variant = word;
            for (var edits = 0; edits < 4; edits++)
            {
                variant = random.Next(3) == 0 ? Misspellings.SoundAlike(variant, random) : Misspellings.Edit(variant, random, minLength: 4, doubling: true);
                pairs.Add((variant, word));
                pairs.Add((word, variant));
            }

            pairs.Add((word, words[random.Next(words.Length)]));
        }

        var missed = new List<string>();
        int similar = 0, leftOut = 0;
        foreach (var rules in NameScoringRules.All)
        {
            foreach (var (a, b) in pairs)
            {
                var (bySketch, byWords) = MayBeSimilar(a, b);
                if (NameScorer.TokenSimilarity(Word(a), Word(b), rules) > 0)
                {
                    similar++;
                    if (!bySketch || !byWords)
                    {
                        missed.Add($"{rules.Name}: {a} / {b} (sketch {bySketch}, words {byWords})");
                    }
                }
                else if (!byWords)
                {
                    leftOut++;
                }
            }
        }

        missed.Should().BeEmpty("a word the comparison accepts must never be left out");
        similar.Should().BeGreaterThan(2_000);
        leftOut.Should().BeGreaterThan(1_000, "pairs further apart are left out without a full comparison");
    }

    private static (bool BySketch, bool ByWords) MayBeSimilar(string a, string b)
    {
        var sa = NameScorer.Sketch(a);
        var sb = NameScorer.Sketch(b);
        return (SpellingSketch.MayBeSimilar(sa, sb), NameScorer.MayBeSimilar(a, sa, b, sb));
    }

    private static NameToken Word(string text) => new(text, TokenClass.Word);
}
