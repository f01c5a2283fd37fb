namespace VendorScreen.Normalization;

/// <summary>
/// Reads digits written for the letters they look like inside a word ("Ig0r Sech1n", "I9or"): 0 as o, 1 as i or l, 3 as e, 4 as
/// a, 5 as s, 7 as t, 9 as g.
/// </summary>
/// <remarks>
/// <para>Only a word that mixes letters and digits, with at least one digit between two letters, is read: never a number
/// ("2004"), a code of a number and a letter or two ("A320", "T90", "MK2", "2004-1" whose parts are numbers), or a word with a
/// digit that stands for no letter ("3%ers" has none between letters; "b52" ends in digits).</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal static class DigitLetters
{
    /// <summary>The most digits in one word that are read: each 1 doubles the readings.</summary>
    public const int MaxDigits = 4;

    /// <summary>Gets the letters a digit may stand for, or an empty text for a digit that stands for none.</summary>
    /// <param name="digit">The digit.</param>
    /// <returns>The letters.</returns>
    public static string LettersFor(char digit) => digit switch
    {
        '0' => "o",
        '1' => "il",
        '3' => "e",
        '4' => "a",
        '5' => "s",
        '7' => "t",
        '9' => "g",
        _ => string.Empty,
    };

    /// <summary>Gets whether a word (in compare form) is one whose digits may stand for letters: lower-case letters and digits only,
    /// two letters or more, more letters than digits, at most <see cref="MaxDigits"/> digits, each of which stands for a letter,
    /// and at least one digit with a letter on both sides.</summary>
    /// <param name="word">The word.</param>
    /// <returns><see langword="true"/> when the word can be read with letters for its digits.</returns>
    public static bool IsCandidate(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int letters = 0, digits = 0;
        var inside = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsAsciiLetterLower(c))
            {
                letters++;
            }
            else if (char.IsAsciiDigit(c))
            {
                if (LettersFor(c).Length == 0)
                {
                    return false;
                }

                digits++;
                inside |= i > 0 && i + 1 < word.Length && char.IsAsciiLetterLower(word[i - 1]) && char.IsAsciiLetterLower(word[i + 1]);
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && digits <= MaxDigits && letters >= 2 && letters > digits && inside;
    }

    /// <summary>Gets the readings of a word with letters for its digits ("sech1n" -> "sechin", "sechln"); none when the word is not
    /// a candidate (<see cref="IsCandidate"/>).</summary>
    /// <param name="word">The word in compare form.</param>
    /// <returns>The readings, each of the word's length, in lower-case letters only.</returns>
    public static IReadOnlyList<string> Readings(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!IsCandidate(word))
        {
            return [];
        }

        var readings = new List<string> { string.Empty };
        foreach (var c in word)
        {
            var options = char.IsAsciiDigit(c) ? LettersFor(c) : c.ToString();
            var next = new List<string>(readings.Count * options.Length);
            foreach (var prefix in readings)
            {
                foreach (var o in options)
                {
                    next.Add(prefix + o);
                }
            }

            readings = next;
        }

        return readings;
    }
}
