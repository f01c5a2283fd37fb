using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using AnyAscii;

namespace VendorScreen.Normalization;

/// <summary>
/// Turns a name into compare form: Unicode compatibility normalisation, case folding, diacritics and punctuation removed,
/// legal forms rewritten to a compare form (kept, not deleted), runs of single letters joined into acronyms, Han names split
/// into ideographs, and a transliterated Latin variant for every name in another script.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use. <see cref="Normalize"/> is idempotent on its own output keys.</remarks>
internal static partial class NameNormalizer
{
    /// <summary>The longest name or request text, in UTF-16 code units, that the engine accepts: 4,096 characters.</summary>
    /// <remarks>
    /// One limit for the library and the CLI: <see cref="ScreeningRequest.MaxTextLength"/> is this value, the engine refuses a
    /// longer request text with an <see cref="ArgumentException"/>, and list readers reject a record whose name is longer
    /// (<see cref="ExceedsMaxLength"/>). Nothing is cut: <see cref="Normalize"/> itself normalises a text of any length whole,
    /// and the screening pipeline scores a long text in overlapping windows of tokens, so a name anywhere in it is found.
    /// </remarks>
    public const int MaxNameLength = ScreeningRequest.MaxTextLength;

    /// <summary>Gets whether a name or text is longer than <see cref="MaxNameLength"/>, so that a request or list record with it
    /// must be refused rather than screened.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when the text has more than <see cref="MaxNameLength"/> characters.</returns>
    public static bool ExceedsMaxLength(string? text) => text is not null && text.Length > MaxNameLength;

    /// <summary>Describes a text that is too long, for an error message or a rejected record.</summary>
    /// <param name="what">What the text is (a field name, "name").</param>
    /// <param name="length">The length of the text.</param>
    /// <returns>The message.</returns>
    internal static string DescribeTooLong(string what, int length) => ScreeningRequest.DescribeTooLong(what, length);

    /// <summary>The word an ampersand is read as: the connector an acronym may pass over, initials are joined across and a joined
    /// run of words is also read without.</summary>
    internal const string And = "and";

    /// <summary>Gets whether a token is the word an ampersand is read as (<see cref="And"/>).</summary>
    /// <param name="token">The token.</param>
    /// <returns>Whether it is "and".</returns>
    internal static bool IsAnd(NameToken token) => string.Equals(token.Text, And, StringComparison.Ordinal);

    /// <summary>Gets whether a token can give its first letter to an acronym: a word, generic word or place of two letters or more
    /// that starts with a Latin letter.</summary>
    /// <param name="t">The token.</param>
    /// <returns><see langword="true"/> when the token may stand for a letter of an acronym.</returns>
    internal static bool IsAcronymWord(NameToken t) =>
        t.Class is TokenClass.Word or TokenClass.Generic or TokenClass.Location && t.Text.Length >= 2 && char.IsAsciiLetter(t.Text[0]);

    /// <summary>Removes diacritics: the text (with lone surrogates replaced) is decomposed, canonically (<c>é</c> to <c>e</c>) or
    /// with compatibility mappings as well (<c>ﬁ</c> to <c>fi</c>), and its non-spacing marks are dropped. The one diacritic fold
    /// that list keys (country names, labels, relation targets) use.</summary>
    /// <param name="text">The text.</param>
    /// <param name="compatibility">Whether to apply compatibility decomposition (NFKD) rather than canonical (NFD).</param>
    /// <returns>The text without non-spacing marks.</returns>
    internal static string RemoveDiacritics(string text, bool compatibility = false)
    {
        var decomposed = ReplaceLoneSurrogates(text).Normalize(compatibility ? NormalizationForm.FormKD : NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Gets a text's compatibility form (NFKC) for reading its words: lone surrogates replaced (<see
    /// cref="ReplaceLoneSurrogates"/>), and the trade mark and service mark signs (<c>™</c>, <c>℠</c>) read as spaces, which
    /// NFKC would write as the letters <c>TM</c> and <c>SM</c> run onto the word they mark (<c>HIKVISION™</c> would be
    /// <c>HIKVISIONTM</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its compatibility form.</returns>
    internal static string CompatibleForm(string text)
    {
        var valid = ReplaceLoneSurrogates(text);
        if (valid.AsSpan().IndexOfAny(MarkSigns) >= 0)
        {
            valid = valid.Replace('\u2122', ' ').Replace('\u2120', ' ');
        }

        return valid.Normalize(NormalizationForm.FormKC);
    }

    private static readonly SearchValues<char> MarkSigns = SearchValues.Create("\u2122\u2120");

    /// <summary>Replaces every lone surrogate (half of a UTF-16 pair without its other half) with U+FFFD, so that the text is valid
    /// Unicode for normalisation; a valid text is returned as is, without copying.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with lone surrogates replaced.</returns>
    internal static string ReplaceLoneSurrogates(string text)
    {
        var first = FirstLoneSurrogate(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, from) = state;
            source.AsSpan().CopyTo(span);
            for (var i = from; i < span.Length; i++)
            {
                if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(span[i]))
                {
                    span[i] = '\uFFFD';
                }
            }
        });
    }

    /// <summary>Writes each "c/o" of a text (care of, which vendor masters put between a supplier's name and whoever receives
    /// its mail: "SHIRAZ ELECTRONICS INDUSTRIES C/O JOHN SMITH"), standing as a word of its own in any case, as the words "care of".
    /// Read as written, its letters were the legal form "co", which made the name a company's and joined the initials before it.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, the same instance when it holds no "c/o".</returns>
    internal static string ReadCareOf(string text)
    {
        var at = text.IndexOf('/', StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        StringBuilder? read = null;
        var copied = 0;
        for (; at >= 0; at = text.IndexOf('/', at + 1))
        {
            if (at >= 1 && at + 1 < text.Length && text[at - 1] is 'c' or 'C' && text[at + 1] is 'o' or 'O'
                && (at == 1 || !char.IsLetterOrDigit(text[at - 2])) && (at + 2 == text.Length || !char.IsLetterOrDigit(text[at + 2])))
            {
                read ??= new StringBuilder(text.Length + 8);
                read.Append(text, copied, at - 1 - copied).Append(" care of ");
                copied = at + 2;
            }
        }

        return read is null ? text : read.Append(text, copied, text.Length - copied).ToString();
    }

    // The words that join the names of a party, or of a party and another, in a vendor master's name field: "JOHN SMITH DBA SMITH
    // PLUMBING" (doing business as), "ACME AKA ACME TRADING", "ACME FKA ZAGROS", "ACME ATTN JOHN SMITH", and "ACME C/O JOHN
    // SMITH" (care of, read so by ReadCareOf; "care of" written out is words of a name, "ENDOWMENT FOR CARE OF ..."). Each is
    // read as its tokens' texts. Not "trading as": "NORDIC TRADING AS" is a company with its legal form.
    private static readonly string[][] PartySeparators =
    [
        ["dba"], ["aka"], ["fka"], ["attn"], ["doing", "business", "as"], ["also", "known", "as"], ["formerly", "known", "as"],
    ];

    private static readonly string[] CareOf = ["care", "of"];

    /// <summary>Adds to the readings of a name in Latin letters the name of each party it joins with a vendor master's words
    /// (<c>DBA</c>, <c>AKA</c>, <c>FKA</c>, <c>C/O</c>, <c>ATTN</c>, "doing business as", ...): "JOHN SMITH DBA SMITH PLUMBING"
    /// is also read as "john smith" and as "smith plumbing", each a name of the party screened in full, so that a listed person
    /// who trades under another name, or is the addressee of a supplier's record, is found as the name alone is. A separator at
    /// either end, or none, adds nothing.</summary>
    /// <param name="tokens">The name's tokens.</param>
    /// <param name="read">The readings, to add to: each part once, and none already there.</param>
    /// <param name="careOfWritten">Whether the name holds "C/O" (read as "care of"), a separator; "care of" written out is not.</param>
    internal static void AddNamesOfTheParties(List<NameToken> tokens, List<NormalizedName> read, bool careOfWritten)
    {
        var start = 0;
        var end = tokens.Count;
        var split = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var length = SeparatorAt(tokens, i, careOfWritten);
            if (length == 0)
            {
                continue;
            }

            if (i > start && i + length < tokens.Count)
            {
                AddPart(tokens, start, i, read);
                split = true;
                start = i + length;
            }
            else if (i > start)
            {
                // A separator at the end ("ACME C/O"): the part before it is the last.
                end = i;
                break;
            }
            else
            {
                start = i + length;
            }

            i += length - 1;
        }

        if (split && start < end)
        {
            AddPart(tokens, start, end, read);
        }
    }

    // Whether some token starts a separator (PartySeparators).
    private static bool HoldsPartySeparator(List<NameToken> tokens, bool careOfWritten)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SeparatorAt(tokens, i, careOfWritten) > 0)
            {
                return true;
            }
        }

        return false;
    }

    // The number of tokens of the separator (PartySeparators) that starts at a place, 0 for none.
    private static int SeparatorAt(List<NameToken> tokens, int at, bool careOfWritten)
    {
        if (careOfWritten && TokenLists.RunIs(tokens, at, CareOf))
        {
            return CareOf.Length;
        }

        foreach (var separator in PartySeparators)
        {
            if (TokenLists.RunIs(tokens, at, separator))
            {
                return separator.Length;
            }
        }

        return 0;
    }

    private static void AddPart(List<NameToken> tokens, int start, int end, List<NormalizedName> read)
    {
        var part = TokenLists.OfCount(end - start, out var items);
        for (var k = start; k < end; k++)
        {
            items[k - start] = tokens[k];
        }

        foreach (var reading in read)
        {
            if (SameTokens(reading.Tokens, part))
            {
                return;
            }
        }

        read.Add(new NormalizedName(part, false));
    }

    // The words of a status that vendor masters write in a supplier's name field, set apart in brackets ("(OLD)", "[INACTIVE]")
    // or after a dash or asterisks at the end ("- DUPLICATE", "*OBSOLETE*"): a record kept, retired or merged, not a part of
    // the supplier's name. "DO NOT USE" is one wherever it stands set apart by other than letters and digits.
    private static readonly string[] StatusWords = ["old", "inactive", "do not use", "dnu", "duplicate", "obsolete", "closed", "blocked", "deleted"];

    private const string DoNotUse = "do not use";

    /// <summary>Gets a name without the status markers a vendor master writes in it: a status word in brackets (<c>ADEL BATTERJEE
    /// (OLD)</c>, <c>ACME [INACTIVE]</c>), one after a dash or asterisks at the end (<c>ACME - DUPLICATE</c>, <c>ACME
    /// *OBSOLETE*</c>), and <c>DO NOT USE</c> set apart anywhere (<c>*** DO NOT USE *** ACME</c>). The name is unchanged when it
    /// holds none, or when nothing but markers would be left. Words of a name that are also status words stay when not set apart
    /// so (<c>OLD MUTUAL</c>, <c>GOLDEN STAR (OLDE)</c>).</summary>
    /// <param name="text">The name.</param>
    /// <returns>The name without its status markers, each replaced by a space.</returns>
    internal static string WithoutStatusMarkers(string text)
    {
        // The markers are found in the name as written, and blanked in a copy made at the first one found: a name without any
        // (most names, including those with brackets or dashes) costs a few searches and no allocation.
        var span = text.AsSpan();
        char[]? read = null;

        // A status word in brackets.
        for (var open = span.IndexOfAny('(', '['); open >= 0; open = NextIndexOfAny(span, open + 1))
        {
            var close = span[(open + 1)..].IndexOf(span[open] == '(' ? ')' : ']');
            if (close >= 0 && IsStatus(span.Slice(open + 1, close)))
            {
                Blank(ref read, text, open, open + close + 2);
            }
        }

        // "do not use" set apart anywhere.
        for (var from = 0; from < span.Length;)
        {
            var found = span[from..].IndexOf(DoNotUse, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var end = at + DoNotUse.Length;
            if ((at == 0 || !char.IsLetterOrDigit(span[at - 1])) && (end == span.Length || !char.IsLetterOrDigit(span[end])))
            {
                Blank(ref read, text, at, end);
            }

            from = at + 1;
        }

        // A status word after a dash or asterisks at the end: the last run of letters and spaces, before which stands an asterisk,
        // or a dash with a space after it ("ACME - OLD", not a name's last part joined by a hyphen).
        var last = span.Length;
        while (last > 0 && span[last - 1] is ' ' or '*' or '-' or '.')
        {
            last--;
        }

        var first = last;
        while (first > 0 && (char.IsLetter(span[first - 1]) || span[first - 1] == ' '))
        {
            first--;
        }

        while (first < last && span[first] == ' ')
        {
            first++;
        }

        var mark = first;
        while (mark > 0 && span[mark - 1] == ' ')
        {
            mark--;
        }

        if (first < last && mark > 0 && (span[mark - 1] == '*' || (mark < first && span[mark - 1] is '-' or '\u2013' or '\u2014'))
            && IsStatus(span[first..last]))
        {
            Blank(ref read, text, mark - 1, span.Length);
        }

        // Nothing but markers: the name as written.
        return read is null || !HasLetterOrDigit(read) ? text : new string(read);
    }

    private static int NextIndexOfAny(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..].IndexOfAny('(', '[');
        return next < 0 ? -1 : from + next;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a text, trimmed of spaces and asterisks, is a status word (StatusWords), in any case, its words set apart by
    // single spaces.
    private static bool IsStatus(ReadOnlySpan<char> text)
    {
        text = text.Trim(" *");
        foreach (var word in StatusWords)
        {
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Replaces the characters between two places of a copy of the text (made when first needed) by spaces.
    private static void Blank(ref char[]? read, string text, int start, int end)
    {
        read ??= text.ToCharArray();
        read.AsSpan(start, end - start).Fill(' ');
    }

    // Every surrogate, U+D800 to U+DFFF: one range, searched as such.
    private static readonly SearchValues<char> Surrogates = SearchValues.Create(
        string.Create(0xE000 - 0xD800, 0xD800, static (span, from) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)(from + i);
            }
        }));

    /// <summary>Finds the first lone surrogate (text that is not valid Unicode, for example from a malformed <c>\ud800</c> JSON
    /// escape).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its index; -1 when the text is valid Unicode.</returns>
    internal static int FirstLoneSurrogate(string text)
    {
        // Most text holds no surrogate at all: a vectorised search finds the first one, if any. The search is through a
        // precompiled set of characters rather than the generic range search, whose unoptimised form (every method's first calls,
        // which are a load's) boxes its two bounds on each call.
        var first = text.AsSpan().IndexOfAny(Surrogates);
        if (first < 0)
        {
            return -1;
        }

        for (var i = first; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>Normalises a name into variants: the name's own script, and a Latin transliteration when the name is in another script
    /// (two for Hangul: Revised Romanization and the North Korean spelling used by sanctions lists). A party's name in Latin
    /// letters is also read as the names a vendor master's words join (<see cref="AddNamesOfTheParties"/>) and with the words it
    /// runs together set apart (<see cref="WithRunTogetherWordsApart"/>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The variants; empty when the name has no letters or digits.</returns>
    public static IReadOnlyList<NormalizedName> Normalize(string? name) => NormalizeName(name, asAParty: true);

    // Normalize, of a party's name or of a listed name. A party's name is also read as the names a vendor master's words join
    // (AddNamesOfTheParties) and with the words it runs together apart (WordsApart); a listed name is not (NormalizeListed),
    // where "care of" is a word of the name ("ENDOWMENT FOR CARE OF ...") and the parties and spellings are the list's own.
    private static IReadOnlyList<NormalizedName> NormalizeName(string? name, bool asAParty)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var compatibleText = CompatibleForm(name);
        var withoutMarkers = WithoutStatusMarkers(LookAlikeLetters.ReadEnclosedCapitals(compatibleText) ?? compatibleText);
        var compatible = ReadCareOf(withoutMarkers);
        var hasNonLatin = HasNonLatinLetter(compatible);
        if (hasNonLatin && LookAlikeLetters.ReadMixedWords(compatible) is { } lookAlike)
        {
            // A Latin word written with Cyrillic or Greek letters that look like Latin ones ("НIKVISION") is that Latin word.
            compatible = lookAlike;
            hasNonLatin = HasNonLatinLetter(compatible);
        }

        var japanese = hasNonLatin && Japanese.IsJapanese(compatible);
        if (japanese)
        {
            compatible = Japanese.RewriteLegalForms(compatible);
        }

        // A Korean name's legal forms (주식회사, (주)) are read as legal forms, as a Japanese name's are.
        var korean = hasNonLatin && !japanese && Korean.HasHangul(compatible);
        if (korean)
        {
            compatible = Korean.RewriteLegalForms(compatible);
        }

        var native = Tokenize(compatible, transliterated: false, out _, lettersAsWritten: false, out var lettersRead);
        if (!hasNonLatin)
        {
            // A name in Latin letters has its one variant (or none), and a second when its single letters were read across an
            // "and" ("H & H" is "hh") or cut before a legal form written with dots ("B R C S.A." is "brc sa"): the same name with
            // its letters joined as written ("h and h", "brcsa"), so that a name that found it so before still does ("I AD S",
            // with a letter of its "and" left out; "B C S.A.", with an initial left out).
            if (native.Count == 0)
            {
                return [];
            }

            var whole = new NormalizedName(native, false);
            NormalizedName? asWritten = null;
            if (lettersRead)
            {
                var kept = Tokenize(compatible, transliterated: false, out _, lettersAsWritten: true, out _);
                asWritten = SameTokens(kept, native) ? null : new NormalizedName(kept, false);
            }

            // A query's words written run together ("DahuaTechnologyCoLtd", "KALALIMITED"), read apart besides as written.
            var apart = asAParty ? WordsApart(compatible, native, asWritten) : null;

            // A query's symbols written for letters inside a word ("H!KV!S!ON", "D@HUA"), read as those letters besides as written.
            var symbols = asAParty ? WithSymbolLettersRead(compatible, native) : null;

            // The names a vendor master's words join, read only when the name holds such a word (a list is made for them then).
            var careOfWritten = !ReferenceEquals(compatible, withoutMarkers);
            var parties = asAParty && HoldsPartySeparator(native, careOfWritten);
            if (parties || symbols is not null)
            {
                List<NormalizedName> read = asWritten is null ? [whole] : [whole, asWritten];
                if (parties)
                {
                    AddNamesOfTheParties(native, read, careOfWritten);
                }

                if (apart is not null)
                {
                    read.Add(apart);
                }

                if (symbols is not null)
                {
                    read.Add(symbols);
                }

                return read;
            }

            return (asWritten, apart) switch
            {
                (null, null) => [whole],
                (null, _) => [whole, apart],
                (_, null) => [whole, asWritten],
                _ => [whole, asWritten, apart],
            };
        }

        // At most three variants: the native one, a romanisation and a second romanisation.
        var own = native.Count > 0 ? new NormalizedName(native, false) : null;
        NormalizedName? first = null, second = null;

        if (hasNonLatin)
        {
            // A Japanese text is split into script runs and its kana romanised by Hepburn rules; its kanji are not read as
            // Chinese syllables one by one.
            // A Korean name's English words written in Hangul (코리아, 테크놀로지) are romanised as those English words.
            var latin = Tokenize(
                japanese ? Japanese.Transliterate(compatible) : Transliterate(korean ? Korean.RewriteLoanwords(compatible) : compatible), transliterated: true, out var continuations);
            if (latin.Count > 0 && (native.Count == 0 || !SameTokens(latin, native)))
            {
                var script = japanese ? NameScript.Kana : DominantScript(compatible);
                var romanised = new NormalizedName(latin, true) { SourceScript = script, SyllableContinuations = continuations };
                first = romanised;

                // Korean names in sanctions lists are mostly North Korean, spelled in the McCune-Reischauer tradition
                // ("Kim Jong Un"), not in Revised Romanization ("gim jeong eun"): a Hangul name gets both spellings.
                if (script == NameScript.Hangul)
                {
                    var northern = TokenLists.OfCount(latin.Count, out var northernItems);
                    for (var i = 0; i < latin.Count; i++)
                    {
                        northernItems[i] = latin[i].Class == TokenClass.Word ? latin[i] with { Text = Romanization.ToNorthKoreanSpelling(latin[i].Text) } : latin[i];
                    }

                    if (!SameTokens(northern, latin))
                    {
                        second = new NormalizedName(northern, true) { SourceScript = script, SyllableContinuations = continuations, PrimarySpelling = romanised };
                    }
                }
                else if (asAParty && script == NameScript.Cyrillic && EnglishLoanSpelling(latin) is { } loan)
                {
                    // Russian writes the English "-vision" of a brand as it sounds ("Хиквижн", Hikvision): a party's name or a
                    // text is also read with such a word spelt back.
                    second = new NormalizedName(loan, true) { SourceScript = script };
                }
            }
        }

        var count = (own is null ? 0 : 1) + (first is null ? 0 : 1) + (second is null ? 0 : 1);
        if (count == 0)
        {
            return [];
        }

        var variants = new NormalizedName[count];
        var at = 0;
        foreach (var variant in (ReadOnlySpan<NormalizedName?>)[own, first, second])
        {
            if (variant is not null)
            {
                variants[at++] = variant;
            }
        }

        return variants;
    }

    /// <summary>Spells back the English words of a name transliterated from Cyrillic that Russian writes as they sound: a word
    /// ending in <c>жн</c> or <c>жен</c> (transliterated <c>zhn</c>, <c>zhen</c>) ends in <c>-sion</c> in English (<c>Хиквижн</c>,
    /// <c>Хиквижен</c>: Hikvision; <c>Панавижн</c>: Panavision), and its <c>х</c> (<c>kh</c>) is an English h.</summary>
    /// <param name="latin">The tokens of the transliteration.</param>
    /// <returns>The tokens with those words spelt back, or <see langword="null"/> when no word ends so.</returns>
    internal static List<NameToken>? EnglishLoanSpelling(List<NameToken> latin)
    {
        List<NameToken>? loan = null;
        for (var i = 0; i < latin.Count; i++)
        {
            var text = latin[i].Text;
            if (latin[i].Class != TokenClass.Word)
            {
                continue;
            }

            var ending = text.EndsWith("zhn", StringComparison.Ordinal) ? 3 : text.EndsWith("zhen", StringComparison.Ordinal) ? 4 : 0;
            if (ending == 0 || text.Length - ending < MinLoanStem)
            {
                continue;
            }

            loan ??= [.. latin];
            loan[i] = latin[i] with { Text = string.Concat(text.AsSpan(0, text.Length - ending).ToString().Replace("kh", "h", StringComparison.Ordinal), "sion") };
        }

        return loan;
    }

    // The fewest letters before an ending read back (EnglishLoanSpelling): a shorter word is no English loan.
    private const int MinLoanStem = 3;

    // The tokens of a name in Latin letters with its symbols written for letters read as those letters (SymbolLetters), or null
    // when it has none or reads as written so.
    private static NormalizedName? WithSymbolLettersRead(string text, List<NameToken> native)
    {
        if (SymbolLetters.Read(text) is not { } read)
        {
            return null;
        }

        var tokens = Tokenize(read, transliterated: false, out _, lettersAsWritten: false, out _);
        return tokens.Count == 0 || SameTokens(tokens, native) ? null : new NormalizedName(tokens, false);
    }

    // The tokens of a name in Latin letters with the words it runs together set apart (WithRunTogetherWordsApart), or null when it
    // runs none together or reads as one of its other variants so.
    private static NormalizedName? WordsApart(string text, List<NameToken> native, NormalizedName? asWritten)
    {
        var apart = WithRunTogetherWordsApart(text);
        if (ReferenceEquals(apart, text))
        {
            return null;
        }

        var tokens = Tokenize(apart, transliterated: false, out _, lettersAsWritten: false, out _);
        return tokens.Count == 0 || SameTokens(tokens, native) || (asWritten is not null && SameTokens(tokens, asWritten.Tokens))
            ? null
            : new NormalizedName(tokens, false) { ReadApart = ReadApartOf(text, apart, tokens) };
    }

    // The digits, which a part read apart of digits alone is written with (ReadApartOf).
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>Gets which tokens of a name read apart (<see cref="WithRunTogetherWordsApart"/>) were set apart from the written
    /// word of the token before them (<see cref="NormalizedName.ReadApart"/>): the first token of each part of the text between
    /// two spaces the reading wrote.</summary>
    /// <param name="text">The text as written.</param>
    /// <param name="apart">The text read apart: the text with spaces written, and possessives left out.</param>
    /// <param name="tokens">The tokens of the text read apart.</param>
    /// <returns>One bit per token; empty when the parts read one by one do not give the same tokens (a part read as another
    /// word), and the reading is then not told from one as written.</returns>
    private static ulong[] ReadApartOf(string text, string apart, List<NameToken> tokens)
    {
        // The places of the spaces written: a character of the reading that the text does not have there.
        var bits = new ulong[(tokens.Count + 63) / 64];
        var written = 0;
        var from = 0;
        var t = 0;
        var afterDigits = false;
        for (var j = 0; j <= apart.Length; j++)
        {
            if (j < apart.Length)
            {
                // A possessive left out ("Hikvision's" read "Hikvision").
                if (written + 1 < text.Length && apart[j] != text[written] && IsApostrophe(text[written]) && text[written + 1] is 's' or 'S')
                {
                    written += 2;
                }

                if (written < text.Length && apart[j] == text[written])
                {
                    written++;
                    continue;
                }

                if (apart[j] != ' ')
                {
                    // Not the text read apart: not told from the text as written.
                    return [];
                }
            }

            // The part of the reading before this space (or the last part), read on its own. Digits set apart from a word
            // ("HIKVISION2024", "2024HIKVISION") are no word of a name: neither they nor the word after them are marked.
            var digits = !apart.AsSpan(from, j - from).ContainsAnyExcept(Digits);
            var part = Tokenize(apart[from..j], transliterated: false, out _, lettersAsWritten: false, out _);
            for (var k = 0; k < part.Count; k++, t++)
            {
                if (t >= tokens.Count || !string.Equals(part[k].Text, tokens[t].Text, StringComparison.Ordinal))
                {
                    return [];
                }

                if (k == 0 && from > 0 && t > 0 && !digits && !afterDigits)
                {
                    bits[t >> 6] |= 1UL << (t & 63);
                }
            }

            afterDigits = digits;
            from = j + 1;
        }

        return t == tokens.Count && Array.Exists(bits, b => b != 0) ? bits : [];
    }

    /// <summary>Normalises a listed name into the variants an index holds: those of <see cref="Normalize"/> and, for a name in
    /// Latin letters written with an abbreviation of a word of organisations' names ("SAF TECH S.L.", "AL TAIBAH, INTL."), the
    /// name with its abbreviations as written ("saf tech sl"), so that a query that misspells the abbreviation ("SAF TEECH
    /// S.L.", "AL TAIBAH, ITL.") still finds and matches it, as it did before abbreviations were read as their words.</summary>
    /// <param name="name">The listed name.</param>
    /// <returns>The variants; empty when the name has no letters or digits.</returns>
    internal static IReadOnlyList<NormalizedName> NormalizeListed(string? name)
    {
        // An abbreviation is read as one of a few words: a name none of whose tokens is such a word holds none, and is not read
        // again.
        var variants = NormalizeName(name, asAParty: false);
        if (variants.Count == 0 || variants[0].IsTransliteration || !variants[0].Tokens.Exists(t => LegalForms.IsAbbreviated(t.Text))
            || HasNonLatinLetter(name!))
        {
            return variants;
        }

        var compatible = ReadCareOf(WithoutStatusMarkers(CompatibleForm(name!)));
        var asWritten = Tokenize(compatible, transliterated: false, out _, lettersAsWritten: false, out _, abbreviationsAsWritten: true);
        if (!asWritten.Exists(t => LegalForms.IsAbbreviation(t.Text)) || variants.Any(v => SameTokens(v.Tokens, asWritten)))
        {
            return variants;
        }

        return [.. variants, new NormalizedName(asWritten, false)];
    }

    /// <summary>Gets the compare key of a name's first variant: its tokens joined by spaces.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The key; empty when the name has no letters or digits.</returns>
    public static string Key(string? name)
    {
        var variants = Normalize(name);
        return variants.Count == 0 ? string.Empty : variants[0].Key;
    }

    /// <summary>Gets whether a character is a Han ideograph.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for CJK unified ideographs.</returns>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Folds an identifier (FCC ID, model number, LEI) to upper-case letters and digits only.</summary>
    /// <param name="value">The identifier.</param>
    /// <returns>The folded identifier.</returns>
    public static string FoldIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in ReplaceLoneSurrogates(value).Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static bool IsNonLatinLetter(char c) => char.IsLetter(c) && c > '\u024F';

    private static bool HasNonLatinLetter(string text)
    {
        foreach (var c in text)
        {
            if (IsNonLatinLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the non-Latin script with the most letters in a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The script; <see cref="NameScript.Latin"/> when the text has no non-Latin letter.</returns>
    public static NameScript DominantScript(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return NameScript.Latin;
        }

        Span<int> counts = stackalloc int[(int)NameScript.Other + 1];
        foreach (var c in text)
        {
            if (IsNonLatinLetter(c))
            {
                counts[(int)ScriptOf(c)]++;
            }
        }

        var best = NameScript.Latin;
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > counts[(int)best])
            {
                best = (NameScript)s;
            }
        }

        return best;
    }

    /// <summary>Gets the non-Latin script of one character; <see cref="NameScript.Other"/> for a Latin letter, a digit, a sign or a
    /// script not told apart.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The script.</returns>
    internal static NameScript ScriptOf(char c) => c switch
    {
        _ when IsHan(c) => NameScript.Han,
        _ when IsHangul(c) || c is >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' => NameScript.Hangul,
        >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F' => NameScript.Kana,
        >= '\u0400' and <= '\u052F' => NameScript.Cyrillic,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => NameScript.Arabic,
        >= '\u0590' and <= '\u05FF' or >= '\uFB1D' and <= '\uFB4F' => NameScript.Hebrew,
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => NameScript.Greek,
        _ => NameScript.Other,
    };

    private static string Transliterate(string text)
    {
        foreach (var suffix in LegalForms.HanLegalSuffixes)
        {
            var at = text.IndexOf(suffix, StringComparison.Ordinal);
            if (at > 0)
            {
                text = string.Concat(text.AsSpan(0, at), " Co Ltd ", text.AsSpan(at + suffix.Length));
            }
        }

        // Han ideographs and Hangul syllables are transliterated one by one, each syllable its own token ("大华" -> "da hua",
        // "김정은" -> "gim jeong eun"), so that they align with romanised names token by token (joined tokens match
        // "dahua"). Every other script is transliterated run by run, keeping its words whole.
        var result = new CharBuffer(stackalloc char[256]);
        var run = new CharBuffer(stackalloc char[64]);
        try
        {
            var previousSyllabic = false;
            foreach (var c in text)
            {
                if (IsHan(c) || IsHangul(c))
                {
                    FlushRun(ref run, ref result);

                    // The marker keeps a syllable a plain word: pinyin "ao" or "de" is not the legal form "AO" or the word "de".
                    // A second marker says the syllable continues the word of the one before ("奥巴马" but not "瑞 饶").
                    result.Append(' ');
                    result.Append(previousSyllabic ? ContinuedSyllableMarker : SyllableMarker);
                    result.Append(Syllable(c));
                    result.Append(' ');
                    previousSyllabic = true;
                }
                else
                {
                    run.Append(c);
                    previousSyllabic = false;
                }
            }

            FlushRun(ref run, ref result);
            return result.ToString();
        }
        finally
        {
            result.Dispose();
            run.Dispose();
        }
    }

    // The Latin spelling of one Han or Hangul syllable, kept once per syllable met.
    private static readonly ConcurrentDictionary<char, string> Syllables = new();

    private static string Syllable(char c) => Syllables.GetOrAdd(c, static c => c.ToString().Transliterate());

    private static void FlushRun(ref CharBuffer run, ref CharBuffer result)
    {
        if (run.Length > 0)
        {
            result.Append(run.ToString().Transliterate());
            run.Clear();
        }
    }

    private const char SyllableMarker = '\u0002';
    private const char ContinuedSyllableMarker = '\u0003';

    /// <summary>Gets whether a character is a Hangul syllable.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for a precomposed Hangul syllable.</returns>
    internal static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';

    private static bool SameTokens(List<NameToken> a, List<NameToken> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Text, b[i].Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static List<NameToken> Tokenize(string text, bool transliterated, out ulong[] continuations) =>
        Tokenize(text, transliterated, out continuations, lettersAsWritten: false, out _);

    // A word is gathered in a buffer on the stack (rented when it grows) and becomes a string once, when it ends.
    // lettersAsWritten: single letters are joined only as they are written, not across an "and" nor cut before a legal form
    // written with dots; lettersRead: whether they were read either way. abbreviationsAsWritten: an abbreviation of a word of
    // organisations' names is kept as written rather than read as the word (LegalForms.Classify).
    private static List<NameToken> Tokenize(string text, bool transliterated, out ulong[] continuations, bool lettersAsWritten, out bool lettersRead,
        bool abbreviationsAsWritten = false)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);

        // The words of the thread's last name, cleared: taken while in use, so that a nested call would start a list of its own.
        var words = _words ?? new List<string>();
        _words = null;
        var current = new CharBuffer(stackalloc char[64]);
        var hanRun = new CharBuffer(stackalloc char[32]);
        Span<char> lower = stackalloc char[2];

        // Which words are written after a space (bit k for word k), and whether one was met since the last word: "C.A.D. S.A." is
        // two runs of initials, "R I A" one.
        var spacedWords = (decomposed.Length >> 6) + 1;
        Span<ulong> spaced = spacedWords <= 64 ? stackalloc ulong[spacedWords] : new ulong[spacedWords];
        spaced.Clear();
        var space = false;
        try
        {
            for (var i = 0; i < decomposed.Length; i++)
            {
                var c = decomposed[i];
                if (char.IsHighSurrogate(c) && i + 1 < decomposed.Length && char.IsLowSurrogate(decomposed[i + 1]))
                {
                    // A code point outside the Basic Multilingual Plane: a letter or digit stays in the word, anything else
                    // (an emoji, a symbol) separates words, and a format character or mark is dropped.
                    var rune = new Rune(c, decomposed[i + 1]);
                    i++;
                    var runeCategory = Rune.GetUnicodeCategory(rune);
                    if (runeCategory is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
                    {
                        continue;
                    }

                    FlushHan(ref hanRun, words);
                    if (Rune.IsLetterOrDigit(rune))
                    {
                        current.Append(lower[..Rune.ToLowerInvariant(rune).EncodeToUtf16(lower)]);
                    }
                    else
                    {
                        FlushWord(ref current, words);
                    }

                    continue;
                }

                if (c is '\u3099' or '\u309A' && current.Length > 0)
                {
                    // The voicing marks of kana (ガ = カ + ゛) make another sound: they stay, recomposed when the word ends.
                    current.Append(c);
                    continue;
                }

                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
                {
                    continue;
                }

                if (!transliterated && IsHan(c))
                {
                    FlushWord(ref current, words);
                    hanRun.Append(c);
                    continue;
                }

                FlushHan(ref hanRun, words);
                if (c is SyllableMarker or ContinuedSyllableMarker)
                {
                    FlushWord(ref current, words);
                    current.Append(c);
                }
                else if (char.IsLetterOrDigit(c))
                {
                    if (current.Length == 0)
                    {
                        // A word starts: whether a space was met since the last.
                        MarkSpaced(spaced, words.Count, space);
                        space = false;
                    }

                    current.Append(char.ToLowerInvariant(c));
                }
                else if (c is '\'' or '\u2019' or '\u02BC' or '`')
                {
                    // Apostrophes join: "Hua'antai" -> "huaantai", "O'Brien" -> "obrien".
                }
                else if (c == '&')
                {
                    FlushWord(ref current, words);
                    words.Add(And);
                }
                else
                {
                    FlushWord(ref current, words);
                    space |= char.IsWhiteSpace(c);
                }
            }

            FlushWord(ref current, words);
            FlushHan(ref hanRun, words);
        }
        finally
        {
            current.Dispose();
            hanRun.Dispose();
        }

        lettersRead = !lettersAsWritten && DropConnectorsBetweenLetters(words, spaced);
        lettersRead |= JoinSingleLetters(words, spaced, cutBeforeLegalForms: !lettersAsWritten);
        NumberWords.Rewrite(words);
        FoldParticles(words);
        LegalForms.RewritePhrases(words);
        // One token per word, but a syllable marker alone, which is none.
        var count = 0;
        for (var i = 0; i < words.Count; i++)
        {
            count += words[i].Length > 1 || words[i][0] is not (SyllableMarker or ContinuedSyllableMarker) ? 1 : 0;
        }

        var tokens = TokenLists.OfCount(count, out var items);
        var at = 0;

        // Only a transliteration has syllables that continue a word.
        continuations = transliterated ? new ulong[(words.Count + 63) / 64] : [];
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w[0] is SyllableMarker or ContinuedSyllableMarker)
            {
                if (w.Length > 1)
                {
                    if (w[0] == ContinuedSyllableMarker && at > 0)
                    {
                        continuations[at >> 6] |= 1UL << (at & 63);
                    }

                    var syllable = w[1..];
                    items[at++] = new NameToken(syllable, IsAsciiDigits(syllable) ? TokenClass.Number : TokenClass.Word);
                }

                continue;
            }

            items[at++] = w[0] == IdeographMarker ? new NameToken(Ideograph(w[1]), TokenClass.Ideograph) : LegalForms.Classify(w, readAbbreviations: !abbreviationsAsWritten);
        }

        // An abbreviation that is also a name or a word of its own ("DEV", "GEN", "PETRO") is read as the word of organisations'
        // names only in an organisation's name, one with a legal form or a word only such names hold ("XYZ DEV CO" is "xyz
        // development co", "EXPORT DEV BANK" "export development bank"; "Dev Anand" stays). Most names hold none, and their words
        // are not looked up among the words of organisations.
        if (!abbreviationsAsWritten && !transliterated && HoldsCompanyAbbreviation(items[..at]) && NamesAnOrganisation(items[..at]))
        {
            for (var i = 0; i < at; i++)
            {
                if (items[i].Class == TokenClass.Word && LegalForms.CompanyAbbreviation(items[i].Text) is { } word)
                {
                    items[i] = LegalForms.Classify(word);
                }
            }
        }

        words.Clear();
        _words = words.Capacity <= MaxKeptWords ? words : null;
        return tokens;
    }

    // Whether some word is an abbreviation read only in an organisation's name (LegalForms.CompanyAbbreviation).
    private static bool HoldsCompanyAbbreviation(Span<NameToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Class == TokenClass.Word && LegalForms.CompanyAbbreviation(token.Text) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // Whether some token makes the name an organisation's (LegalForms.MarksAnOrganisation).
    private static bool NamesAnOrganisation(Span<NameToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (LegalForms.MarksAnOrganisation(token))
            {
                return true;
            }
        }

        return false;
    }

    private const int MaxKeptWords = 256;

    [ThreadStatic]
    private static List<string>? _words;

    private const char IdeographMarker = '\u0001';

    // The strings of Han ideographs, with the marker that keeps one a word of its own until it becomes a token, and without it:
    // one string per ideograph met, shared by every name that holds it.
    private static readonly ConcurrentDictionary<char, string> MarkedIdeographs = new();
    private static readonly ConcurrentDictionary<char, string> Ideographs = new();

    private static string MarkedIdeograph(char c) => MarkedIdeographs.GetOrAdd(c, static c => string.Concat(IdeographMarker.ToString(), c.ToString()));

    private static string Ideograph(char c) => Ideographs.GetOrAdd(c, static c => c.ToString());

    // Every character of a text is an ASCII letter (an empty text counts, as Enumerable.All has it).
    internal static bool IsAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // Every character of a non-empty text is an ASCII digit (an empty text counts, as Enumerable.All has it).
    internal static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void FlushWord(ref CharBuffer current, List<string> words)
    {
        if (current.Length > 0)
        {
            var word = current.ToString();
            words.Add(word.AsSpan().IndexOfAny('\u3099', '\u309A') >= 0 ? word.Normalize(NormalizationForm.FormC) : word);
            current.Clear();
        }
    }

    private static void FlushHan(ref CharBuffer hanRun, List<string> words)
    {
        if (hanRun.Length == 0)
        {
            return;
        }

        var run = hanRun.Span;
        string? suffix = null;
        foreach (var s in LegalForms.HanLegalSuffixes)
        {
            if (run.Length > s.Length && run.EndsWith(s, StringComparison.Ordinal))
            {
                suffix = s;
                break;
            }
        }

        // Each character as its simplified form (HanVariants): a name in traditional characters is the same name as written.
        var body = suffix is null ? run : run[..^suffix.Length];
        foreach (var ch in body)
        {
            words.Add(MarkedIdeograph(HanVariants.ToSimplified(ch)));
        }

        if (suffix is not null)
        {
            words.Add("co");
            words.Add("ltd");
        }

        hanRun.Clear();
    }

    // Marks whether word k is written after a space.
    private static void MarkSpaced(Span<ulong> spaced, int k, bool space)
    {
        if (space && (k >> 6) < spaced.Length)
        {
            spaced[k >> 6] |= 1UL << (k & 63);
        }
    }

    // Whether word k is written after a space (MarkSpaced).
    private static bool IsSpaced(ReadOnlySpan<ulong> spaced, int k) => (k >> 6) < spaced.Length && (spaced[k >> 6] & (1UL << (k & 63))) != 0;

    // Joins runs of single letters into one word, in place: "r i a" -> "ria", "l l c" -> "llc". Initials written together and
    // set apart by a space from others written together are two words: "C.A.D. S.A." is "cad sa" (a name and its legal form),
    // "U.S.A. L.L.C." "usa llc"; initials each set apart ("R I A", "R. I. A.") are one. Gives whether a run was cut before a
    // legal form written with dots (cutBeforeLegalForms, below).
    private static bool JoinSingleLetters(List<string> words, ReadOnlySpan<ulong> spaced, bool cutBeforeLegalForms)
    {
        var cutBeforeForm = false;
        var kept = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (IsSingleLetter(words[i]) && i + 1 < words.Count && IsSingleLetter(words[i + 1]))
            {
                var end = i;
                while (end < words.Count && IsSingleLetter(words[end]))
                {
                    end++;
                }

                // The run is cut before a letter written after a space when the letters on each side of the space are at least
                // two written together.
                var from = i;
                for (var k = i + 2; k <= end - 2; k++)
                {
                    if (IsSpaced(spaced, k) && !IsSpaced(spaced, k - 1) && !IsSpaced(spaced, k + 1) && k - from >= 2)
                    {
                        words[kept++] = Joined(words, from, k);
                        from = k;
                    }
                }

                // A legal form written with its letters together after initials each set apart is a word of its own, as after
                // initials written together: "B R C S.A." is "brc sa", as "B.R.C. S.A." and "BRC SA" are.
                var tail = end - 1;
                while (cutBeforeLegalForms && tail > from && !IsSpaced(spaced, tail))
                {
                    tail--;
                }

                if (cutBeforeLegalForms && tail - from >= 2 && end - tail >= 2 && IsSpaced(spaced, tail) && SpellsLegalForm(words, tail, end))
                {
                    words[kept++] = Joined(words, from, tail);
                    from = tail;
                    cutBeforeForm = true;
                }

                words[kept++] = from == end - 1 ? words[from] : Joined(words, from, end);
                i = end - 1;
            }
            else
            {
                words[kept++] = words[i];
            }
        }

        words.RemoveRange(kept, words.Count - kept);
        return cutBeforeForm;
    }

    // Whether the single letters from one word to another, joined, are a legal form as written ("sa", "llc").
    private static bool SpellsLegalForm(List<string> words, int from, int to)
    {
        Span<char> letters = stackalloc char[8];
        if (to - from > letters.Length)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            letters[k - from] = words[k][0];
        }

        return LegalForms.IsLegalFormSpelling(letters[..(to - from)]);
    }

    // Drops "and" (which "&" is read as) between two single letters, in place, keeping which words are written after a space:
    // initials with an ampersand are a run of initials as those written apart are ("H & H", "J&M" and "H AND H" are "hh",
    // "jm", "hh", as "H H" and "JM" are). Gives whether it dropped one.
    private static bool DropConnectorsBetweenLetters(List<string> words, Span<ulong> spaced)
    {
        var kept = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == And && kept > 0 && IsSingleLetter(words[kept - 1]) && i + 1 < words.Count && IsSingleLetter(words[i + 1]))
            {
                continue;
            }

            if (kept != i)
            {
                words[kept] = words[i];
                SetSpaced(spaced, kept, IsSpaced(spaced, i));
            }

            kept++;
        }

        var dropped = kept < words.Count;
        words.RemoveRange(kept, words.Count - kept);
        return dropped;
    }

    // Sets whether word k is written after a space.
    private static void SetSpaced(Span<ulong> spaced, int k, bool space)
    {
        if ((k >> 6) < spaced.Length)
        {
            spaced[k >> 6] = space ? spaced[k >> 6] | (1UL << (k & 63)) : spaced[k >> 6] & ~(1UL << (k & 63));
        }
    }

    // The single letters from one word to another, joined.
    private static string Joined(List<string> words, int from, int to) =>
        string.Create(to - from, (words, from), static (span, state) =>
        {
            for (var k = 0; k < span.Length; k++)
            {
                span[k] = state.words[state.from + k][0];
            }
        });

    // The Arabic article and "son of" have several spellings: "el-Assad" / "al-Assad", "ibn Laden" / "bin Laden".
    private static void FoldParticles(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = words[i] switch
            {
                "el" => "al",
                "ibn" => "bin",
                _ => words[i],
            };
        }
    }

    private static bool IsSingleLetter(string w) => w.Length == 1 && char.IsAsciiLetter(w[0]);
}
