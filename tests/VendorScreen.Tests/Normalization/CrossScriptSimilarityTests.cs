using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

/// <summary>
/// The similarity of a Latin word to runs of a transliterated name that extend each other (the runs from one syllable) comes from
/// one edit cost, and equals the similarity to each run computed alone, early stop and all; the edit cost computed only within its
/// limit gives the similarity of the whole edit cost.
/// </summary>
public sealed class CrossScriptSimilarityTests
{
    [Fact]
    public async Task CodeSimilarities_RunsThatExtendEachOther_EqualEachRunAlone()
    {
        var words = (await Indexing.CandidateIndexSoundAlikeTests.EmbeddedSoundVocabularyAsync()).Words;
        var random = new Random(20261202);
        var similarities = new double[8];
        var compared = 0;
        var similar = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic, NameScript.Kana })
        {
            for (var sample = 0; sample < 400; sample++)
            {
                // A Latin word against one to three words read as a transliteration, or against the word itself with a vowel added
                // (so that some runs are similar): the runs are the codes cut after some of their letters.
                var word = words[random.Next(words.Length)];
                var text = random.Next(2) == 0 ? word + "a" + words[random.Next(words.Length)] : string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
                var latin = CrossScriptKey.Latin(random.Next(4) == 0 ? word[..Math.Min(word.Length, 2)] : word);
                var codes = CrossScriptKey.Native(text, script);
                var ends = Enumerable.Range(0, codes.Length + 1).Where(_ => random.Next(3) == 0).Take(7).Append(codes.Length).Distinct().ToArray();

                CrossScriptSimilarity.CodeSimilarities(latin, codes, ends, script, similarities);

                for (var r = 0; r < ends.Length; r++)
                {
                    var alone = CrossScriptSimilarity.CodeSimilarity(latin, codes[..ends[r]], script);
                    similarities[r].Should().Be(alone, "the similarity of {0} to {1} ({2}) must be its own", latin, codes[..ends[r]], script);
                    similar += alone > 0 ? 1 : 0;
                    compared++;
                }
            }
        }

        compared.Should().BeGreaterThan(4_000);
        similar.Should().BeGreaterThan(200);
    }

    [Fact]
    public async Task CodeSimilarity_RowsComputedOnlyWithinTheLimit_EqualTheWholeEditCost()
    {
        // The similarity computes each row of the edit cost only over the columns that can stay within its limit; computed here
        // over every column of every row, without stopping, the cost must give the same similarity.
        var words = (await Indexing.CandidateIndexSoundAlikeTests.EmbeddedSoundVocabularyAsync()).Words;
        var random = new Random(20261203);
        var compared = 0;
        var similar = 0;
        foreach (var script in new[] { NameScript.Han, NameScript.Hangul, NameScript.Cyrillic, NameScript.Kana, NameScript.Arabic })
        {
            for (var sample = 0; sample < 1_000; sample++)
            {
                var word = words[random.Next(words.Length)];
                var other = random.Next(3) == 0 ? word : words[random.Next(words.Length)];
                var text = random.Next(2) == 0 ? other + "a" : other[..Math.Max(1, other.Length - random.Next(3))];
                var latin = CrossScriptKey.Latin(word);
                var codes = CrossScriptKey.Native(text, script);

                var similarity = CrossScriptSimilarity.CodeSimilarity(latin, codes, script);

                var whole = WholeCostSimilarity(latin, codes, script);
                similarity.Should().Be(whole, "the similarity of {0} to {1} ({2}) must be that of the whole edit cost", latin, codes, script);
                similar += whole > 0 ? 1 : 0;
                compared++;
            }
        }

        compared.Should().Be(5_000);
        similar.Should().BeGreaterThan(500);
    }

    // The similarity of the whole edit cost: every cell of every row, with no limit and no early stop.
    private static double WholeCostSimilarity(string latin, string codes, NameScript script)
    {
        var latinMass = CrossScriptSimilarity.LatinMass(latin);
        var nativeMass = CrossScriptSimilarity.NativeMass(codes, script);
        if (latin.Length < 2 || latinMass < 1 || nativeMass < 1)
        {
            return 0;
        }

        var previous = new double[codes.Length + 1];
        var current = new double[codes.Length + 1];
        var gaps = new double[codes.Length];
        CrossScriptSimilarity.FirstEditRow(codes, script, previous, gaps);
        foreach (var code in latin)
        {
            CrossScriptSimilarity.NextEditRow(code, codes, script, gaps, previous, current);
            (previous, current) = (current, previous);
        }

        return CrossScriptSimilarity.SimilarityOfEditCost(previous[codes.Length], latinMass, nativeMass, script);
    }
}
