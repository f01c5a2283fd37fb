using System.Collections.Concurrent;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The misspelling look-up's sketches of the typo vocabulary, and its memo for the query tokens that are indexed words.</summary>
internal sealed partial class CandidateIndex
{
    // What the misspelling look-up returns for each typo-vocabulary word taken as a query token, kept from its first look-up: as
    // a Latin-script query's token, and as a transliterated query's. Filled as words are looked up, so that an index is made
    // without a table of every word.
    // (The default comparer of strings is ordinal, and lets the dictionary hash without randomising.)
    private readonly ConcurrentDictionary<string, string[]> _similarAsLatin = new();
    private readonly ConcurrentDictionary<string, string[]> _similarAsTransliterated = new();

    // Whether a posting key is a word of the typo vocabulary: four characters or more.
    private static bool IsTypoWord(string key) => key.Length >= 4;

    // The misspelling look-up of a token (SimilarVocabulary). A query token that is itself a word of the typo vocabulary (most
    // words of a listed name, and common words of other names) is looked up once per index and kept: the look-up depends only on
    // the token, the kind of look-up and the index, so a kept result is the one a new look-up would return. The memo holds at
    // most two results per vocabulary word. The arrays returned are shared and must not be changed.
    private string[] SimilarVocabularyOf(string token, bool shortWordLookup, Scratch scratch)
    {
        var memo = shortWordLookup ? _similarAsLatin : _similarAsTransliterated;
        if (memo.TryGetValue(token, out var known))
        {
            return known;
        }

        known = SimilarVocabulary(token, shortWordLookup, scratch);
        if (IsTypoWord(token) && _postings.ContainsKey(token))
        {
            // Two threads looking the same word up at once compute the same result: either may be kept.
            known = memo.GetOrAdd(token, known);
        }

        return known;
    }

    /// <summary>Gets how many results the memo of the misspelling look-up holds (for tests and measurements).</summary>
    internal int SimilarMemoCount => _similarAsLatin.Count + _similarAsTransliterated.Count;

    /// <summary>Gets the words of the typo vocabulary, by id (for measurements of the memo).</summary>
    internal IReadOnlyList<string> TypoVocabularyWords => _vocabulary;

    /// <summary>Gets an estimate of the memory the memo of the misspelling look-up takes: an entry of a concurrent dictionary for
    /// each word kept (about 48 bytes with its share of the buckets) and each result (an array of references, 24 bytes and 8 a
    /// word on a 64-bit runtime).</summary>
    /// <returns>The estimate in bytes.</returns>
    internal long SimilarMemoBytes()
    {
        var bytes = 0L;
        foreach (var memo in new[] { _similarAsLatin, _similarAsTransliterated })
        {
            foreach (var (_, result) in memo)
            {
                bytes += 48 + (result.Length == 0 ? 0 : 24 + (8L * result.Length));
            }
        }

        return bytes;
    }

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
