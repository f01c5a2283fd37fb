using System.Text;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>A query's word that runs two listed words together ("EZVIZHOME", "DAHUATECH"), read apart.</summary>
internal sealed partial class CandidateIndex
{
    // The letters each listed word of a word run together keeps: "imou" and "home" are words, "ai" is not.
    private const int MinListedWordRunOn = 4;

    // The fewest letters of the second word: "usa", a word written after a brand (NameNormalizer.IsWordAfterABrand); a listed
    // word has four or more.
    private const int MinWordAfterListed = 3;

    // The fewest letters of a legal form read apart after a listed word ("ao", NameNormalizer.IsFormAfterAListedWord).
    private const int MinFormAfterListed = 2;

    /// <summary>Gets a query's forms with one more for each form in Latin letters one of whose words is not a word of the index but
    /// runs one of its words onto another, onto a word written after a brand (<see cref="NameNormalizer.IsWordAfterABrand"/>) or
    /// onto a legal form the normaliser leaves on (<see cref="NameNormalizer.IsFormAfterAListedWord"/>), read apart:
    /// <c>EZVIZHOME</c> is <c>ezviz home</c>, <c>DAHUATECH</c> is <c>dahua technology</c>, <c>GENBANKAO</c> is <c>genbank jsc</c>.
    /// A storefront or a vendor master writes a brand so before a word of its own, which no list writes: the form as written
    /// still finds the names that hold the word whole. The first word has four letters or more, the word of the index after it
    /// too; letters a to z only; split where the first word is longest.</summary>
    /// <param name="forms">The query's forms (<see cref="NameNormalizer.Normalize"/>).</param>
    /// <returns>The same list when no word runs listed words together; otherwise a new one with the forms read apart after the
    /// others.</returns>
    internal IReadOnlyList<NormalizedName> WithListedWordsApart(IReadOnlyList<NormalizedName> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        List<NormalizedName>? read = null;
        for (var f = 0; f < forms.Count; f++)
        {
            if (forms[f].IsTransliteration || ListedWordsApart(forms[f]) is not { } apart || Holds(read ?? forms, apart))
            {
                continue;
            }

            read ??= [.. forms];
            read.Add(apart);
        }

        return read ?? forms;
    }

    // A form with its words that run two listed words together read apart, or null when it has none.
    private NormalizedName? ListedWordsApart(NormalizedName form)
    {
        var tokens = form.Tokens;
        StringBuilder? text = null;
        List<bool>? apart = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            var at = tokens[i].Class == TokenClass.Word ? ListedWordsEnd(word) : 0;
            if (at == 0 && text is null)
            {
                continue;
            }

            if (text is null)
            {
                text = new StringBuilder();
                apart = [];
                for (var k = 0; k < i; k++)
                {
                    text.Append(tokens[k].Text).Append(' ');
                    apart!.Add(form.IsReadApart(k));
                }
            }

            if (at > 0)
            {
                text.Append(word, 0, at).Append(' ').Append(word, at, word.Length - at).Append(' ');
                apart!.Add(form.IsReadApart(i));
                apart.Add(true);
            }
            else
            {
                text.Append(word).Append(' ');
                apart!.Add(form.IsReadApart(i));
            }
        }

        if (text is null || apart is null || NameNormalizer.ReadWords(text.ToString()) is not { } read)
        {
            return null;
        }

        // The second word of each word read apart is marked, as the normaliser's reading apart marks its words, when the words
        // read are the words written (an abbreviation is read as one word: "tech" as "technology").
        if (read.Tokens.Count != apart.Count)
        {
            return read;
        }

        var bits = new ulong[(apart.Count + 63) / 64];
        for (var k = 1; k < apart.Count; k++)
        {
            if (apart[k])
            {
                bits[k >> 6] |= 1UL << (k & 63);
            }
        }

        return read with { ReadApart = bits };
    }

    // Where the first of two listed words a word runs together ends (the longest first word), or 0 when the word is itself a word
    // of the index or runs no two together.
    private int ListedWordsEnd(string word)
    {
        if (word.Length < MinListedWordRunOn + MinFormAfterListed || !NameNormalizer.IsAsciiLetters(word) || _vocabularyIds.TryGetId(word, out _))
        {
            return 0;
        }

        for (var at = word.Length - MinFormAfterListed; at >= MinListedWordRunOn; at--)
        {
            var after = word.AsSpan(at);
            if (_vocabularyIds.TryGetId(word.AsSpan(0, at), out _)
                && ((after.Length >= MinListedWordRunOn && _vocabularyIds.TryGetId(after, out _))
                    || (after.Length >= MinWordAfterListed && NameNormalizer.IsWordAfterABrand(after)) || NameNormalizer.IsFormAfterAListedWord(after)))
            {
                return at;
            }
        }

        return 0;
    }

    private static bool Holds(IReadOnlyList<NormalizedName> forms, NormalizedName form)
    {
        for (var f = 0; f < forms.Count; f++)
        {
            if (string.Equals(forms[f].Key, form.Key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
