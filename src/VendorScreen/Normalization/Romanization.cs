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
        return IsPinyinSyllable(token.AsSpan());
    }

    /// <summary>Gets every syllable shape <see cref="IsPinyinSyllable(string)"/> recognises: each final alone and each initial
    /// followed by each final (for tests).</summary>
    internal static IReadOnlySet<string> AllSyllables => Syllables;

    private static readonly int LongestSyllable = Syllables.Max(x => x.Length);

    private static readonly int LongestFinal = Finals.Max(x => x.Length);

    // The finals by their code (FinalCode), one bit each: a final is told by reading one bit, where the set of syllables took a
    // hash of the token and a comparison. The matcher asks for many tokens of every name, most of them no syllable.
    private static readonly ulong[] FinalBits = MakeFinalBits();

    // The initials of one letter, one bit per letter from 'a'.
    private static readonly uint OneLetterInitials = Initials.Where(i => i.Length == 1).Aggregate(0u, static (mask, i) => mask | (1u << (i[0] - 'a')));

    // Made after LongestFinal, which is declared before it.
    private static ulong[] MakeFinalBits()
    {
        var bits = new ulong[(Pow27(LongestFinal) / 64) + 1];
        foreach (var final in Finals)
        {
            var code = FinalCode(final, LongestFinal);
            bits[code >> 6] |= 1UL << code;
        }

        return bits;
    }

    private static int Pow27(int exponent)
    {
        var value = 1;
        for (var k = 0; k < exponent; k++)
        {
            value *= 27;
        }

        return value;
    }

    // A text of one to the longest final's number of lower-case ASCII letters as a number below 27 to the power of that number
    // (each letter a digit from 1 to 26 in base 27, so that texts of different lengths differ); -1 for any other text.
    private static int FinalCode(ReadOnlySpan<char> text, int longest)
    {
        if (text.Length == 0 || text.Length > longest)
        {
            return -1;
        }

        var code = 0;
        foreach (var c in text)
        {
            var letter = (uint)(c - 'a');
            if (letter > 'z' - 'a')
            {
                return -1;
            }

            code = (code * 27) + (int)letter + 1;
        }

        return code;
    }

    // Whether a text is a final of Hanyu Pinyin.
    private static bool IsFinal(ReadOnlySpan<char> text) =>
        FinalCode(text, LongestFinal) is var code and >= 0 && (FinalBits[code >> 6] & (1UL << code)) != 0;

    /// <summary>Gets whether a lower-case token has the shape of a Hanyu Pinyin syllable, as <see cref="IsPinyinSyllable(string)"/>
    /// does, for a span of text (such as tokens joined in a buffer).</summary>
    /// <param name="token">The token in compare form.</param>
    /// <returns><see langword="true"/> when the token is an initial followed by a final, or a final alone.</returns>
    /// <remarks>No final starts with <c>h</c>, so a token starting with <c>zh</c>, <c>ch</c> or <c>sh</c> is a syllable only
    /// as that initial and a final, never as <c>z</c>, <c>c</c> or <c>s</c> and one.</remarks>
    public static bool IsPinyinSyllable(ReadOnlySpan<char> token)
    {
        if (token.Length == 0 || token.Length > LongestSyllable || !MayEndSyllable(token))
        {
            return false;
        }

        if (IsFinal(token))
        {
            return true;
        }

        if (token.Length > 2 && token[1] == 'h' && token[0] is 'z' or 'c' or 's')
        {
            return IsFinal(token[2..]);
        }

        var first = (uint)(token[0] - 'a');
        return token.Length > 1 && first <= 'z' - 'a' && (OneLetterInitials & (1u << (int)first)) != 0 && IsFinal(token[1..]);
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
