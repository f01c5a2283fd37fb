using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

// The look-up by sound: Latin words of Latin-script names that sound like the words of a name transliterated from another script.
internal sealed partial class CandidateIndex
{
    // The Latin words of Latin-script names with their sound codes, and the trie a look-up walks.
    private readonly SoundVocabulary _sound;

    // Latin words that sound like a transliterated query's words (or runs of Han or Hangul syllables): "ao ba ma" finds "obama".
    // A run reads the retrieval buckets of its coarse keys (CrossScriptKey.RetrievalKeys): the words whose codes share a key
    // with it, listed once per shared key (twice where both of a word's keys are one bucket's), and keeps the 16 entries of
    // similarity MinSoundSimilarity or more that are most similar, in bucket order among equals. The trie walk finds the code
    // sequences of those buckets that reach that similarity, with their similarity, without visiting the others.
    private IEnumerable<(string Word, double Weight)> SoundAlikeVocabulary(NormalizedName query, Scratch scratch)
    {
        var script = query.SourceScript;
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        var candidates = scratch.SoundCandidates;
        var matches = scratch.SoundMatches;
        foreach (var codesForScoring in SoundRuns(query))
        {
            // Chinese transcription writes a final l or r as the syllable "er": a liquid for retrieval.
            var keys = CrossScriptKey.RetrievalKeys(codesForScoring.Replace('R', 'r'), skipFirst: true);
            var keyMask = 0UL;
            foreach (var key in keys)
            {
                keyMask |= 1UL << key;
            }

            candidates.Clear();
            matches.Clear();
            _sound.Similar(codesForScoring, script, keyMask, MinSoundSimilarity, candidates);
            foreach (var (code, sim) in candidates)
            {
                for (var b = 0; b < keys.Count; b++)
                {
                    var entries = _sound.BucketEntries(code, keys[b]);
                    foreach (var word in _sound.WordsOf(code))
                    {
                        for (var e = 0; e < entries; e++)
                        {
                            matches.Add((sim, b, word));
                        }
                    }
                }
            }

            // Most similar first; among equals, in the order the buckets list them: by the bucket read, then by word.
            matches.Sort(static (x, y) => x.Sim != y.Sim ? y.Sim.CompareTo(x.Sim) : x.Bucket != y.Bucket ? x.Bucket.CompareTo(y.Bucket) : x.Word.CompareTo(y.Word));
            for (var m = 0; m < Math.Min(MaxSoundExpansions, matches.Count); m++)
            {
                var (sim, _, id) = matches[m];
                var word = _sound.Words[id];
                var weight = sim * Rarity(word) * 0.8;
                if (!found.TryGetValue(word, out var prior) || prior < weight)
                {
                    found[word] = weight;
                }
            }
        }

        candidates.Clear();
        matches.Clear();
        return found.Select(p => (p.Key, p.Value));
    }

    // The sound codes of each run a transliterated query is looked up by: each word alone, or for Han and Hangul each run of two
    // to six syllables that continue one word, in the order the look-up reads them.
    private static IEnumerable<string> SoundRuns(NormalizedName query)
    {
        var script = query.SourceScript;
        var tokens = query.Tokens;
        var syllabic = script is NameScript.Han or NameScript.Hangul;
        var maxRun = syllabic ? 6 : 1;
        for (var j = 0; j < tokens.Count; j++)
        {
            var run = string.Empty;
            for (var k = 1; k <= maxRun && j + k <= tokens.Count && tokens[j + k - 1].Class == TokenClass.Word && (k == 1 || query.ContinuesWord(j + k - 1)); k++)
            {
                run += tokens[j + k - 1].Text;
                if (!syllabic || k >= 2)
                {
                    yield return CrossScriptKey.Native(run, script);
                }
            }
        }
    }

    /// <summary>Gets the Latin words a query's look-up by sound takes, with their weights (for a query transliterated from
    /// another script).</summary>
    /// <param name="query">The normalised, transliterated query.</param>
    /// <returns>The words and weights.</returns>
    internal IReadOnlyList<(string Word, double Weight)> SoundAlikeWords(NormalizedName query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. SoundAlikeVocabulary(query, Scratch.For(Names.Count, _vocabulary.Length))];
    }

    /// <summary>Gets the look-up by sound as it was done before the trie: a scan of every word of the buckets a run's keys name,
    /// comparing each distinct code sequence once per run. It is kept as the reference that <see cref="SoundAlikeWords"/> is
    /// tested against, and is not used to screen.</summary>
    /// <returns>The reference look-up over this index's words.</returns>
    internal SoundBucketScan CreateSoundBucketScan() => new(this);

    /// <summary>The look-up by sound by a scan of the retrieval buckets (the reference for the tests).</summary>
    internal sealed class SoundBucketScan
    {
        private readonly CandidateIndex _index;
        private readonly Dictionary<int, (string Word, string Codes)[]> _soundBuckets;

        // For each sound bucket, the number of each word's codes among the distinct codes of all buckets (words that sound alike
        // share a number), so that a look-up compares each distinct code sequence once.
        private readonly Dictionary<int, int[]> _soundCodeIds;
        private readonly int[] _soundRun;
        private readonly double[] _soundSimilarity;
        private int _run;

        public SoundBucketScan(CandidateIndex index)
        {
            _index = index;
            _soundBuckets = SoundBuckets(index._sound);
            (_soundCodeIds, var count) = SoundCodeIds(_soundBuckets);
            _soundRun = new int[count];
            _soundSimilarity = new double[count];
        }

        /// <summary>Gets the Latin words the bucket scan takes for a query, with their weights, in the order the look-up adds
        /// them to the candidates.</summary>
        /// <param name="query">The normalised, transliterated query.</param>
        /// <returns>The words and weights.</returns>
        public IReadOnlyList<(string Word, double Weight)> SoundAlikeWords(NormalizedName query)
        {
            ArgumentNullException.ThrowIfNull(query);
            var script = query.SourceScript;
            var found = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var codesForScoring in SoundRuns(query))
            {
                var codes = codesForScoring.Replace('R', 'r');
                var matches = new List<(string Word, double Sim)>();
                var comparisons = ++_run;
                foreach (var key in CrossScriptKey.RetrievalKeys(codes, skipFirst: true))
                {
                    if (!_soundBuckets.TryGetValue(key, out var bucket))
                    {
                        continue;
                    }

                    var codeIds = _soundCodeIds[key];
                    for (var w = 0; w < bucket.Length; w++)
                    {
                        var id = codeIds[w];
                        double sim;
                        if (_soundRun[id] == comparisons)
                        {
                            sim = _soundSimilarity[id];
                        }
                        else
                        {
                            sim = CrossScriptSimilarity.CodeSimilarity(bucket[w].Codes, codesForScoring, script, MinSoundSimilarity);
                            _soundRun[id] = comparisons;
                            _soundSimilarity[id] = sim;
                        }

                        if (sim >= MinSoundSimilarity)
                        {
                            matches.Add((bucket[w].Word, sim));
                        }
                    }
                }

                foreach (var (word, sim) in matches.OrderByDescending(m => m.Sim).Take(MaxSoundExpansions))
                {
                    var weight = sim * _index.Rarity(word) * 0.8;
                    if (!found.TryGetValue(word, out var prior) || prior < weight)
                    {
                        found[word] = weight;
                    }
                }
            }

            return [.. found.Select(p => (p.Key, p.Value))];
        }

        // Latin words of Latin-script names, grouped by the coarse consonant keys of their sound codes, for cross-script lookups.
        private static Dictionary<int, (string Word, string Codes)[]> SoundBuckets(SoundVocabulary vocabulary)
        {
            var buckets = new Dictionary<int, List<(string, string)>>();
            for (var w = 0; w < vocabulary.Words.Length; w++)
            {
                var word = vocabulary.Words[w];
                var codes = vocabulary.Codes[vocabulary.WordCodes[w]];
                foreach (var key in CrossScriptKey.RetrievalKeys(codes, skipFirst: false))
                {
                    if (!buckets.TryGetValue(key, out var list))
                    {
                        buckets[key] = list = [];
                    }

                    list.Add((word, codes));
                }
            }

            return buckets.ToDictionary(p => p.Key, p => p.Value.ToArray());
        }

        // The numbers of the sound buckets' code sequences, equal sequences numbered alike; the count of distinct sequences.
        private static (Dictionary<int, int[]> Ids, int Count) SoundCodeIds(Dictionary<int, (string Word, string Codes)[]> buckets)
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var ids = new Dictionary<int, int[]>(buckets.Count);
            foreach (var (key, words) in buckets)
            {
                var bucketIds = new int[words.Length];
                for (var w = 0; w < words.Length; w++)
                {
                    if (!numbers.TryGetValue(words[w].Codes, out var id))
                    {
                        numbers[words[w].Codes] = id = numbers.Count;
                    }

                    bucketIds[w] = id;
                }

                ids[key] = bucketIds;
            }

            return (ids, numbers.Count);
        }
    }
}
