using CsCheck;
using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Properties;

/// <summary>
/// Properties of <see cref="NameScorer"/>. Its documentation promises a score in [0, 1] and a weighted Dice score over aligned
/// tokens, so a name compared with itself scores 1. It does not promise symmetry (query and candidate play different roles:
/// containment, qualifiers), so symmetry is not asserted.
/// </summary>
public sealed class NameScorerProperties
{
    private static readonly Gen<string> Names = Gen.Frequency((4, TextGen.WellFormedNameLike), (1, TextGen.AnyUtf16.Where(TextGen.IsWellFormed)));

    [Fact]
    public void Compare_AnyTwoNames_NeverThrowsAndScoresWithinZeroAndOne() => Property.ForAll(Gen.Select(Names, Names), pair =>
    {
        foreach (var q in NameNormalizer.Normalize(pair.Item1))
        {
            foreach (var c in NameNormalizer.Normalize(pair.Item2))
            {
                var score = NameScorer.Compare(q, c).Score;
                score.Should().BeInRange(0, 1);
                double.IsNaN(score).Should().BeFalse();
            }
        }
    }, 2000, nameof(Compare_AnyTwoNames_NeverThrowsAndScoresWithinZeroAndOne), p => $"{Property.Show(p.Item1)} / {Property.Show(p.Item2)}");

    [Fact]
    public void Compare_NameWithItself_ScoresOne() => Property.ForAll(Names.Where(n => n.Any(char.IsLetter)), name =>
    {
        foreach (var v in NameNormalizer.Normalize(name))
        {
            NameScorer.Compare(v, v).Score.Should().BeApproximately(1, 1e-9, "a name matches itself exactly ({0})", v.Key);
        }
    }, 2000, nameof(Compare_NameWithItself_ScoresOne));

    [Fact]
    public void Compare_NoisyName_NeverScoresAboveTheExactMatch() => Property.ForAll(
        Gen.Select(Names.Where(n => n.Any(char.IsLetter)), Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Char['a', 'z'], TextGen.WellFormedNameLike),
        t =>
        {
            var (name, kind, position, letter, token) = t;
            var noisy = AddNoise(name, kind, position, letter, token);
            var original = NameNormalizer.Normalize(name);
            foreach (var c in original)
            {
                var exact = NameScorer.Compare(c, c).Score;
                foreach (var q in NameNormalizer.Normalize(noisy))
                {
                    NameScorer.Compare(q, c).Score.Should().BeLessThanOrEqualTo(exact + 1e-9, "noise [{0}] must not beat the exact match of {1}", noisy, c.Key);
                    NameScorer.Compare(c, q).Score.Should().BeLessThanOrEqualTo(exact + 1e-9);
                }
            }
        },
        1000, nameof(Compare_NoisyName_NeverScoresAboveTheExactMatch));

    [Fact]
    public void TokenSimilarity_AnyTwoTokens_IsWithinZeroAndOneAndOneForEqualTokens() => Property.ForAll(Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 16], Gen.String[Gen.Char['a', 'z'], 1, 16]), pair =>
    {
        var a = new NameToken(pair.Item1, TokenClass.Word);
        var b = new NameToken(pair.Item2, TokenClass.Word);
        NameScorer.TokenSimilarity(a, b).Should().BeInRange(0, 1);
        NameScorer.TokenSimilarity(a, a).Should().Be(1);
    }, 3000, nameof(TokenSimilarity_AnyTwoTokens_IsWithinZeroAndOneAndOneForEqualTokens));

    /// <summary>Adds one kind of noise: an extra token at the end or the start, a replaced letter, or a deleted character.</summary>
    private static string AddNoise(string name, int kind, int position, char letter, string token)
    {
        var at = position % Math.Max(1, name.Length);
        return kind switch
        {
            0 => name + " " + (token.Length > 0 ? token : "zq"),
            1 => (token.Length > 0 ? token : "zq") + " " + name,
            2 => char.IsSurrogate(name[at]) ? name + letter : name[..at] + letter + name[(at + 1)..],
            _ => char.IsSurrogate(name[at]) ? name + letter : name.Remove(at, 1),
        };
    }

    [Fact]
    public void IndelRatio_AnyTwoWords_EqualsFuzzySharpLevenshteinRatio() =>
        Property.ForAll(Gen.Select(Gen.String[Gen.Char["abcd"], 0, 12], Gen.String[Gen.Char["abcd"], 0, 12]), pair =>
            NameScorer.IndelRatio(pair.Item1, pair.Item2).Should().Be(FuzzySharp.Levenshtein.GetRatio(pair.Item1, pair.Item2), "the ratio the scorer was defined with"),
            5000, nameof(IndelRatio_AnyTwoWords_EqualsFuzzySharpLevenshteinRatio), p => $"{p.Item1} / {p.Item2}");

    [Fact]
    public void IsPinyinSyllable_OfASpan_AgreesWithTheStringLookup()
    {
        // Every text of one to three of these letters, and longer syllables and near misses.
        const string letters = "aeinoguhz";
        var texts = new List<string> { "", "zhang", "zhuang", "chuang", "xiong", "shuang", "zhangs", "zhuangg", "qiang", "jian", "cheng", "man", "long" };
        foreach (var x in letters)
        {
            texts.Add($"{x}");
            foreach (var y in letters)
            {
                texts.Add($"{x}{y}");
                texts.AddRange(letters.Select(z => $"{x}{y}{z}"));
            }
        }

        texts.Count(t => Romanization.IsPinyinSyllable(t)).Should().BeGreaterThan(20, "the texts hold syllables as well as other words");
        foreach (var text in texts)
        {
            Romanization.IsPinyinSyllable(text.AsSpan()).Should().Be(Romanization.IsPinyinSyllable(text), text);
        }
    }
}
