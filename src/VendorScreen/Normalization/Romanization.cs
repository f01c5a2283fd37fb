using System.Collections.Frozen;

namespace VendorScreen.Normalization;

/// <summary>Facts about romanised names that matching relies on.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class Romanization
{
    // Hanyu Pinyin: a syllable is an optional initial followed by a final (tone marks and ü are folded away by the normaliser).
    private static readonly string[] Initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"];

    private static readonly HashSet<string> Finals = new(StringComparer.Ordinal)
    {
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
        "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong",
        "ua", "uo", "uai", "ui", "uan", "un", "uang", "ue", "ve",
    };

    // Every initial + final shape, and the finals alone: a few hundred strings, looked up on the matcher's hot path.
    private static readonly FrozenSet<string> Syllables =
        Finals.Concat(Initials.SelectMany(i => Finals.Select(f => i + f))).ToFrozenSet(StringComparer.Ordinal);

    // The last letters of the syllables, one bit per character (bit c % 64): a token that ends in no such letter ("ahmed",
    // "bank") is no syllable, told without a look-up. Characters 64 apart share a bit, which only sends a token on to the look-up.
    private static readonly ulong SyllableEnds = Syllables.Aggregate(0UL, static (mask, s) => mask | (1UL << (s[^1] & 63)));

    // Whether a token's last character may be one a syllable ends with (SyllableEnds).
    private static bool MayEndSyllable(ReadOnlySpan<char> token) => token.Length > 0 && (SyllableEnds & (1UL << (token[^1] & 63))) != 0;

    /// <summary>Gets whether a lower-case token has the shape of a Hanyu Pinyin syllable ("zhang", "xi", "cheng").</summary>
    /// <param name="token">The token in compare form.</param>
    /// <returns><see langword="true"/> when the token is an initial followed by a final, or a final alone.</returns>
    /// <remarks>The test is by shape: a few English words ("man", "long") pass it too, which only withholds fuzzy credit
    /// between two of them ("man" / "men").</remarks>
    public static bool IsPinyinSyllable(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return MayEndSyllable(token) && Syllables.Contains(token);
    }

    // The same syllables sorted in ordinal order, for a lookup of a span of text.
    private static readonly string[] SortedSyllables = Syllables.Order(StringComparer.Ordinal).ToArray();

    private static readonly int LongestSyllable = SortedSyllables.Max(x => x.Length);

    /// <summary>Gets whether a lower-case token has the shape of a Hanyu Pinyin syllable, as <see cref="IsPinyinSyllable(string)"/>
    /// does, for a span of text (such as tokens joined in a buffer).</summary>
    /// <param name="token">The token in compare form.</param>
    /// <returns><see langword="true"/> when the token is an initial followed by a final, or a final alone.</returns>
    public static bool IsPinyinSyllable(ReadOnlySpan<char> token)
    {
        if (token.Length == 0 || token.Length > LongestSyllable || !MayEndSyllable(token))
        {
            return false;
        }

        int low = 0, high = SortedSyllables.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = token.SequenceCompareTo(SortedSyllables[middle]);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Respells Revised Romanization syllables ("gim jeong eun", "li byeong cheol") the way North Korean names are written
    /// in sanctions lists ("kim jong un", "ri pyong chol"): <c>eo</c> and <c>eu</c> lose their <c>e</c>, and an initial
    /// g, b, d or l, or a final g, b or d, becomes k, p, t or r.
    /// </summary>
    /// <param name="syllable">A lower-case romanised Hangul syllable.</param>
    /// <returns>The respelt syllable.</returns>
    public static string ToNorthKoreanSpelling(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        if (syllable.Length == 0 || !syllable.All(char.IsAsciiLetterLower))
        {
            return syllable;
        }

        var chars = syllable.Replace("eo", "o", StringComparison.Ordinal).Replace("eu", "u", StringComparison.Ordinal).ToCharArray();
        chars[0] = chars[0] switch { 'g' => 'k', 'b' => 'p', 'd' => 't', 'l' => 'r', var c => c };
        if (chars.Length > 1 && chars[^2] != 'n')
        {
            chars[^1] = chars[^1] switch { 'g' => 'k', 'b' => 'p', 'd' => 't', var c => c };
        }

        return new string(chars);
    }
}
