using System.Collections.Frozen;

namespace VendorScreen.Normalization;

/// <summary>
/// Reads Cyrillic and Greek letters written inside a Latin word for the Latin letters they look like (<c>НIKVISION</c> with a
/// Cyrillic En, <c>DАHUA</c> with a Cyrillic A, <c>ΗΙΚVISION</c> with Greek capitals), as listings write a name to pass a
/// keyword filter. Only a word that mixes Latin letters with such letters is read so: a word all in Cyrillic or Greek is a
/// word of that script and is transliterated by sound (<c>НАТО</c> is "NATO"), and a letter that looks like no Latin one
/// (<c>Ж</c>, <c>и</c>) ends a word.
/// </summary>
/// <remarks>The letters are those of the Unicode confusables data (UTS #39) that look like a Latin letter in upper or lower
/// case. The type is stateless and safe for concurrent use.</remarks>
internal static class LookAlikeLetters
{
    // Cyrillic and Greek letters and the Latin letters they look like, with their accented letters (Greek "ά", Cyrillic "ў"),
    // whose accents a name's compare form drops.
    private static readonly FrozenDictionary<char, char> Latin = WithAccentedLetters(new()
    {
        // Cyrillic capitals and small letters.
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['Ё'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O',
        ['Р'] = 'P', ['С'] = 'C', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['І'] = 'I', ['Ї'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S',
        ['Ү'] = 'Y', ['Ԛ'] = 'Q', ['Ԝ'] = 'W', ['Ӏ'] = 'I',
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['һ'] = 'h',
        ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l', ['ү'] = 'y',

        // Greek capitals and small letters.
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N',
        ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
        ['α'] = 'a', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['υ'] = 'u', ['χ'] = 'x',
    });

    private static FrozenDictionary<char, char> WithAccentedLetters(Dictionary<char, char> letters)
    {
        for (var c = '\u0370'; c <= '\u052F'; c++)
        {
            var decomposed = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
            if (decomposed.Length > 1 && letters.TryGetValue(decomposed[0], out var latin))
            {
                letters.TryAdd(c, latin);
            }
        }

        return letters.ToFrozenDictionary();
    }

    /// <summary>Reads the look-alike letters of every word of a text that mixes Latin letters with Cyrillic or Greek ones that
    /// look like Latin letters.</summary>
    /// <param name="text">The text, in NFKC.</param>
    /// <returns>The text with those words in Latin letters; <see langword="null"/> when no word is read so.</returns>
    public static string? ReadMixedWords(string text)
    {
        // A word is as a reader sees one, letters with the dots, hyphens and apostrophes between them ("С.A.D.", "В-FINANCE"),
        // cut at each letter that looks like no Latin one ("Ж", "и"): so a name read once reads the same again, a word of its
        // compare form never joining what such a letter parts.
        char[]? read = null;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsBetweenWords(text[i]) && !IsForeignLetter(text[i]))
            {
                continue;
            }

            if (i > start && IsMixed(text.AsSpan(start, i - start)))
            {
                read ??= text.ToCharArray();
                for (var j = start; j < i; j++)
                {
                    if (Latin.TryGetValue(text[j], out var latin))
                    {
                        read[j] = latin;
                    }
                }
            }

            start = i + 1;
        }

        return read is null ? null : new string(read);
    }

    /// <summary>Reads the Latin capitals drawn white on a black circle or square (<c>🅷🅸🅺🆅🅸🆂🅸🅾🅽</c>, U+1F150 to U+1F169 and
    /// U+1F170 to U+1F189), which fancy-text generators write and NFKC leaves as symbols, as the letters they draw; the capitals
    /// drawn in a circle or a square (<c>Ⓗ</c>, <c>🄷</c>) NFKC reads already.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with those letters read; <see langword="null"/> when it has none.</returns>
    public static string? ReadEnclosedCapitals(string text)
    {
        var at = text.IndexOf('\uD83C');
        if (at < 0)
        {
            return null;
        }

        System.Text.StringBuilder? read = null;
        var copied = 0;
        for (var i = at; i + 1 < text.Length; i++)
        {
            if (text[i] != '\uD83C' || text[i + 1] is not (>= '\uDD50' and <= '\uDD69' or >= '\uDD70' and <= '\uDD89'))
            {
                continue;
            }

            read ??= new System.Text.StringBuilder(text.Length);
            read.Append(text, copied, i - copied);
            read.Append((char)('A' + (text[i + 1] - (text[i + 1] >= '\uDD70' ? '\uDD70' : '\uDD50'))));
            copied = i + 2;
            i++;
        }

        return read?.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsBetweenWords(char c) =>
        char.IsWhiteSpace(c) || c is '/' or ',' or ';' or ':' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '&' or '+' or '"';

    // A letter neither Latin nor one that looks like a Latin letter ("Ж", "и", a Han character).
    private static bool IsForeignLetter(char c) => char.IsLetter(c) && !IsLatinLetter(c) && !Latin.ContainsKey(c);

    // Wider than the normaliser's test of a name in Latin letters (up to U+024F): a letter of Latin Extended Additional
    // ("ạ", U+1EA1) is Latin here too, for its compare form drops the accent, and a word read once must read the same again.
    private static bool IsLatinLetter(char c) =>
        char.IsAsciiLetter(c) || (c is >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' && char.IsLetter(c));

    // Whether a word has a Latin letter and a letter that looks like one.
    private static bool IsMixed(ReadOnlySpan<char> word)
    {
        bool latin = false, lookAlike = false;
        foreach (var c in word)
        {
            latin |= IsLatinLetter(c);
            lookAlike |= !char.IsAscii(c) && Latin.ContainsKey(c);
        }

        return latin && lookAlike;
    }
}
