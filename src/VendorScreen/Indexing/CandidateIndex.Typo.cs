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
