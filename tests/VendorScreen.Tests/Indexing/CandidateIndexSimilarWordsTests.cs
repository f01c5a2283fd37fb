using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The misspelling look-up reads only the part of each trigram's word list whose lengths it can accept, and compares in full only
/// the words that a cheap test of their spelling sketches (and then of the words) lets through, yet returns exactly what a
/// look-up over the whole lists that compares every word returns: the same words, in the same order. The reference below reads
/// every list in posting order, counts shared trigrams, keeps the words within three letters of the token's length that share
/// enough of them and are similar spellings (<see cref="ICandidateScoring.TokenSimilarity"/> above 0), and takes the 24 most
/// similar, the word met first among equals.
/// </summary>
public sealed class CandidateIndexSimilarWordsTests
{
    [Fact]
    public async Task SimilarWords_EmbeddedData_EqualsAFullScanForEveryWordAndItsOneAndTwoEditTypos()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();

        var compared = AssertSameAsFullScan(snapshot.Entities, NameScoringRules.Default, sample: int.MaxValue, seed: 1);

        compared.Should().BeGreaterThan(1_000);
    }

    [Fact]
    public async Task Build_EveryWordOfTheNames_HasItsLatinLookUpKeptEqualToAFullScan()
    {
        // The index works out the look-up of each word of four letters or more of its names as it is made: the memo holds one
        // result per such word, before any query, and each is what a full scan finds.
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        var reference = new FullScan(index, NameScoringRules.Default);
        var words = index.Names
            .SelectMany(n => n.Normalized.Tokens.Concat(n.Normalized.PrimarySpelling?.Tokens ?? []))
            .Select(t => t.Text).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).ToArray();

        index.SimilarMemoCount.Should().Be(words.Length, "one Latin look-up is kept for each word of the names, and nothing else");
        var differences = words
            .Where(w => !index.SimilarWords(w, shortWordLookup: true).SequenceEqual(reference.SimilarWords(w, shortWordLookup: true), StringComparer.Ordinal))
            .ToList();
        index.SimilarMemoCount.Should().Be(words.Length, "the look-ups of the names' words are read, not worked out again");

        words.Length.Should().BeGreaterThan(200);
        words.Length.Should().BeLessThan(index.TypoVocabularyWords.Count, "joined runs of words are not worked out ahead");
        differences.Should().BeEmpty();
    }

    [Fact]
    public async Task TryGetSketch_EveryVocabularyWord_IsTheSketchTheScorerMakes()
    {
        // The candidate bound reads a candidate word's sketch from the index instead of making it.
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);

        index.TypoVocabularyWords.Should().HaveCountGreaterThan(1_000);
        foreach (var word in index.TypoVocabularyWords)
        {
            index.TryGetSketch(word, out var sketch).Should().BeTrue(word);
            sketch.Should().Be(NameScorer.Sketch(word), word);
        }

        index.TryGetSketch("qqqqzzzz", out var none).Should().BeFalse("the word is not in any screened name");
        none.Should().Be(default(SpellingSketch));
    }

    [Fact]
    public async Task TypoVocabularyWords_EmbeddedData_AreThePostingKeysOfFourLettersOrMoreByLengthThenOrdinally()
    {
        // The misspelling look-up reads the words near one another in this order; its results do not depend on it (the tests
        // above compare them with a scan in posting order).
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        var keys = index.Names.SelectMany(n => CandidateIndex.PostingKeys(n.Normalized.Tokens)).Where(k => k.Length >= 4)
            .Distinct(StringComparer.Ordinal).ToArray();

        var words = index.TypoVocabularyWords;

        words.Should().BeEquivalentTo(keys);
        for (var i = 1; i < words.Count; i++)
        {
            var (before, word) = (words[i - 1], words[i]);
            (before.Length < word.Length || (before.Length == word.Length && string.CompareOrdinal(before, word) < 0))
                .Should().BeTrue($"\"{before}\" comes before \"{word}\"");
        }
    }

    [Theory]
    [InlineData("token-align-v3")]
    [InlineData("token-align-v4")]
    public async Task SimilarWords_EmbeddedDataUnderAnOlderRuleSet_EqualsAFullScanUnderThatRuleSet(string algorithm)
    {
        // The cheap tests hold for every rule set: an index built with the rules of an older algorithm finds what its own
        // comparison accepts (V3 has no first-letter edits and no short-word slips).
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var rules = NameScoringRules.All.Single(r => r.Name == algorithm);

        var compared = AssertSameAsFullScan(snapshot.Entities, rules, sample: 600, seed: 3);

        compared.Should().BeGreaterThan(1_000);
    }

    [SharedDataFact]
    public async Task SimilarWords_OfacSdn_EqualsAFullScanForSampledWordsAndTheirOneAndTwoEditTypos()
    {
        var snapshot = await SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")).LoadAsync();

        var compared = AssertSameAsFullScan(snapshot.Entities, NameScoringRules.Default, sample: 1_500, seed: 20210701);

        compared.Should().BeGreaterThan(5_000);
    }

    [SharedDataFact]
    public async Task SimilarWords_RealLists_EqualsAFullScanForShortAndLongWordsTheirTyposAndSoundAlikeSpellings()
    {
        // OFAC and the UN list together: short words (four and five letters, looked up by any one shared trigram in a Latin
        // query), long words and joined words (twelve letters or more, edit budget 3), each as it is, with one and two edits, and
        // spelled another way that sounds alike ("ks" / "x", "ph" / "f", "w" / "v", a leading "o" / "u"), which only the
        // phonetic comparison accepts.
        var ofac = await SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")).LoadAsync();
        var un = await SourceFormats.Get("un-xml").Open(SharedData.DataPath("un/2026-02-27_UN_consolidated.xml")).LoadAsync();
        var index = new CandidateIndex([.. ofac.Entities, .. un.Entities], NameScoringRules.Default);
        var reference = new FullScan(index, NameScoringRules.Default);
        var random = new Random(20260227);
        var shortWords = reference.Vocabulary.Where(w => w.Length is 4 or 5).ToArray();
        var longWords = reference.Vocabulary.Where(w => w.Length >= 12).ToArray();
        var tokens = new List<string>();
        foreach (var pool in new[] { shortWords, longWords })
        {
            for (var i = 0; i < 700; i++)
            {
                var word = pool[random.Next(pool.Length)];
                var oneEdit = Misspellings.Edit(word, random, minLength: 1);
                tokens.AddRange([word, oneEdit, Misspellings.Edit(oneEdit, random, minLength: 1), Misspellings.SoundAlike(word, random), Misspellings.SoundAlike(oneEdit, random)]);
            }
        }

        var compared = AssertSameAsFullScan(index, reference, tokens);

        compared.Should().BeGreaterThan(10_000);
        shortWords.Length.Should().BeGreaterThan(1_000);
        longWords.Length.Should().BeGreaterThan(1_000);
    }

    // Compares the look-up with the reference for vocabulary words (a sample of them) as they are, with one edit and with two
    // edits, each as a Latin-script and as a transliterated query; the number of look-ups compared.
    private static int AssertSameAsFullScan(IReadOnlyList<Entity> entities, NameScoringRules rules, int sample, int seed)
    {
        var index = new CandidateIndex(entities, rules);
        var reference = new FullScan(index, rules);
        var random = new Random(seed);
        var words = reference.Vocabulary.Length <= sample
            ? reference.Vocabulary
            : Enumerable.Range(0, sample).Select(_ => reference.Vocabulary[random.Next(reference.Vocabulary.Length)]).ToArray();
        var tokens = new List<string>();
        foreach (var word in words)
        {
            var oneEdit = Misspellings.Edit(word, random, minLength: 1);
            tokens.AddRange([word, oneEdit, Misspellings.Edit(oneEdit, random, minLength: 1)]);
        }

        return AssertSameAsFullScan(index, reference, tokens);
    }

    // Compares the look-up with the reference for each token of four letters or more, as a Latin-script and as a transliterated
    // query; the number of look-ups compared.
    private static int AssertSameAsFullScan(CandidateIndex index, FullScan reference, IEnumerable<string> tokens)
    {
        var compared = 0;
        var differences = new List<string>();
        foreach (var token in tokens)
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

        differences.Should().BeEmpty("the look-up must return what a full scan returns");
        return compared;
    }

    // The look-up over whole trigram lists of the vocabulary in posting order, built from the index's names alone, comparing every
    // word that shares enough trigrams.
    internal sealed class FullScan
    {
        private readonly Dictionary<ulong, List<int>> _trigrams = [];
        private readonly ICandidateScoring _scoring;

        public FullScan(CandidateIndex index, ICandidateScoring scoring)
        {
            _scoring = scoring;
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

                var sim = _scoring.TokenSimilarity(new NameToken(token, TokenClass.Word), new NameToken(v, TokenClass.Word));
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
