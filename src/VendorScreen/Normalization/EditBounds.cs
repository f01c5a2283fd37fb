namespace VendorScreen.Normalization;

/// <summary>
/// A lower bound of the edit distance of two texts known from their character sets and lengths alone, without the table: each
/// character of one text missing from the other costs an edit of its own, so most pairs of different words are known to be
/// beyond a small number of edits at once. Used by the legal-form misspelling test, the scorer's edit distance and the spelling
/// sketches of the candidate look-up.
/// </summary>
internal static class EditBounds
{
    /// <summary>Gets the set of the characters of a text: bit <c>c % 64</c> for each character <c>c</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The set.</returns>
    public static ulong CharacterSet(ReadOnlySpan<char> text)
    {
        var set = 0UL;
        foreach (var c in text)
        {
            set |= 1UL << (c & 63);
        }

        return set;
    }

    /// <summary>Gets the fewest edits (a letter inserted, dropped or changed, or two neighbours swapped) that can turn a text into
    /// another, known only from their lengths and character sets: each character of one missing from the other costs an edit of
    /// its own (dropped or changed), and the length difference is made by insertions or deletions. The true optimal string
    /// alignment distance, and the Levenshtein distance, are never less.</summary>
    /// <param name="x">The set of the first text's characters (<see cref="CharacterSet"/>).</param>
    /// <param name="xLength">The first text's length.</param>
    /// <param name="y">The set of the second text's characters.</param>
    /// <param name="yLength">The second text's length.</param>
    /// <returns>The lower bound of the distance.</returns>
    public static int MinEdits(ulong x, int xLength, ulong y, int yLength) =>
        MinEdits(System.Numerics.BitOperations.PopCount(x & ~y), xLength, System.Numerics.BitOperations.PopCount(y & ~x), yLength);

    /// <summary>Gets the bound from the number of characters of each text missing from the other, and the lengths. With s
    /// substitutions, d deletions and i insertions from x to y: s + d covers the characters of x missing from y, s + i those of y
    /// missing from x, and d - i is the length difference, so the distance is at least the larger of the bounds.</summary>
    /// <param name="onlyX">How many characters of the first text the second lacks.</param>
    /// <param name="xLength">The first text's length.</param>
    /// <param name="onlyY">How many characters of the second text the first lacks.</param>
    /// <param name="yLength">The second text's length.</param>
    /// <returns>The lower bound of the distance.</returns>
    public static int MinEdits(int onlyX, int xLength, int onlyY, int yLength) =>
        xLength >= yLength
            ? Math.Max(onlyX, onlyY + (xLength - yLength))
            : Math.Max(onlyY, onlyX + (yLength - xLength));
}
