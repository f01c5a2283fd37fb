namespace VendorScreen.Indexing;

/// <summary>The misspelling look-up's sketches of the typo vocabulary.</summary>
internal sealed partial class CandidateIndex
{
    // Sketches are made in parallel chunks of this many words.
    private const int SketchChunk = 8192;

    // The spelling sketches of the typo vocabulary, by id. They are made whenever the index is built or read, not stored.
    private static SpellingSketch[] Sketches(string[] vocabulary, ICandidateScoring scoring)
    {
        var sketches = new SpellingSketch[vocabulary.Length];
        Parallel.For(0, (vocabulary.Length + SketchChunk - 1) / SketchChunk, chunk =>
        {
            var end = Math.Min(vocabulary.Length, (chunk + 1) * SketchChunk);
            for (var v = chunk * SketchChunk; v < end; v++)
            {
                sketches[v] = scoring.Sketch(vocabulary[v]);
            }
        });

        return sketches;
    }
}
