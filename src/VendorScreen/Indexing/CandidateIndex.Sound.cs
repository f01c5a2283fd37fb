using System.Runtime.InteropServices;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

// The look-up by sound: Latin words of Latin-script names that sound like the words of a name transliterated from another script.
internal sealed partial class CandidateIndex
{
    // The Latin words of Latin-script names with their sound codes, and the trie a look-up walks.
    private readonly SoundVocabulary _sound;

    // What the look-up by sound took for each group of runs met so far (bounded: it starts over when full).
    private SoundRunMemo _soundRuns = new();

    // Latin words that sound like a transliterated query's words (or runs of Han or Hangul syllables): "ao ba ma" finds "obama".
    // A run reads the retrieval buckets of its coarse keys (CrossScriptKey.RetrievalKeys): the words whose codes share a key
    // with it, listed once per shared key (twice where both of a word's keys are one bucket's), and keeps the 16 entries of
    // similarity MinSoundSimilarity or more that are most similar, in bucket order among equals. The trie walk finds the code
    // sequences of those buckets that reach that similarity, with their similarity, without visiting the others.
    // The words are written into the scratch memory's table, which the caller reads and clears. What each group of runs offers is
    // kept in the memo of the look-up by sound (SoundRunMemo), in the order it offers it, and a group met again offers it from
    // there in that order: the table is the same either way.
    // When the look-up is shared with a helper (SharedSoundRuns), the groups it has looked up are read from it, in the same order.
    private Dictionary<string, double> SoundAlikeVocabulary(NormalizedName query, Scratch scratch, SharedSoundRuns? shared = null)
    {
        var script = query.SourceScript;
        var found = scratch.SoundWords;
        found.Clear();
        var runs = shared?.Runs ?? scratch.SoundRuns;
        if (shared is null)
        {
            SoundRuns(query, runs);
        }
        else
        {
            SharedSoundRuns.CallerStarting?.Invoke(shared);
        }

        var own = scratch.SoundOffered;
        for (int g = 0, group = 0; g < runs.Count; group++)
        {
            var count = SoundGroupLength(runs, g);
            if (shared is null || !shared.TryTakeOrRead(group, out var offered))
            {
                offered = own;
                OfferedByGroup(script, runs, g, count, scratch, own);
            }

            foreach (var (word, weight) in offered!)
            {
                Offer(found, _sound.Words[word], weight);
            }

            own.Clear();
            g += count;
        }

        if (shared is null)
        {
            runs.Clear();
        }

        return found;
    }

    /// <summary>Looks up by sound the groups of runs of a query on a helper thread, from its last group back, while the
    /// screening's thread finds the query's candidates from its first: each takes the groups not yet taken, and the helper stops
    /// at the first the other thread took.</summary>
    /// <param name="shared">The look-up shared, of the query it was reset for. Once cleared (the screening's thread is done with
    /// the look-up before the helper starts), nothing is left to look up, and nothing is.</param>
    internal void LookUpSoundFromTheEnd(SharedSoundRuns shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (shared.Query is not { } query)
        {
            return;
        }

        Scratch? scratch = null;
        try
        {
            for (var group = Math.Min(shared.GroupCount, SharedSoundRuns.MaxGroups) - 1; group >= 0; group--)
            {
                if (!shared.TryTake(group))
                {
                    return;
                }

                scratch ??= Scratch.Rent(Names.Length, _vocabulary.Length);
                var (start, count) = shared.Group(group);
                OfferedByGroup(query.SourceScript, shared.Runs, start, count, scratch, shared.WordsToWrite(group));
                shared.Done(group);
            }
        }
        finally
        {
            if (scratch is not null)
            {
                Scratch.Return(scratch);
            }
        }
    }

    /// <summary>Gets whether the candidates of a query are also looked up by sound: a name transliterated from a script other
    /// than Latin, Arabic or Hebrew (in an abjad, without written vowels, common names sound like too many Latin names).</summary>
    /// <param name="query">The normalised query.</param>
    /// <returns>Whether <see cref="FindCandidates(NormalizedName, int)"/> looks it up by sound.</returns>
    internal static bool LooksUpBySound(NormalizedName query) =>
        query.IsTransliteration && query.SourceScript is not (NameScript.Latin or NameScript.Arabic or NameScript.Hebrew or NameScript.Other);

    // The number of runs of the group that starts at a run: it and the runs after it that each begin with the one before (the
    // longer runs from one syllable), looked up in one walk of the trie.
    internal static int SoundGroupLength(List<string> runs, int g)
    {
        var count = 1;
        while (g + count < runs.Count && count < SoundVocabulary.MaxPrefixRuns && runs[g + count].StartsWith(runs[g + count - 1], StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // Writes the words a group of runs offers, with their weights, in the order it offers them: from the memo when it holds the
    // group, else from one walk of the trie (each run keeps what its own walk would find), then kept in the memo.
    private void OfferedByGroup(NameScript script, List<string> runs, int g, int count, Scratch scratch, List<SoundWord> offered)
    {
        const int most = SoundVocabulary.MaxPrefixRuns;
        const int keysEach = CrossScriptKey.MaxQueryRetrievalKeys;
        Span<int> keyBuffer = stackalloc int[most * keysEach];
        Span<int> keyCounts = stackalloc int[most];
        Span<int> codeKeyCounts = stackalloc int[most];
        Span<ulong> keyMasks = stackalloc ulong[most];
        Span<int> ends = stackalloc int[most];
        for (var r = 0; r < count; r++)
        {
            ends[r] = runs[g + r].Length;
        }

        var longest = runs[g + count - 1];
        var packedEnds = SoundRunMemo.PackEnds(ends[..count]);
        var memo = Volatile.Read(ref _soundRuns);
        if (packedEnds is { } packed && memo.TryCopy(script, longest, packed, offered))
        {
            return;
        }

        for (var r = 0; r < count; r++)
        {
            // Chinese transcription writes a final l or r as the syllable "er": a liquid for retrieval.
            var keys = CrossScriptKey.WriteQueryRetrievalKeys(runs[g + r], script, keyBuffer.Slice(r * keysEach, keysEach), out var ofTheCodes);
            keyCounts[r] = keys.Length;
            codeKeyCounts[r] = ofTheCodes;
            keyMasks[r] = 0;
            foreach (var key in keys)
            {
                keyMasks[r] |= 1UL << key;
            }
        }

        // A run alone takes the walk of one run, which has less to track at every node.
        var ofRuns = scratch.SoundCandidates;
        var alone = scratch.SoundCandidatesAlone;
        var matches = scratch.SoundMatches;
        ofRuns.Clear();
        alone.Clear();
        if (count == 1)
        {
            _sound.Similar(runs[g], script, keyMasks[0], MinSoundSimilarity, alone);
        }
        else
        {
            _sound.SimilarToPrefixes(runs[g + count - 1], ends[..count], keyMasks[..count], script, MinSoundSimilarity, ofRuns);
        }

        offered.Clear();
        for (var r = 0; r < count; r++)
        {
            var keys = keyBuffer.Slice(r * keysEach, keyCounts[r]);
            matches.Clear();
            foreach (var (code, sim) in alone)
            {
                AddBucketEntries(code, sim, keys, codeKeyCounts[r], matches);
            }

            foreach (var (run, code, sim) in ofRuns)
            {
                if (run == r)
                {
                    AddBucketEntries(code, sim, keys, codeKeyCounts[r], matches);
                }
            }

            // Most similar first; among equals, in the order the buckets list them: by the bucket read, then by word.
            matches.Sort(static (x, y) => x.Sim != y.Sim ? y.Sim.CompareTo(x.Sim) : x.Bucket != y.Bucket ? x.Bucket.CompareTo(y.Bucket) : x.Word.CompareTo(y.Word));
            for (var m = 0; m < Math.Min(MaxSoundExpansions, matches.Count); m++)
            {
                var (sim, _, id) = matches[m];
                offered.Add(new SoundWord(id, sim * Rarity(_sound.Words[id]) * 0.8));
            }
        }

        if (packedEnds is { } toKeep)
        {
            memo.Add(script, longest, toKeep, CollectionsMarshal.AsSpan(offered));
        }

        ofRuns.Clear();
        alone.Clear();
        matches.Clear();
    }

    // Keeps a word with the higher of its weights.
    private static void Offer(Dictionary<string, double> found, string word, double weight)
    {
        if (!found.TryGetValue(word, out var prior) || prior < weight)
        {
            found[word] = weight;
        }
    }

    /// <summary>Gets how many groups of runs the memo of the look-up by sound holds (for tests and measurements).</summary>
    internal int SoundRunMemoCount => Volatile.Read(ref _soundRuns).Count;

    /// <summary>Gets how many words the memo of the look-up by sound holds over all its groups (for measurements).</summary>
    internal int SoundRunMemoWords => Volatile.Read(ref _soundRuns).Words;

    /// <summary>Forgets what the look-up by sound kept, so that the next look-ups work every run out again (for tests that
    /// compare the two).</summary>
    internal void ForgetSoundRuns() => Volatile.Read(ref _soundRuns).Clear();

    /// <summary>Gives the look-up by sound a memo of its own (for tests of a memo that fills).</summary>
    /// <param name="memo">The memo.</param>
    internal void UseSoundRunMemo(SoundRunMemo memo) => Volatile.Write(ref _soundRuns, memo);

    // Adds the entries of a code sequence's words in the buckets a run reads: each word once per bucket entry of the run's codes'
    // own keys (the first ofTheCodes), and once for the first of the other keys (CrossScriptKey.WriteQueryRetrievalKeys) that
    // finds it when none before did, so that those keys add words the codes' own keys miss without listing a word again.
    private void AddBucketEntries(int code, double sim, ReadOnlySpan<int> keys, int ofTheCodes, List<(double Sim, int Bucket, int Word)> matches)
    {
        var found = false;
        for (var b = 0; b < keys.Length; b++)
        {
            var entries = _sound.BucketEntries(code, keys[b]);
            if (b >= ofTheCodes)
            {
                entries = found ? 0 : Math.Min(entries, 1);
            }

            found |= entries > 0;
            foreach (var word in _sound.WordsOf(code))
            {
                for (var e = 0; e < entries; e++)
                {
                    matches.Add((sim, b, word));
                }
            }
        }
    }

    /// <summary>Gets the sound codes of each run a transliterated query is looked up by: each word alone, or for Han and Hangul each
    /// run of two to six syllables that continue one word, in the order the look-up reads them.</summary>
    /// <param name="query">The normalised, transliterated query.</param>
    /// <returns>The sound codes of the runs.</returns>
    internal static IReadOnlyList<string> SoundRuns(NormalizedName query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var runs = new List<string>();
        SoundRuns(query, runs);
        return runs;
    }

    // Adds the sound codes of each run to a list, as SoundRuns gives them; a run's letters are joined in a buffer on the stack.
    internal static void SoundRuns(NormalizedName query, List<string> runs)
    {
        var script = query.SourceScript;
        var tokens = query.Tokens;
        var syllabic = script is NameScript.Han or NameScript.Hangul;
        var maxRun = syllabic ? 6 : 1;
        var run = new CharBuffer(stackalloc char[64]);
        try
        {
            for (var j = 0; j < tokens.Count; j++)
            {
                run.Clear();
                for (var k = 1; k <= maxRun && j + k <= tokens.Count && tokens[j + k - 1].Class == TokenClass.Word && (k == 1 || query.ContinuesWord(j + k - 1)); k++)
                {
                    run.Append(tokens[j + k - 1].Text);
                    if (!syllabic || k >= 2)
                    {
                        runs.Add(CrossScriptKey.NativeOf(run.Span, script));
                    }
                }
            }
        }
        finally
        {
            run.Dispose();
        }
    }

    /// <summary>Gets the Latin words a query's look-up by sound takes, with their weights (for a query transliterated from
    /// another script).</summary>
    /// <param name="query">The normalised, transliterated query.</param>
    /// <returns>The words and weights.</returns>
    internal IReadOnlyList<(string Word, double Weight)> SoundAlikeWords(NormalizedName query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scratch = Scratch.Rent(Names.Length, _vocabulary.Length);
        try
        {
            (string Word, double Weight)[] words = [.. SoundAlikeVocabulary(query, scratch).Select(p => (p.Key, p.Value))];
            return words;
        }
        finally
        {
            scratch.SoundWords.Clear();
            Scratch.Return(scratch);
        }
    }

    /// <inheritdoc />
    public string? LatinCodes(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _sound.CodesOf(word);
    }

    /// <summary>Gets the Latin words and sound codes of the look-up by sound (for tests that compare it with a reference).</summary>
    internal SoundVocabulary SoundWords => _sound;
}
