using System.Globalization;

namespace VendorScreen.Normalization;

/// <summary>
/// Rewrites English number words and ordinals to digits, so that "Brigade Forty-Four", "Brigade Forty 4" and "Brigade 44",
/// or "First International Bank" and "1st International Bank", have the same tokens.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
    };

    // "fourty" is a common misspelling of "forty".
    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50,
    };

    /// <summary>Rewrites number words in a list of lower-case words, in place.</summary>
    /// <param name="words">The words of a name, in order.</param>
    public static void Rewrite(List<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (Tens.TryGetValue(w, out var tens))
            {
                // "forty four", "forty-four" (split at the hyphen) and "forty 4" are one number.
                if (i + 1 < words.Count && UnitBelowTen(words[i + 1]) is { } unit)
                {
                    words[i] = (tens + unit).ToString(CultureInfo.InvariantCulture);
                    words.RemoveAt(i + 1);
                }
                else
                {
                    words[i] = tens.ToString(CultureInfo.InvariantCulture);
                }
            }
            else if (Units.TryGetValue(w, out var value))
            {
                words[i] = value.ToString(CultureInfo.InvariantCulture);
            }
            else if (OrdinalDigits(w) is { } digits)
            {
                words[i] = digits;
            }
        }
    }

    private static int? UnitBelowTen(string word)
    {
        if (word.Length == 1 && word[0] is >= '1' and <= '9')
        {
            return word[0] - '0';
        }

        return Units.TryGetValue(word, out var v) && v is >= 1 and <= 9 ? v : null;
    }

    // "1st", "2nd", "23rd", "4th" -> the digits.
    private static string? OrdinalDigits(string word)
    {
        if (word.Length < 3 || !char.IsAsciiDigit(word[0]))
        {
            return null;
        }

        var suffix = word.AsSpan(word.Length - 2);
        return (suffix is "st" or "nd" or "rd" or "th") && !word.AsSpan(0, word.Length - 2).ContainsAnyExceptInRange('0', '9') ? word[..^2] : null;
    }
}
