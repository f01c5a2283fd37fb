using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The misspelling look-up reads only the part of each trigram's word list whose lengths it can accept, yet returns exactly
/// what a look-up over the whole lists returns: the same words, in the same order. The reference below reads every list in
/// posting order, counts shared trigrams, keeps the words within three letters of the token's length that share enough of them
/// and are similar spellings, and takes the 24 most similar, the word met first among equals.
/// </summary>
public sealed class CandidateIndexSimilarWordsTests
{
    [Fact]
    public async Task SimilarWords_EmbeddedData_EqualsAFullScanForEveryWordAndItsOneAndTwoEditTypos()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();

        var compared = AssertSameAsFullScan(snapshot.Entities, sample: int.MaxValue, seed: 1);

        compared.Should().BeGreaterThan(1_000);
    }

    [SharedDataFact]
    public async Task SimilarWords_OfacSdn_EqualsAFullScanForSampledWordsAndTheirOneAndTwoEditTypos()
    {
        var snapshot = await SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")).LoadAsync();

        var compared = AssertSameAsFullScan(snapshot.Entities, sample: 1_500, seed: 20210701);

        compared.Should().BeGreaterThan(5_000);
    }

    // Compares the look-up with the reference for vocabulary words (a sample of them) as they are, with one edit and with two
    // edits, each as a Latin-script and as a transliterated query; the number of look-ups compared.
    private static int AssertSameAsFullScan(IReadOnlyList<Entity> entities, int sample, int seed)
    {
        var index = new CandidateIndex(entities, NameScoringRules.Default);
        var reference = new FullScan(index);
        var random = new Random(seed);
        var words = reference.Vocabulary.Length <= sample
            ? reference.Vocabulary
            : Enumerable.Range(0, sample).Select(_ => reference.Vocabulary[random.Next(reference.Vocabulary.Length)]).ToArray();
        var compared = 0;
        var differences = new List<string>();
        foreach (var word in words)
        {
            var oneEdit = Edit(word, random);
            foreach (var token in new[] { word, oneEdit, Edit(oneEdit, random) })
            {
                if (token.Length < 4)
                {
                    continue;
                }

                foreach (var shortWordLookup in new[] { true, false })
                {
                    var expected = reference.SimilarWords(token, shortWordLookup);
                    var actual = index.SimilarWords(token, shortWordLookup);
                    compared++;
                    if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
                    {
                        differences.Add($"{token} ({(shortWordLookup ? "Latin" : "transliterated")}): [{string.Join(", ", actual)}] instead of [{string.Join(", ", expected)}]");
                    }
                }
            }
        }

        differences.Should().BeEmpty("the look-up must return what a full scan returns");
        return compared;
    }

    // One random letter edit of a word: a letter changed, removed, inserted, or two neighbours swapped.
    private static string Edit(string word, Random random)
    {
        var chars = word.ToList();
        var at = random.Next(chars.Count);
        var letter = (char)('a' + random.Next(26));
        switch (random.Next(4))
        {
            case 0:
                chars[at] = letter;
                break;
            case 1 when chars.Count > 1:
                chars.RemoveAt(at);
                break;
            case 2:
                chars.Insert(at, letter);
                break;
            default:
                if (at + 1 < chars.Count)
                {
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                }

                break;
        }

        return new string([.. chars]);
    }

    // The look-up over whole trigram lists of the vocabulary in posting order, built from the index's names alone.
    private sealed class FullScan
    {
        private readonly Dictionary<ulong, List<int>> _trigrams = [];

        public FullScan(CandidateIndex index)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var vocabulary = new List<string>();
            foreach (var name in index.Names)
            {
                foreach (var key in CandidateIndex.PostingKeys(name.Normalized.Tokens))
                {
                    if (seen.Add(key) && key.Length >= 4)
                    {
                        vocabulary.Add(key);
                    }
                }
            }

            Vocabulary = [.. vocabulary];
            for (var v = 0; v < Vocabulary.Length; v++)
            {
                foreach (var g in Trigrams(Vocabulary[v]))
                {
                    if (!_trigrams.TryGetValue(g, out var list))
                    {
                        _trigrams[g] = list = [];
                    }

                    if (list.Count == 0 || list[^1] != v)
                    {
                        list.Add(v);
                    }
                }
            }
        }

        public string[] Vocabulary { get; }

        public string[] SimilarWords(string token, bool shortWordLookup)
        {
            var grams = Trigrams(token).Distinct().ToList();
            var counts = new Dictionary<int, int>();
            var touched = new List<int>();
            foreach (var g in grams)
            {
                if (_trigrams.TryGetValue(g, out var ids) && ids.Count <= CandidateIndex.MaxTrigramPostings)
                {
                    foreach (var id in ids)
                    {
                        if (!counts.TryAdd(id, 1))
                        {
                            counts[id]++;
                        }
                        else
                        {
                            touched.Add(id);
                        }
                    }
                }
            }

            var needed = shortWordLookup && grams.Count <= CandidateIndex.ShortWordTrigrams ? 1 : Math.Max(1, (int)Math.Ceiling(grams.Count * 0.35));
            var found = new List<(double Sim, int Order, string Word)>();
            for (var order = 0; order < touched.Count; order++)
            {
                var v = Vocabulary[touched[order]];
                if (counts[touched[order]] < needed || Math.Abs(v.Length - token.Length) > 3 || v == token)
                {
                    continue;
                }

                var sim = ((ICandidateScoring)NameScoringRules.Default).TokenSimilarity(new NameToken(token, TokenClass.Word), new NameToken(v, TokenClass.Word));
                if (sim > 0)
                {
                    found.Add((sim, order, v));
                }
            }

            return found.OrderByDescending(f => f.Sim).ThenBy(f => f.Order).Take(CandidateIndex.MaxFuzzyExpansions).Select(f => f.Word).ToArray();
        }

        private static IEnumerable<ulong> Trigrams(string token)
        {
            var padded = "^" + token + "$";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                yield return ((ulong)padded[i] << 32) | ((ulong)padded[i + 1] << 16) | padded[i + 2];
            }
        }
    }
}
