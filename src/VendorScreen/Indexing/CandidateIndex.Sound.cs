using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

// The look-up by sound: Latin words of Latin-script names that sound like the words of a name transliterated from another script.
internal sealed partial class CandidateIndex
{
    private readonly Dictionary<int, (string Word, string Codes)[]> _soundBuckets;

    // For each sound bucket, the number of each word's codes among the distinct codes of all buckets (words that sound alike
    // share a number), so that a look-up compares each distinct code sequence once.
    private readonly Dictionary<int, int[]> _soundCodeIds;
    private readonly int _soundCodeCount;

    // Latin words of Latin-script names, grouped by the coarse consonant keys of their sound codes, for cross-script lookups.
    private static Dictionary<int, (string Word, string Codes)[]> SoundBuckets(List<IndexedName> names)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Normalized.IsTransliteration)
            {
                continue;
            }

            foreach (var t in name.Normalized.Tokens)
            {
                if (t.Class == TokenClass.Word && t.Text.Length >= MinSoundWordLength && t.Text.All(char.IsAsciiLetter))
                {
                    words.Add(t.Text);
                }
            }
        }

        var buckets = new Dictionary<int, List<(string, string)>>();
        foreach (var word in words.Order(StringComparer.Ordinal))
        {
            var codes = CrossScriptKey.Latin(word);
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

    // Latin words that sound like a transliterated query's words (or runs of Han or Hangul syllables): "ao ba ma" finds "obama".
    private IEnumerable<(string Word, double Weight)> SoundAlikeVocabulary(NormalizedName query, Scratch scratch)
    {
        var script = query.SourceScript;
        var tokens = query.Tokens;
        var syllabic = script is NameScript.Han or NameScript.Hangul;
        var maxRun = syllabic ? 6 : 1;
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < tokens.Count; j++)
        {
            var run = string.Empty;
            for (var k = 1; k <= maxRun && j + k <= tokens.Count && tokens[j + k - 1].Class == TokenClass.Word && (k == 1 || query.ContinuesWord(j + k - 1)); k++)
            {
                run += tokens[j + k - 1].Text;
                if (syllabic && k < 2)
                {
                    continue;
                }

                // Chinese transcription writes a final l or r as the syllable "er": a liquid for retrieval.
                var codesForScoring = CrossScriptKey.Native(run, script);
                var codes = codesForScoring.Replace('R', 'r');
                var matches = new List<(string Word, double Sim)>();
                var comparisons = scratch.NextSoundRun();
                foreach (var key in CrossScriptKey.RetrievalKeys(codes, skipFirst: true))
                {
                    if (!_soundBuckets.TryGetValue(key, out var bucket))
                    {
                        continue;
                    }

                    var codeIds = _soundCodeIds[key];
                    for (var w = 0; w < bucket.Length; w++)
                    {
                        // Each distinct code sequence is compared once per run: a word in two of the buckets read, and words that
                        // sound alike, reuse the first comparison.
                        var id = codeIds[w];
                        double sim;
                        if (scratch.SoundRun[id] == comparisons)
                        {
                            sim = scratch.SoundSimilarity[id];
                        }
                        else
                        {
                            sim = CrossScriptSimilarity.CodeSimilarity(bucket[w].Codes, codesForScoring, script, MinSoundSimilarity);
                            scratch.SoundRun[id] = comparisons;
                            scratch.SoundSimilarity[id] = sim;
                        }

                        if (sim >= MinSoundSimilarity)
                        {
                            matches.Add((bucket[w].Word, sim));
                        }
                    }
                }

                foreach (var (word, sim) in matches.OrderByDescending(m => m.Sim).Take(MaxSoundExpansions))
                {
                    var weight = sim * Rarity(word) * 0.8;
                    if (!found.TryGetValue(word, out var prior) || prior < weight)
                    {
                        found[word] = weight;
                    }
                }
            }
        }

        return found.Select(p => (p.Key, p.Value));
    }

    /// <summary>Gets the Latin words a query's look-up by sound takes, with their weights (for a query transliterated from
    /// another script).</summary>
    /// <param name="query">The normalised, transliterated query.</param>
    /// <returns>The words and weights.</returns>
    internal IReadOnlyList<(string Word, double Weight)> SoundAlikeWords(NormalizedName query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. SoundAlikeVocabulary(query, Scratch.For(Names.Count, _vocabulary.Length, _soundCodeCount))];
    }
}
