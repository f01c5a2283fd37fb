using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Screening;

// A party's words written run together and read apart ("DahuaTechnologyCoLtd", "HIKVISIONSTORE", "EZVIZHOME"): the reading
// serves a listed name that writes those words apart, not any name one of the words is in.
internal static partial class Screener
{
    /// <summary>Gets whether a query's form with words read apart (<see cref="NormalizedName.ReadApart"/>) may be compared with a
    /// candidate: no written word read apart is a word of the candidate as written (which the query's form as written meets), and
    /// each written word read as one or two words of a name has those words among the candidate's, in their order.</summary>
    /// <remarks>
    /// <para>The words of a name read apart are the parts but those that only set a name apart: one or two letters alone (an
    /// initial, a key struck by mistake: <c>BGeorge</c>), legal forms, a storefront's words and the words written after a brand
    /// (<c>store</c>, <c>home</c>, <c>global</c>). A part is a candidate's word when it is the same, one the scorer pairs it with
    /// (a typo; for a legal form, a misspelling of it of four letters or more: <c>limted</c> is <c>LIMITED</c>, <c>sus</c> is
    /// not <c>S.A.S.</c>); a run of parts may be one word (<c>TAJCOCOMPANY</c> read as <c>taj co company</c> is <c>TAJCO
    /// COMPANY</c>), though not all the parts of a written word, and a part may be a run of the candidate's words as written
    /// (<c>me</c> is <c>M. E</c>).</para>
    /// <para><c>HIKVISIONSTORE</c> read as <c>hikvision store</c> is compared with <c>HIKVISION</c>, and <c>HavinBankLimited</c>
    /// as <c>havin bank limited</c> with <c>HAVIN BANK LIMITED</c>. <c>SusGlobal Energy Corp.</c> read as <c>sus global energy
    /// corp</c> is not compared with <c>GLOBAL ENERGY COMPANY S.A.S.</c>, nor <c>BankUnited</c> as <c>bank united</c> with
    /// <c>KOREA UNITED DEVELOPMENT BANK</c>, nor <c>SHENGFENG</c> as <c>sheng feng</c> with <c>FENG SHENG CO., LTD.</c>: no
    /// list writes those companies' coined names apart so, and read as written they are not those names. A written word read as
    /// three words of a name or more is not held to the reading (<see cref="MaxWordsOfACoinedName"/>). A form read as written
    /// always may be compared.</para>
    /// </remarks>
    /// <param name="query">The query's form (or a window of it).</param>
    /// <param name="candidate">The candidate's name.</param>
    /// <returns>Whether the form may be compared with the candidate.</returns>
    internal static bool MayMeetWordsReadApart(NormalizedName query, NormalizedName candidate)
    {
        if (!query.HasWordsReadApart)
        {
            return true;
        }

        var tokens = query.Tokens;
        var start = 0;
        while (start < tokens.Count)
        {
            var end = start + 1;
            while (end < tokens.Count && query.IsReadApart(end))
            {
                end++;
            }

            if (end - start > 1)
            {
                if (HoldsWordAsWritten(tokens, start, end, candidate.Tokens))
                {
                    return false;
                }

                var words = 0;
                for (var i = start; i < end; i++)
                {
                    words += SetsANameApart(tokens[i]) ? 0 : 1;
                }

                if (words is > 0 and <= MaxWordsOfACoinedName && end - start <= MaxPartsAligned && WordsFound(tokens, start, end, candidate.Tokens) < words)
                {
                    return false;
                }
            }

            start = end;
        }

        return true;
    }

    // The most words of a name a written word is read as for it to be held to the reading: a company's coined name runs two
    // words together ("SusGlobal", "BankUnited"); a name read as three words or more is a listed name's words run together,
    // whose reading apart may differ from the list's in a few words ("...BureauOao'openJoint-stockCompany'..."), and the
    // listed name may be mentioned in it.
    private const int MaxWordsOfACoinedName = 2;

    // The most parts of one written word read apart that are aligned with a candidate (a word read into more, legal forms and
    // all, is not held to the reading), and the most parts joined into one of its words or its words joined into one part.
    private const int MaxPartsAligned = 16;

    private const int MaxPartsJoined = 4;

    // The most places of an alignment kept on the stack.
    private const int MaxCellsOnStack = 2048;

    // How many words of a name, of a query's parts of one written word (from start to end), are a candidate's words in their
    // order (the most over the ways of aligning them).
    private static int WordsFound(List<NameToken> query, int start, int end, List<NameToken> candidate)
    {
        var columns = candidate.Count + 1;
        var cells = (end - start + 1) * columns;
        Span<short> best = cells <= MaxCellsOnStack ? stackalloc short[cells] : new short[cells];
        best.Fill(-1);
        return Found(query, start, start, end, candidate, 0, best, columns);
    }

    // The most words of a name found from one part and one word of the candidate on (WordsFound), kept by place in best.
    private static int Found(List<NameToken> query, int start, int part, int end, List<NameToken> candidate, int at, Span<short> best, int columns)
    {
        if (part == end)
        {
            return 0;
        }

        var cell = ((part - start) * columns) + at;
        if (best[cell] >= 0)
        {
            return best[cell];
        }

        // The part is left out, or the candidate's word.
        var most = Found(query, start, part + 1, end, candidate, at, best, columns);
        if (at < candidate.Count)
        {
            most = Math.Max(most, Found(query, start, part, end, candidate, at + 1, best, columns));
            var word = SetsANameApart(query[part]) ? 0 : 1;
            if (Pairs(query[part], candidate[at]))
            {
                most = Math.Max(most, word + Found(query, start, part + 1, end, candidate, at + 1, best, columns));
            }

            // A part that is a run of the candidate's words as written ("me" for "M. E").
            for (var words = 2; words <= MaxPartsJoined && at + words <= candidate.Count; words++)
            {
                if (NameScorer.SameTokensJoined(candidate, at, words, query[part].Text))
                {
                    most = Math.Max(most, word + Found(query, start, part + 1, end, candidate, at + words, best, columns));
                }
            }

            // A run of parts that is one of the candidate's words; all the parts joined are the word as written, which the query's
            // form as written compares ("AleAnna" is not "ale anna").
            for (var last = part + 1; last < end && last - part < MaxPartsJoined && (part > start || last + 1 < end); last++)
            {
                word += SetsANameApart(query[last]) ? 0 : 1;
                if (PairsJoined(query, part, last + 1, candidate[at]))
                {
                    most = Math.Max(most, word + Found(query, start, last + 1, end, candidate, at + 1, best, columns));
                }
            }
        }

        best[cell] = (short)most;
        return most;
    }

    // The most letters of a part read apart that is no word of a name: initials, or keys struck by mistake.
    private const int MaxLettersOfNoWord = 2;

    // The fewest letters of a word read apart for it to pair with a legal form it misspells: a word of three letters one letter
    // off a form of three ("sus", "sas") is a word of a name.
    private const int MinMisspeltFormReadApart = 4;

    // Whether a part read apart is a candidate's word: the same, one the scorer pairs it with (a typo), or for a legal form a
    // misspelling of it of four letters or more ("limted" is "LIMITED"; "sus" is not "S.A.S.").
    private static bool Pairs(NameToken part, NameToken listed) =>
        string.Equals(part.Text, listed.Text, StringComparison.Ordinal)
        || (listed.Class == TokenClass.LegalForm
            ? part.Text.Length >= MinMisspeltFormReadApart && LegalForms.IsMisspelling(part.Text, listed.Text)
            : NameScorer.TokenSimilarity(part, listed) > 0);

    // Whether a run of parts read apart (from first to end) is, joined, a candidate's word, as Pairs reads one part.
    private static bool PairsJoined(List<NameToken> words, int first, int end, NameToken other)
    {
        var joined = string.Empty;
        for (var i = first; i < end; i++)
        {
            joined = string.Concat(joined, words[i].Text);
        }

        return Pairs(new NameToken(joined, TokenClass.Word), other);
    }

    // Whether a candidate holds as one token the written word a query's tokens from start to end were read from.
    private static bool HoldsWordAsWritten(List<NameToken> query, int start, int end, List<NameToken> candidate)
    {
        foreach (var listed in candidate)
        {
            if (NameScorer.SameTokensJoined(query, start, end - start, listed.Text))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a token read apart only sets a name apart from what follows or precedes it: a legal form, a storefront's word or a
    // word written after a brand ("store", "tech", "home"); or is one letter or two, an initial or keys struck by mistake before a
    // word ("BGeorge", "OCHafs"). Digits are not marked as read apart (NameNormalizer.ReadApartOf); "one" read as "1" is a word.
    private static bool SetsANameApart(NameToken token) =>
        (token.Text.Length <= MaxLettersOfNoWord && IsLetters(token.Text)) || token.Class == TokenClass.LegalForm || NameNormalizer.IsWordAfterABrand(token.Text)
        || NameNormalizer.IsFormAfterAListedWord(token.Text);

    private static bool IsLetters(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
