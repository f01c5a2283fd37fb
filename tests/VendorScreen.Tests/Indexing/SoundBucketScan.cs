using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

/// <summary>The look-up by sound as it was done before the trie: a scan of every word of the buckets a run's keys name, comparing
/// each distinct code sequence once per run. The reference that <see cref="CandidateIndex.SoundAlikeWords"/> is tested against.</summary>
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
        _soundBuckets = SoundBuckets(index.SoundWords);
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
        foreach (var codesForScoring in CandidateIndex.SoundRuns(query))
        {
            var matches = new List<(string Word, double Sim)>();
            var comparisons = ++_run;

            // The run's codes' own keys list a word once per bucket entry; each further key (a Cyrillic x or v read as the h or w
            // transcriptions drop) lists a word no key before it listed, once.
            var keys = CrossScriptKey.WriteQueryRetrievalKeys(codesForScoring, script, new int[CrossScriptKey.MaxQueryRetrievalKeys], out var ofTheCodes).ToArray();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < keys.Length; k++)
            {
                var key = keys[k];
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
                        sim = CrossScriptSimilarity.CodeSimilarity(bucket[w].Codes, codesForScoring, script, CandidateIndex.MinSoundSimilarity);
                        _soundRun[id] = comparisons;
                        _soundSimilarity[id] = sim;
                    }

                    if (sim >= CandidateIndex.MinSoundSimilarity && (k < ofTheCodes ? listed.Add(bucket[w].Word) || true : listed.Add(bucket[w].Word)))
                    {
                        matches.Add((bucket[w].Word, sim));
                    }
                }
            }

            foreach (var (word, sim) in matches.OrderByDescending(m => m.Sim).Take(CandidateIndex.MaxSoundExpansions))
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
