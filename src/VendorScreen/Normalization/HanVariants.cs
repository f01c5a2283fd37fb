using System.Collections.Frozen;

namespace VendorScreen.Normalization;

/// <summary>
/// Traditional Chinese characters read as their simplified forms, so that a name written in either is compared as written:
/// 海能達 is 海能达, 螢石 is 萤石. The pairs are the Unihan database's <c>kSimplifiedVariant</c> field (HanVariants.Table.cs,
/// written by eng/han-variants/generate.py), where it gives a character exactly one simplified form other than itself.
/// </summary>
/// <remarks>Thread-safe: the table is built once and never changed.</remarks>
internal static partial class HanVariants
{
    private static readonly FrozenDictionary<char, char> Simplified = Pairs();

    // The lowest traditional character of the table: a character below it is never looked up.
    private static readonly char Lowest = Simplified.Keys.Min();

    /// <summary>Gets the simplified form of a traditional character, or the character itself.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The simplified form, or <paramref name="c"/> when it has none (a simplified character, or one written alike in both).</returns>
    public static char ToSimplified(char c) => c >= Lowest && Simplified.TryGetValue(c, out var simplified) ? simplified : c;

    private static FrozenDictionary<char, char> Pairs()
    {
        var pairs = new Dictionary<char, char>(TraditionalToSimplified.Length / 2);
        for (var i = 0; i + 1 < TraditionalToSimplified.Length; i += 2)
        {
            pairs.Add(TraditionalToSimplified[i], TraditionalToSimplified[i + 1]);
        }

        return pairs.ToFrozenDictionary();
    }
}
