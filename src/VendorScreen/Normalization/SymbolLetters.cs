namespace VendorScreen.Normalization;

/// <summary>
/// Reads symbols written inside a word for the letters they look like (<c>H!KV!S!ON</c>, <c>HIKVI$ION</c>, <c>D@HUA</c>), as
/// listings write a maker's name to pass a keyword filter: <c>!</c> as i, <c>$</c> as s, <c>@</c> as a and <c>|</c> as a
/// capital I between capitals (<c>H|KVISION</c>), else as a small l (<c>De|l</c> is <c>Dell</c>); and a
/// small <c>l</c> in a word otherwise written in capitals as a capital I (<c>EZVlZ</c>, <c>HlKVISION</c>), which most fonts
/// draw alike.
/// </summary>
/// <remarks>
/// <para>Only a symbol with a Latin letter on both sides is read: <c>Yahoo!</c>, <c>US$5</c> and <c>@dahua</c> are not. An
/// <c>@</c> in a word with a dot after it is an e-mail address's (<c>sales@dahua.com</c>) and is not read either. A small
/// <c>l</c> is read only in a word of two capitals or more and no other small letter: in <c>EZVlZ</c> and <c>lMOU</c>, not in
/// <c>Ltd</c>, <c>Hl</c> or <c>McLaren</c>.</para>
/// <para>The reading is a further form of a party's name or a text, beside the name as written (<see
/// cref="NameNormalizer.Normalize"/>): a symbol that is punctuation run between two words (<c>NEW!Hikvision</c>) still reads as
/// written. The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal static class SymbolLetters
{
    private static readonly System.Buffers.SearchValues<char> Symbols = System.Buffers.SearchValues.Create("!$@|");

    /// <summary>Gets the letter a symbol is read as, or the null character for a symbol that is not read.</summary>
    /// <param name="symbol">The character.</param>
    /// <returns>The lower-case letter.</returns>
    public static char LetterFor(char symbol) => symbol switch
    {
        '!' => 'i',
        '|' => 'l',
        '$' => 's',
        '@' => 'a',
        _ => '\0',
    };

    /// <summary>Reads the symbols of a text that stand for letters inside a word.</summary>
    /// <param name="text">The text (in its compatibility form).</param>
    /// <returns>The text with those symbols written as their letters, or <see langword="null"/> when it has none.</returns>
    public static string? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? read = null;
        var at = text.AsSpan().IndexOfAny(Symbols);
        for (var i = Math.Max(at, 1); at >= 0 && i < text.Length - 1; i++)
        {
            var letter = LetterFor(text[i]);
            if (letter == '\0' || !IsLatinLetter(text[i - 1]) || !IsLatinLetter(text[i + 1]) || (text[i] == '@' && IsInAnAddress(text, i)))
            {
                continue;
            }

            read ??= text.ToCharArray();
            read[i] = !char.IsUpper(text[i - 1]) || !char.IsUpper(text[i + 1]) ? letter : text[i] == '|' ? 'I' : char.ToUpperInvariant(letter);
        }

        if (text.Contains('l', StringComparison.Ordinal))
        {
            ReadSmallLsInCapitals(text, ref read);
        }

        return read is null ? null : new string(read);
    }

    // Reads as a capital I each small "l" of a word (a run of Latin letters, with the letters read for symbols above) whose other
    // letters are all capitals, two or more.
    private static void ReadSmallLsInCapitals(string text, ref char[]? read)
    {
        for (var start = 0; start < text.Length;)
        {
            if (!IsLatinLetter(At(text, read, start)))
            {
                start++;
                continue;
            }

            var end = start;
            var capitals = 0;
            var ls = 0;
            var others = 0;
            for (; end < text.Length && IsLatinLetter(At(text, read, end)); end++)
            {
                var c = At(text, read, end);
                if (c == 'l')
                {
                    ls++;
                }
                else if (char.IsUpper(c))
                {
                    capitals++;
                }
                else
                {
                    others++;
                }
            }

            if (ls > 0 && others == 0 && capitals >= 2)
            {
                read ??= text.ToCharArray();
                for (var i = start; i < end; i++)
                {
                    if (read[i] == 'l')
                    {
                        read[i] = 'I';
                    }
                }
            }

            start = end;
        }
    }

    private static char At(string text, char[]? read, int i) => read is null ? text[i] : read[i];

    // A letter of the Latin script: ASCII or a Latin letter with an accent ("Ç").
    private static bool IsLatinLetter(char c) =>
        char.IsAsciiLetter(c) || (c >= '\u00C0' && c <= '\u024F' && char.IsLetter(c));

    // Whether an "@" is in a word (up to the next white space) with a dot after it: an e-mail address.
    private static bool IsInAnAddress(string text, int at)
    {
        for (var i = at + 1; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
        {
            if (text[i] == '.')
            {
                return true;
            }
        }

        return false;
    }
}
