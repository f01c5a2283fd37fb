using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>The misspelling look-up's sketches of the typo vocabulary.</summary>
internal sealed partial class CandidateIndex
{
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
