namespace VendorScreen.Normalization;

// Words a vendor master or a marketplace writes run together: "DahuaTechnologyCoLtd", "KALALIMITED".
internal static partial class NameNormalizer
{
    // The legal forms read apart from a word they are run onto ("KALALIMITED", "HIKVISIONLTD", "NAFTANOAO"): those no common word
    // or name ends with. Left out: "co", "corp" ("bancorp"), "cia" ("garcia"), "cos" ("marcos"), "sas" ("kansas"), "spa", "est",
    // "wll" ("maxwell"), "aps" ("perhaps"), "zao" and "pao" (syllables of Chinese names run together), "ood" and "ead"
    // ("robinhood", "gilead"), and forms of two letters.
    private static readonly string[] RunOnForms =
    [
        "company", "companies", "compania", "corporation", "corporacion", "incorporated", "inc", "limited", "ltd", "ltda", "llc",
        "pllc", "llp", "plc", "gmbh", "sarl", "srl", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "oao", "fze", "fzco", "fzllc", "bhd", "pte",
        "pty", "pvt", "sprl", "bvba", "eood", "sasu", "eurl", "aktiengesellschaft", "gesellschaft",
    ];

    // The words of a marketplace's storefront read apart from a name they are run onto ("HIKVISIONSTORE", "DAHUASHOP",
    // "IMOUOFFICIAL", "HIKVISIONCCTV"), as legal forms are: "small", "bishop", "restore", "unofficial" and "redirect" keep
    // fewer letters before them. Not words that end many companies' coined names: "tech" ("FARATECH COMPANY"), "home",
    // "global", "digital", "vision" ("HIKVISION"), "usa" ("MEDUSA"); the index reads those apart after a word it holds
    // (WordsAfterABrand).
    private static readonly string[] StorefrontWords =
    [
        "store", "shop", "official", "direct", "outlet", "online", "mall", "flagship", "factory", "technology", "security", "camera",
        "cameras", "cctv",
    ];

    // The legal forms of Russia and its neighbours read apart from the word they are run before ("OOOSTROYTRANSGAZ",
    // "CJSCZEST", "OOO'DSK'"): not "pao" ("paolo") nor "ao".
    private static readonly string[] LeadingForms = ["ooo", "oao", "zao", "jsc", "cjsc", "ojsc", "pjsc"];

    // The letters a word keeps beside a legal form or a storefront's word run onto it for the two to be read apart: "zinc" stays a
    // word. A legal form of six letters or more ("limited", "company") is read apart from a word of two letters ("HKLIMITED").
    private const int MinWordBesideRunOnForm = 3;

    private const int LongRunOnForm = 6;

    // The letters each side of an apostrophe for it to be read as a quotation mark between words, closed by another at the end
    // of a word ("COMPANY'MOSTOTREST'", "COMPANY'KALININ PLANT'"), not within a name ("SA'ID", "O'BRIEN", "JAMA'ATU", "CHO'NGSONG").
    private const int MinWordBesideQuote = 3;

    /// <summary>Gets a name in Latin letters with the words it runs together set apart, as a marketplace's seller names and some
    /// vendor masters write them. A space is written:
    /// <list type="bullet">
    /// <item>at a lower-case letter followed by an upper-case one and another letter or a dot (<c>DahuaTechnologyCoLtd</c> is
    /// <c>Dahua Technology Co Ltd</c>, <c>TanS.A.</c> is <c>Tan S.A.</c>); not after one lower-case letter, <c>Mc</c> or
    /// <c>Mac</c>, which start a name (<c>iBio</c>, <c>McKesson</c>), nor within a legal form (<c>GmbH</c>; <c>KGaA</c> ends with a
    /// capital alone);</item>
    /// <item>before the last of upper-case letters followed by two lower-case ones or more (<c>ABCTrading</c>,
    /// <c>RiosYCia</c>);</item>
    /// <item>at an apostrophe between words of three letters or more that opens a quotation another closes at the end of a word
    /// (<c>COMPANY'MOSTOTREST'</c>; <c>SA'ID</c> and <c>JAMA'ATU</c> stay words);</item>
    /// <item>before legal forms and a storefront's words run onto the end of a word of three letters or more, two before a long
    /// legal form (<c>KALALIMITED</c> is <c>KALA LIMITED</c>, <c>HKLIMITED</c> is <c>HK LIMITED</c>, <c>HIKVISIONOFFICIALSTORE</c>
    /// is <c>HIKVISION OFFICIAL STORE</c>, and with <c>CO</c> before another, <c>XYZCOLTD</c> is <c>XYZ CO LTD</c>), and before a
    /// legal form run onto digits (<c>88LIMITED</c>);</item>
    /// <item>before the last letter of a word of four letters or more run onto a legal form written with dots that starts with
    /// it (<c>TANS.A.</c> is <c>TAN S.A.</c>, <c>JAPANK.K.</c> is <c>JAPAN K.K.</c>);</item>
    /// <item>between a word of four letters or more and digits run onto it (<c>HIKVISION2024</c>, <c>2024HIKVISION</c>;
    /// <c>MIG29</c> stays a word, and so does a word whose digits between letters may stand for letters: <c>SECH1N</c>);</item>
    /// <item>after a legal form of Russia run onto the start of a word (<c>OOOSTROYTRANSGAZ</c>, <c>OOO'DSK'</c>).</item>
    /// </list>
    /// A possessive after a word of three letters or more is left out (<c>Hikvision's official store</c> is <c>Hikvision
    /// official store</c>), where the apostrophe joins it to the word.
    /// Read for a query as a variant besides the name as written, which still meets a listed name written so
    /// (<c>BlackRock</c>, <c>PricewaterhouseCoopers</c>).</summary>
    /// <param name="text">The name.</param>
    /// <returns>The name with a space at each place a word starts, the same instance when it has none.</returns>
    internal static string WithRunTogetherWordsApart(string text)
    {
        char[]? written = null;
        var length = 0;
        var copied = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || IsApostrophe(text[i]));
            if (inWord)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                SplitWord(text, start, i, ref written, ref length, ref copied);

                // A word run onto digits after it ("HIKVISION2024", "EZVIZ123"), not onto digits that may stand for letters of
                // the word ("SECH1N").
                if (i < text.Length && char.IsDigit(text[i]) && !LetterAfterDigits(text, i) && IsWordBesideDigits(text.AsSpan(start, i - start)))
                {
                    SpaceAt(text, i, ref written, ref length, ref copied);
                }

                // A legal form written with dots run onto the word before it, whose last letter is the form's first ("TANS.A.",
                // "YAMAKIK.K."), unless a change of case has set it apart already ("TanS.A.").
                if (copied != i - 1 && IsDottedFormRunOn(text, start, i))
                {
                    SpaceAt(text, i - 1, ref written, ref length, ref copied);
                }

                // A possessive is no part of the word: "Hikvision's official store" is Hikvision's store, where the apostrophe
                // joins "hikvisions".
                if (IsPossessive(text, start, i) && copied <= i - 2)
                {
                    CopyTo(text, i - 2, ref written, ref length, ref copied);
                    copied = i;
                }

                start = -1;
            }
        }

        if (written is null)
        {
            return text;
        }

        CopyTo(text, text.Length, ref written, ref length, ref copied);
        return new string(written!, 0, length);
    }

    // Writes the places a word of a text (from start to end) starts another (WithRunTogetherWordsApart) as spaces.
    private static void SplitWord(string text, int start, int end, ref char[]? written, ref int length, ref int copied)
    {
        var word = text.AsSpan(start, end - start);

        // A legal form after digits ("PEGASUS 88LIMITED"), or a word ("2024HIKVISION").
        var last = start;
        if (start > 0 && char.IsDigit(text[start - 1]))
        {
            if (IsRunOnForm(word))
            {
                SpaceAt(text, start, ref written, ref length, ref copied);
                return;
            }

            if (IsWordBesideDigits(word) && !LetterBeforeDigits(text, start))
            {
                SpaceAt(text, start, ref written, ref length, ref copied);
            }
        }

        // A legal form is one word ("GmbH", "AKTIENGESELLSCHAFT"): worked out only for a word that would be read apart, before
        // its first space. Then a legal form of Russia before a word ("OOOSTROYTRANSGAZ").
        var isForm = -1;
        var leading = LeadingFormAt(word);
        if (leading > 0)
        {
            if (IsLegalFormWord(word, ref isForm))
            {
                return;
            }

            last = start + leading;
            SpaceAt(text, last, ref written, ref length, ref copied);
        }

        // A change of case, or an apostrophe between words of three letters or more that opens a quotation closed later.
        for (var k = last + 1; k < end; k++)
        {
            var lowerToUpper = char.IsLower(text[k - 1]) && char.IsUpper(text[k]) && (k + 1 < end || (k + 1 < text.Length && text[k + 1] == '.'))
                && !IsNamePrefix(text.AsSpan(last, k - last));
            var upperToWord = char.IsUpper(text[k - 1]) && char.IsUpper(text[k]) && k + 2 < end && char.IsLower(text[k + 1]) && char.IsLower(text[k + 2]);
            var quote = IsApostrophe(text[k]) && k - last >= MinWordBesideQuote && LettersFrom(text, k + 1, end) >= MinWordBesideQuote
                && ClosedLater(text, k + 1);
            if (lowerToUpper || upperToWord || quote)
            {
                if (IsLegalFormWord(word, ref isForm))
                {
                    return;
                }

                SpaceAt(text, k, ref written, ref length, ref copied);
                last = k;
            }
        }

        // Legal forms and a storefront's words run onto the last part of the word, taken from its end ("XYZCOLTD" is "XYZ CO LTD",
        // "HIKVISIONOFFICIALSTORE" is "HIKVISION OFFICIAL STORE"); "co" only before another.
        Span<int> ends = stackalloc int[MaxWordsRunOn];
        var count = 0;
        var partEnd = end;
        while (count < ends.Length && SuffixAt(text.AsSpan(last, partEnd - last), afterAnother: count > 0) is var suffix and > 0)
        {
            partEnd -= suffix;
            ends[count++] = partEnd;
        }

        if (count > 0 && !IsLegalFormWord(word, ref isForm))
        {
            for (var i = count - 1; i >= 0; i--)
            {
                SpaceAt(text, ends[i], ref written, ref length, ref copied);
            }
        }
    }

    // The longest legal form written with dots read apart from the word it is run onto ("S.R.L.").
    private const int MaxDottedFormRunOn = 4;

    // Whether the word of a text from start to end (a dot after it) ends with the first letter of a legal form written with dots
    // ("GADS.A." is "GAD S.A.", "ASCOTEC JAPANK.K." is "ASCOTEC JAPAN K.K."): its other letters each followed by a dot to the end of
    // the text or a space, after a word of at least MinWordBesideRunOnForm letters.
    private static bool IsDottedFormRunOn(string text, int start, int end)
    {
        if (end >= text.Length || text[end] != '.' || end - start < MinWordBesideRunOnForm + 1)
        {
            return false;
        }

        Span<char> form = stackalloc char[MaxDottedFormRunOn];
        form[0] = char.ToLowerInvariant(text[end - 1]);
        var count = 1;
        var at = end;
        while (at + 2 < text.Length && char.IsLetter(text[at + 1]) && text[at + 2] == '.')
        {
            if (count == form.Length)
            {
                return false;
            }

            form[count++] = char.ToLowerInvariant(text[at + 1]);
            at += 2;
        }

        var closed = at + 1 == text.Length || text[at + 1] is ' ' or ',' or ')';
        for (var k = start; k < end; k++)
        {
            if (!char.IsLetter(text[k]))
            {
                return false;
            }
        }

        return count >= 2 && closed && LegalForms.IsLegalFormSpelling(form[..count]);
    }

    // The fewest letters of a word read apart from digits run onto it: "C6N" and "MIG29" stay a model's number.
    private const int MinWordBesideDigits = 4;

    // Whether the digits of a text from a place may stand for letters of the word they are in (DigitLetters): each is a digit that
    // stands for one and a letter follows them ("SECH1N", "H1KV1S10N"), unlike "HIKVISION2024STORE".
    private static bool LetterAfterDigits(string text, int from)
    {
        var at = from;
        while (at < text.Length && char.IsDigit(text[at]))
        {
            if (DigitLetters.LettersFor(text[at]).Length == 0)
            {
                return false;
            }

            at++;
        }

        return at < text.Length && char.IsLetter(text[at]);
    }

    // Whether the digits of a text before a place may stand for letters of the word they are in ("IG0R"), as LetterAfterDigits.
    private static bool LetterBeforeDigits(string text, int to)
    {
        var at = to - 1;
        while (at >= 0 && char.IsDigit(text[at]))
        {
            if (DigitLetters.LettersFor(text[at]).Length == 0)
            {
                return false;
            }

            at--;
        }

        return at >= 0 && char.IsLetter(text[at]);
    }

    // Whether a word run onto digits is read apart from them: letters alone (no apostrophe), MinWordBesideDigits or more.
    private static bool IsWordBesideDigits(ReadOnlySpan<char> word)
    {
        if (word.Length < MinWordBesideDigits)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // The most legal forms and storefront words taken from the end of a word.
    private const int MaxWordsRunOn = 4;

    // Whether a word is a written legal form (IsWrittenLegalForm), worked out at the first asking: known is -1 until then, and
    // 1 or 0 after.
    private static bool IsLegalFormWord(ReadOnlySpan<char> word, ref int known)
    {
        if (known < 0)
        {
            known = IsWrittenLegalForm(word) ? 1 : 0;
        }

        return known == 1;
    }

    // Whether an apostrophe after a place closes a quotation: none but a space or a mark follows it ("'MOSTOTREST'").
    private static bool ClosedLater(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (IsApostrophe(text[j]) && (j + 1 == text.Length || !char.IsLetterOrDigit(text[j + 1])))
            {
                return true;
            }
        }

        return false;
    }

    // The letters of a word from a place up to its end, its next apostrophe or its next change from lower to upper case
    // ("DEV'TCorp" quotes no word).
    private static int LettersFrom(string text, int from, int end)
    {
        var count = 0;
        while (from + count < end && char.IsLetter(text[from + count])
            && (count == 0 || !(char.IsLower(text[from + count - 1]) && char.IsUpper(text[from + count]))))
        {
            count++;
        }

        return count;
    }

    // Whether the letters before a change from lower to upper case start a name rather than being a word of their own: one
    // lower-case letter ("iBio", "eBay"), "Mc" or "Mac" ("McKesson", "MacArthur").
    private static bool IsNamePrefix(ReadOnlySpan<char> part) =>
        (part.Length == 1 && char.IsLower(part[0])) || part.Equals("mc", StringComparison.OrdinalIgnoreCase)
        || part.Equals("mac", StringComparison.OrdinalIgnoreCase);

    // The longest word read as a written legal form (IsWrittenLegalForm).
    private const int MaxWrittenLegalForm = 32;

    private static bool IsWrittenLegalForm(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWrittenLegalForm)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return LegalForms.IsLegalFormSpelling(lower);
    }

    private static bool IsRunOnForm(ReadOnlySpan<char> word) => IsOneOf(word, RunOnForms);

    // The length of the legal form of Russia (LeadingForms) a word starts with before a word of at least MinWordBesideRunOnForm
    // letters (after an apostrophe, "OOO'DSK'", or none), 0 for none.
    private static int LeadingFormAt(ReadOnlySpan<char> word)
    {
        foreach (var form in LeadingForms)
        {
            if (word.Length > form.Length && word.StartsWith(form, StringComparison.OrdinalIgnoreCase))
            {
                var rest = word[form.Length..];
                if (IsApostrophe(rest[0]))
                {
                    rest = rest[1..];
                }

                var letters = 0;
                while (letters < rest.Length && char.IsLetter(rest[letters]))
                {
                    letters++;
                }

                if (letters >= MinWordBesideRunOnForm)
                {
                    return form.Length;
                }
            }
        }

        return 0;
    }

    // The length of the legal form or storefront word (RunOnForms, StorefrontWords) a part of a word ends with after a word of at
    // least MinWordBesideRunOnForm letters (two before a long one), 0 for none; the longest when several are. After another is
    // taken from its end, "co" is one too ("XYZCO LTD").
    private static int SuffixAt(ReadOnlySpan<char> word, bool afterAnother)
    {
        var letter = word.Length == 0 ? -1 : (word[^1] | 0x20) - 'a';
        if ((uint)letter >= (uint)RunOnWordsByLastLetter.Length)
        {
            return 0;
        }

        var found = 0;
        foreach (var form in RunOnWordsByLastLetter[letter])
        {
            if (form.Length > found && EndsWithRunOn(word, form))
            {
                found = form.Length;
            }
        }

        return found == 0 && afterAnother && EndsWithRunOn(word, "co") ? 2 : found;
    }

    private static bool EndsWithRunOn(ReadOnlySpan<char> word, string suffix)
    {
        // Two letters before a long legal form ("HKLIMITED"); three before a storefront's word ("unofficial" stays a word).
        var before = suffix.Length >= LongRunOnForm && Array.IndexOf(StorefrontWords, suffix) < 0 ? MinWordBesideRunOnForm - 1 : MinWordBesideRunOnForm;
        return word.Length >= suffix.Length + before && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && char.IsLetter(word[^(suffix.Length + 1)]);
    }

    // RunOnForms and StorefrontWords by their last letter, a to z: a word is compared with the few that end as it does.
    private static readonly string[][] RunOnWordsByLastLetter = ByLastLetter([.. RunOnForms, .. StorefrontWords]);

    private static string[][] ByLastLetter(string[] words)
    {
        var byLetter = new string[26][];
        for (var letter = 0; letter < byLetter.Length; letter++)
        {
            var ending = new List<string>();
            foreach (var word in words)
            {
                if (word[^1] - 'a' == letter)
                {
                    ending.Add(word);
                }
            }

            byLetter[letter] = [.. ending];
        }

        return byLetter;
    }

    // Words a storefront or a vendor master writes after a brand or a maker's name, which a list need not hold: read apart from a
    // listed word run onto them ("EZVIZHOME", "HIKVISIONGLOBAL") by the index (CandidateIndex.WithListedWordsApart), with
    // StorefrontWords. Not read apart from other words: many companies' coined names end with them ("FARATECH", "MICROVISION").
    private static readonly string[] WordsAfterABrand =
    [
        "tech", "home", "global", "digital", "vision", "usa", "smart", "world", "group", "intl", "international", "trading",
        "electronics", "systems", "solutions", "life", "cam", "cams", "pro", "plus", "view",
    ];

    /// <summary>Gets whether a word (in compare form) is one a storefront or a vendor master writes after a brand or a maker's
    /// name: a storefront's word (<c>store</c>, <c>official</c>, <c>cctv</c>) or another such (<c>home</c>, <c>tech</c>,
    /// <c>global</c>, <c>usa</c>).</summary>
    /// <param name="word">The word, in lower case.</param>
    /// <returns><see langword="true"/> for such a word.</returns>
    internal static bool IsWordAfterABrand(ReadOnlySpan<char> word) => IsOneOf(word, StorefrontWords) || IsOneOf(word, WordsAfterABrand);

    // Whether a word is one of some words, in either case.
    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var listed in words)
        {
            if (word.Equals(listed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The legal forms of Russia the normaliser does not read apart from a word they end, as they end syllables of Chinese names
    // run together ("ZHAO", "ZHANGPAO"): the index reads them apart after a word it holds ("GENBANKAO", "SHVABEAO").
    private static readonly string[] FormsAfterAListedWord = ["ao", "zao", "pao"];

    /// <summary>Gets whether a word (in compare form) is a legal form the index reads apart from a word it holds run onto it, and
    /// the normaliser does not: <c>ao</c>, <c>zao</c>, <c>pao</c>.</summary>
    /// <param name="word">The word, in lower case.</param>
    /// <returns><see langword="true"/> for such a form.</returns>
    internal static bool IsFormAfterAListedWord(ReadOnlySpan<char> word) => IsOneOf(word, FormsAfterAListedWord);

    /// <summary>Reads the words of a text in Latin letters (the compare forms of a name's tokens, with a space between two words
    /// a word ran together) as a name's tokens, with no other reading: for a query's word run onto a listed word that the index
    /// reads apart.</summary>
    /// <param name="text">The words.</param>
    /// <returns>The name; <see langword="null"/> when the text has no letters or digits.</returns>
    internal static NormalizedName? ReadWords(string text)
    {
        var tokens = Tokenize(text, transliterated: false, out _, lettersAsWritten: false, out _);
        return tokens.Count == 0 ? null : new NormalizedName(tokens, false);
    }

    // Whether a word (from start to end) ends with an apostrophe and an s after three letters or more ("Hikvision's", "DAHUA'S").
    private static bool IsPossessive(string text, int start, int end) =>
        end - start >= 5 && text[end - 1] is 's' or 'S' && IsApostrophe(text[end - 2])
        && char.IsLetter(text[end - 3]) && char.IsLetter(text[end - 4]) && char.IsLetter(text[end - 5]);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '`';

    // Copies the text up to a place and writes a space there.
    private static void SpaceAt(string text, int at, ref char[]? written, ref int length, ref int copied)
    {
        CopyTo(text, at, ref written, ref length, ref copied);
        written![length++] = ' ';
    }

    private static void CopyTo(string text, int at, ref char[]? written, ref int length, ref int copied)
    {
        // A word has a space at most at every other letter.
        written ??= new char[text.Length * 2 + 1];
        text.AsSpan(copied, at - copied).CopyTo(written.AsSpan(length));
        length += at - copied;
        copied = at;
    }
}
