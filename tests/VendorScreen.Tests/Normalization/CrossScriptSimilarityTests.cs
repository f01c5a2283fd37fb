using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

/// <summary>
/// The similarity of a Latin word to runs of a transliterated name that extend each other (the runs from one syllable) comes from
/// one edit cost, and equals the similarity to each run computed alone, early stop and all.
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
}
