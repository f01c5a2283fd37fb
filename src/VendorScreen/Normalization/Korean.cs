namespace VendorScreen.Normalization;

/// <summary>
/// Korean names: the legal forms of the Commercial Act (주식회사, 유한회사, 유한책임회사, 합자회사, 합명회사, and (주) and ㈜ for the
/// first) rewritten to legal-form compare tokens, before or after the name; and the English words of company names that Korean
/// writes as they sound (코리아, 테크놀로지, 인터내셔널, 그룹, ...), given in their English compare form when the romanisation is
/// made, so that "하이크비전 코리아" reads as "Hikvision Korea" does (a name and a place) and "다후아 테크놀로지" as "Dahua
/// Technology".
/// </summary>
/// <remarks>
/// <para>A Hangul word is split where one of those words starts or ends it ("하이크비전코리아" = "하이크비전" + korea), when two
/// syllables or more are left: Korean names of companies are often written without spaces, and a shorter rest is more likely a
/// word that merely ends so.</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
internal static class Korean
{
    // Legal forms, longest first, with their compare token: a jusik hoesa is a joint-stock company ("Co., Ltd.", "Corp."); a
    // yuhan hoesa a limited company; a yuhan chaegim hoesa a limited liability company; hapja and hapmyeong hoesa partnerships.
    // The text is in its compatibility form, where ㈜ and full-width parentheses are written (주).
    private static readonly (string Form, string Compare)[] LegalForms =
    [
        ("유한책임회사", "llc"), ("주식회사", "corp"), ("유한회사", "ltd"), ("합자회사", "lp"), ("합명회사", "co"),
        ("(주)", "corp"), ("(유)", "ltd"),
    ];

    // English words of company names as Korean writes them, longest first within a word's forms (테크놀로지스 before 테크놀로지).
    private static readonly (string Hangul, string English)[] Loanwords =
    [
        ("홀딩스", "holdings"), ("코퍼레이션", "corporation"), ("인터내셔널", "international"), ("컴퍼니", "company"), ("그룹", "group"),
        ("코리아", "korea"), ("테크놀로지스", "technologies"), ("테크놀로지", "technology"), ("일렉트로닉스", "electronics"),
        ("시스템즈", "systems"), ("시스템", "system"), ("솔루션즈", "solutions"), ("솔루션", "solution"), ("네트웍스", "networks"),
        ("네트워크", "network"), ("디지털", "digital"), ("글로벌", "global"), ("아메리카", "america"), ("차이나", "china"),
        ("재팬", "japan"), ("엔지니어링", "engineering"), ("트레이딩", "trading"),
    ];

    // The fewest syllables left of a word a loanword or legal form is split from.
    private const int MinRest = 2;

    /// <summary>Gets whether a text holds a Hangul syllable.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool HasHangul(string text)
    {
        foreach (var c in text)
        {
            if (NameNormalizer.IsHangul(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rewrites Korean legal forms, written apart or before or after the name (주식회사 삼성, 삼성전자주식회사, (주)하이크비전),
    /// to their compare token between spaces.</summary>
    /// <param name="text">The text, in its compatibility form (NFKC).</param>
    /// <returns>The text with its legal forms rewritten; the text itself when it has none.</returns>
    public static string RewriteLegalForms(string text)
    {
        foreach (var (form, compare) in LegalForms)
        {
            if (!text.Contains(form, StringComparison.Ordinal))
            {
                continue;
            }

            // A form in parentheses stands apart wherever it is; a written-out one only as a word, or at the start or the end of one
            // with two syllables or more left.
            text = form[0] == '(' ? text.Replace(form, " " + compare + " ", StringComparison.Ordinal) : RewriteWords(text, form, compare);
        }

        return text;
    }

    /// <summary>Rewrites the English words of company names written in Hangul (코리아, 테크놀로지, ...) to their English compare form
    /// between spaces, as words or at the start or the end of a word with two syllables or more left, in a text that keeps a word
    /// in Hangul besides them: a name that is only such words ("차이나", also the name "Chyna") is left as written.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with those words rewritten; the text itself when it has none, or nothing else in Hangul.</returns>
    public static string RewriteLoanwords(string text)
    {
        var rewritten = text;
        foreach (var (hangul, english) in Loanwords)
        {
            if (rewritten.Contains(hangul, StringComparison.Ordinal))
            {
                rewritten = RewriteWords(rewritten, hangul, english);
            }
        }

        return ReferenceEquals(rewritten, text) || !HasHangul(rewritten) ? text : rewritten;
    }

    // Rewrites each Hangul word that is the form, or starts or ends with it with MinRest syllables or more left.
    private static string RewriteWords(string text, string form, string compare)
    {
        var sb = new System.Text.StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            if (!NameNormalizer.IsHangul(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && NameNormalizer.IsHangul(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            if (word.SequenceEqual(form))
            {
                sb.Append(' ').Append(compare).Append(' ');
            }
            else if (word.Length - form.Length >= MinRest && word.EndsWith(form, StringComparison.Ordinal))
            {
                sb.Append(word[..^form.Length]).Append(' ').Append(compare).Append(' ');
            }
            else if (word.Length - form.Length >= MinRest && word.StartsWith(form, StringComparison.Ordinal))
            {
                sb.Append(' ').Append(compare).Append(' ').Append(word[form.Length..]);
            }
            else
            {
                sb.Append(word);
            }
        }

        return sb.ToString();
    }
}
