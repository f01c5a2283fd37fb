namespace VendorScreen.Indexing;

/// <summary>The spelling sketches of the words of the screened names (those of four letters or more, the typo vocabulary),
/// made once when the index is built, so that comparing a query with many candidates reads a candidate word's sketch rather
/// than making it again (a sketch needs the word's phonetic key).</summary>
/// <remarks>Implementations must be safe for concurrent reads.</remarks>
internal interface IWordSketches
{
    /// <summary>Gets the spelling sketch of a word of the screened names.</summary>
    /// <param name="word">The word in compare form.</param>
    /// <param name="sketch">The sketch, the same as <see cref="ICandidateScoring.Sketch"/> of the index's scoring gives.</param>
    /// <returns><see langword="false"/> when the word is not one of those kept.</returns>
    bool TryGetSketch(string word, out SpellingSketch sketch);
}
