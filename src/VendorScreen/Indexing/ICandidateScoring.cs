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
}
