using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Quality;

/// <summary>The best score of the engine's name matcher over the name variants of two names.</summary>
internal readonly record struct PairScore(double Score, string Left, string Right)
{
    public static PairScore None => new(0, string.Empty, string.Empty);
}

/// <summary>
/// Scores name pairs the way the engine does, without token statistics: both names are normalised with
/// <see cref="NameNormalizer.Normalize"/> and the score is the best <see cref="NameScorer.Compare"/> over their variant pairs
/// (own script and transliteration).
/// </summary>
internal static class PairScorer
{
    public static double Score(string? left, string? right) => Best([left], [right]).Score;

    /// <summary>Gets the best score over every pair of names from the two sides.</summary>
    public static PairScore Best(IEnumerable<string?> left, IEnumerable<string?> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var rightNames = right.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n!, Variants: NameNormalizer.Normalize(n))).ToList();
        var best = PairScore.None;
        foreach (var l in left.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal))
        {
            foreach (var lv in NameNormalizer.Normalize(l))
            {
                foreach (var (name, variants) in rightNames)
                {
                    foreach (var rv in variants)
                    {
                        var score = NameScorer.Compare(lv, rv).Score;
                        if (score > best.Score)
                        {
                            best = new PairScore(score, l!, name);
                        }
                    }
                }
            }
        }

        return best;
    }
}
