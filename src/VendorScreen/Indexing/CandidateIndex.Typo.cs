using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The misspelling look-up's sketches of the typo vocabulary, and its memo for the query tokens that are indexed words.</summary>
internal sealed partial class CandidateIndex
{
    // The typo-vocabulary id of each word.
    private readonly WordIdTable _vocabularyIds;

    // What the misspelling look-up returns for each typo-vocabulary word (by id) taken as a query token, kept from its first
    // look-up: as a Latin-script query's token, and as a transliterated query's.
    private readonly MisspellingMemo _misspellings;

    // The symbols of trigrams read through the direct table: the padding marks, digits and lower-case letters.
    private const string TrigramSymbols = "^$0123456789abcdefghijklmnopqrstuvwxyz";

    // The place of each character below 128 among TrigramSymbols; 255 for the others.
    private static readonly byte[] TrigramSymbolOf = TrigramSymbolTable();

    // The trigram table's list number plus 1 of each trigram of three TrigramSymbols (by TrigramSlot), 0 for one without a list:
    // a trigram of the misspelling look-up is read here in one step, where the table's dictionary takes several reads that each
    // wait on the one before. Trigrams of other characters are looked up in the dictionary.
    private readonly int[] _trigramSlots;

    private static byte[] TrigramSymbolTable()
    {
        var table = new byte[128];
        Array.Fill(table, byte.MaxValue);
        for (var i = 0; i < TrigramSymbols.Length; i++)
        {
            table[TrigramSymbols[i]] = (byte)i;
        }

        return table;
    }

    // The slot of a trigram (three UTF-16 code units packed as Trigrams packs them) in the direct table; -1 when one of its
    // characters is not a symbol of the table.
    private static int TrigramSlot(ulong gram)
    {
        var a = (uint)(gram >> 32) & 0xFFFF;
        var b = (uint)(gram >> 16) & 0xFFFF;
        var c = (uint)gram & 0xFFFF;
        if ((a | b | c) >= 128)
        {
            return -1;
        }

        var (x, y, z) = (TrigramSymbolOf[a], TrigramSymbolOf[b], TrigramSymbolOf[c]);
        return (x | y | z) == byte.MaxValue ? -1 : (((x * TrigramSymbols.Length) + y) * TrigramSymbols.Length) + z;
    }

    // The direct table of a trigram table's lists (_trigramSlots).
    private static int[] TrigramSlots(PooledLists<ulong> trigrams)
    {
        var slots = new int[TrigramSymbols.Length * TrigramSymbols.Length * TrigramSymbols.Length];
        foreach (var (gram, number) in trigrams.Numbers)
        {
            if (TrigramSlot(gram) is var slot and >= 0)
            {
                slots[slot] = number + 1;
            }
        }

        return slots;
    }

    /// <summary>Gets the trigram table of the typo vocabulary: for each trigram (three UTF-16 code units packed into one number, the
    /// first in bits 32 to 47), the ids of the words that hold it.</summary>
    internal PooledLists<ulong> TrigramLists => _trigramToVocabulary;

    /// <summary>Gets the list of a trigram in the trigram table, as <see cref="PooledLists{TKey}.TryGetRange"/> of
    /// <see cref="TrigramLists"/> gives it, through the direct table when its three characters are padding marks, digits or
    /// lower-case letters.</summary>
    /// <param name="gram">The trigram, packed.</param>
    /// <param name="ids">The array of every list's ids.</param>
    /// <param name="start">The position of the list's first id.</param>
    /// <param name="end">The position past its last id.</param>
    /// <returns>Whether the trigram has a list.</returns>
    internal bool TryGetTrigramRange(ulong gram, out int[] ids, out int start, out int end)
    {
        var slot = TrigramSlot(gram);
        if (slot < 0)
        {
            return _trigramToVocabulary.TryGetRange(gram, out ids, out start, out end);
        }

        var number = _trigramSlots[slot] - 1;
        if (number < 0)
        {
            (ids, start, end) = (_trigramToVocabulary.Ids, 0, 0);
            return false;
        }

        _trigramToVocabulary.RangeOf(number, out ids, out start, out end);
        return true;
    }

    // Whether a posting key is a word of the typo vocabulary: four characters or more.
    private static bool IsTypoWord(string key) => key.Length >= 4;

    // The ids of the typo vocabulary's words and the empty memo of their look-ups.
    private static (WordIdTable Ids, MisspellingMemo Memo) SimilarMemo(string[] vocabulary) =>
        (new WordIdTable(vocabulary), new MisspellingMemo(vocabulary.Length, MaxFuzzyExpansions));

    // The misspelling look-up of a token (SimilarVocabulary), as the typo-vocabulary ids of the words found. A query token that
    // is itself a word of the typo vocabulary (most words of a listed name, and common words of other names) is looked up once
    // per index and kept: the look-up depends only on the token, the kind of look-up and the index, so a kept result is the one
    // a new look-up would return. The memo holds at most two results per vocabulary word. The ids returned must not be changed.
    private ArraySegment<int> SimilarVocabularyOf(string token, bool shortWordLookup, Scratch scratch)
    {
        if (!_vocabularyIds.TryGetId(token, out var id))
        {
            return SimilarVocabulary(token, -1, shortWordLookup, scratch);
        }

        return _misspellings.TryGet(id, shortWordLookup, out var known)
            ? known
            : _misspellings.Add(id, shortWordLookup, SimilarVocabulary(token, id, shortWordLookup, scratch));
    }

    // The typo-vocabulary ids, in increasing order, of the words whose look-up as a Latin-script query's token was worked out
    // when the index was made (PrecomputeMisspellings), and which an index snapshot stores with their results.
    private readonly int[] _precomputedMisspellings;

    /// <summary>Gets or sets whether an index built from now on works out the look-ups of its names' words as it is made (the
    /// default); for measurements that compare an index with them and one without, never changed by the library.</summary>
    internal static bool PrecomputeMisspellingsWhenBuilt { get; set; } = true;

    // Works out the misspelling look-up, as a Latin-script query's token, of every word of four letters or more of the indexed
    // names (about a fifth of the typo vocabulary: the rest are joined runs of words, which a query rarely holds as one token),
    // on every core, and keeps the results in the memo in id order. A query's correctly spelt words are mostly such words: their
    // look-up is then read, not worked out, from the first query on. The results are those a query's look-up would keep.
    private int[] PrecomputeMisspellings(IReadOnlyList<IndexedName> names)
    {
        if (!PrecomputeMisspellingsWhenBuilt)
        {
            return [];
        }

        var wanted = new bool[_vocabulary.Length];
        void Want(List<NameToken> tokens)
        {
            foreach (var token in tokens)
            {
                if (IsTypoWord(token.Text) && _vocabularyIds.TryGetId(token.Text, out var id))
                {
                    wanted[id] = true;
                }
            }
        }

        foreach (var name in names)
        {
            Want(name.Normalized.Tokens);
            if (name.Normalized.PrimarySpelling is { } primary)
            {
                Want(primary.Tokens);
            }
        }

        var ids = new List<int>();
        for (var id = 0; id < wanted.Length; id++)
        {
            if (wanted[id])
            {
                ids.Add(id);
            }
        }

        // One worker per processor, each with one look-up's working space (kept afterwards for the screenings' look-ups).
        var results = new int[ids.Count][];
        Parallel.For(
            0,
            ids.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => Scratch.Rent(Names.Length, _vocabulary.Length),
            (k, _, scratch) =>
            {
                results[k] = SimilarVocabulary(_vocabulary[ids[k]], ids[k], shortWordLookup: true, scratch);
                return scratch;
            },
            Scratch.Return);
        for (var k = 0; k < results.Length; k++)
        {
            _misspellings.Add(ids[k], asLatin: true, results[k]);
        }

        return [.. ids];
    }

    // Writes the precomputed look-ups: the ids of their words, then each result's length and ids.
    private void WriteMisspellings(SnapshotBinaryWriter writer)
    {
        writer.WriteIncreasing(_precomputedMisspellings);
        foreach (var id in _precomputedMisspellings)
        {
            if (!_misspellings.TryGet(id, asLatin: true, out var result))
            {
                throw new InvalidOperationException($"The look-up of the word \"{_vocabulary[id]}\" was worked out when the index was made but is not kept.");
            }

            writer.WriteCount(result.Count);
            foreach (var word in result)
            {
                writer.WriteCount(word);
            }
        }
    }

    // Reads what WriteMisspellings wrote into a new memo of a vocabulary of a number of words: the memo, and the ids of the words.
    private static int[] ReadMisspellings(SnapshotBinaryReader reader, int vocabularyCount, MisspellingMemo memo)
    {
        reader.Section = "candidate index, misspellings";
        var ids = reader.ReadIncreasing(vocabularyCount);
        Span<int> result = stackalloc int[MaxFuzzyExpansions];
        foreach (var id in ids)
        {
            var length = reader.ReadCount(MaxFuzzyExpansions, "the length of a stored look-up");
            for (var k = 0; k < length; k++)
            {
                result[k] = reader.ReadCount(vocabularyCount - 1, "a word of a stored look-up");
            }

            memo.Add(id, asLatin: true, result[..length]);
        }

        if (!reader.AtEnd)
        {
            throw reader.Bad("unexpected bytes after the stored look-ups");
        }

        return ids;
    }

    /// <inheritdoc />
    public bool TryGetSketch(string word, out SpellingSketch sketch)
    {
        if (_vocabularyIds.TryGetId(word, out var id))
        {
            sketch = _vocabularySketches[id];
            return true;
        }

        sketch = default;
        return false;
    }

    /// <summary>Gets how many results the memo of the misspelling look-up holds (for tests and measurements).</summary>
    internal int SimilarMemoCount => _misspellings.Count;

    /// <summary>Gets the words of the typo vocabulary, by id (for measurements of the memo).</summary>
    internal IReadOnlyList<string> TypoVocabularyWords => _vocabulary;

    /// <summary>Gets the memory the memo of the misspelling look-up takes: its tables of entries and arrays of ids, and the table
    /// of word ids.</summary>
    /// <returns>The size in bytes.</returns>
    internal long SimilarMemoBytes() => _misspellings.Bytes + _vocabularyIds.Bytes;

    // The spelling sketches of the typo vocabulary, by id, as the index is built.
    private static SpellingSketch[] Sketches(string[] vocabulary, ICandidateScoring scoring)
    {
        var sketches = new SpellingSketch[vocabulary.Length];
        for (var v = 0; v < vocabulary.Length; v++)
        {
            sketches[v] = scoring.Sketch(vocabulary[v]);
        }

        return sketches;
    }

    // The spelling sketches of the typo vocabulary as an index snapshot stores them: the sound-alike part of each (the dear part,
    // a phonetic key per word) is stored, the rest is read from the word.
    private static SpellingSketch[] StoredSketches(string[] vocabulary, (ulong Letters, int Length)[] sounds)
    {
        if (sounds.Length != vocabulary.Length)
        {
            throw new InvalidDataException($"candidate index, spelling sketches: {sounds.Length} sketches for a typo vocabulary of {vocabulary.Length} words");
        }

        var sketches = new SpellingSketch[vocabulary.Length];
        for (var v = 0; v < vocabulary.Length; v++)
        {
            sketches[v] = SpellingSketch.Of(vocabulary[v], sounds[v].Letters, sounds[v].Length);
        }

        return sketches;
    }

    // Writes the sound-alike part of each vocabulary word's sketch, by id.
    private void WriteSketches(SnapshotBinaryWriter writer)
    {
        writer.WriteCount(_vocabularySketches.Length);
        foreach (var sketch in _vocabularySketches)
        {
            writer.WriteUInt64(sketch.SoundLetters);
            writer.WriteCount(sketch.SoundLength);
        }
    }

    // Reads what WriteSketches wrote for a vocabulary of a number of words.
    private static (ulong Letters, int Length)[] ReadSketches(SnapshotBinaryReader reader, int vocabularyCount)
    {
        reader.Section = "candidate index, spelling sketches";
        var sounds = new (ulong Letters, int Length)[reader.ReadCount(vocabularyCount, "the number of spelling sketches")];
        if (sounds.Length != vocabularyCount)
        {
            throw reader.Bad($"{sounds.Length} spelling sketches for a typo vocabulary of {vocabularyCount} words");
        }

        for (var v = 0; v < sounds.Length; v++)
        {
            sounds[v] = (reader.ReadUInt64(), reader.ReadCount(NameNormalizer.MaxNameLength, "the length of a sound-alike spelling"));
        }

        return sounds;
    }
}
