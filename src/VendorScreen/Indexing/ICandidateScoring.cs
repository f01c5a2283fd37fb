using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// What the candidate index takes from the scoring stage: how much a token of a class weighs when candidates are ranked, and how
/// alike two words are spelled, so that a misspelt query word finds the listed spelling. The matching stage's rule sets
/// (<c>NameScoringRules</c>) implement it, so the index ranks candidates with the weights the scorer uses.
/// </summary>
/// <remarks>Implementations must be immutable and safe for concurrent use.</remarks>
internal interface ICandidateScoring
{
    /// <summary>Gets the weight of a token of a class before its rarity is applied.</summary>
    /// <param name="tokenClass">The token class.</param>
    /// <returns>The weight, 1 for an ordinary word.</returns>
    double BaseWeight(TokenClass tokenClass);

    /// <summary>Gets how alike two tokens are spelled, in [0, 1]; 0 when they are not close spellings of each other.</summary>
    /// <param name="a">The first token.</param>
    /// <param name="b">The second token.</param>
    /// <returns>The similarity.</returns>
    double TokenSimilarity(NameToken a, NameToken b);

    /// <summary>Gets what <see cref="SpellingSketch.MayBeSimilar(in SpellingSketch, in SpellingSketch)"/> needs to know of a word, computed once per word.</summary>
    /// <param name="word">The word, in compare form.</param>
    /// <returns>The sketch.</returns>
    SpellingSketch Sketch(string word);

    /// <summary>Gets whether two words may be close spellings of each other, as <see cref="SpellingSketch.MayBeSimilar(in SpellingSketch, in SpellingSketch)"/>
    /// does but reading the words themselves where the sketches are not enough: <see langword="false"/> only when
    /// <see cref="TokenSimilarity"/> of them is 0. Dearer than the test of the sketches alone, cheaper than
    /// <see cref="TokenSimilarity"/>.</summary>
    /// <param name="a">The first word.</param>
    /// <param name="aSketch">The sketch of <paramref name="a"/>.</param>
    /// <param name="b">The second word.</param>
    /// <param name="bSketch">The sketch of <paramref name="b"/>.</param>
    /// <returns><see langword="false"/> when the words are not similar; <see langword="true"/> when they may be.</returns>
    bool MayBeSimilar(string a, in SpellingSketch aSketch, string b, in SpellingSketch bSketch);
}
