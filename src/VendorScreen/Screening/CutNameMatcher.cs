using System.Globalization;
using System.Text;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Screening;

/// <summary>What a cut name match found: how much of the listed name the query covers, and the score it gives.</summary>
/// <param name="Score">The score, in [<see cref="ScreeningOptions.ReviewThreshold"/>, <see cref="ScreeningOptions.MatchThreshold"/>).</param>
/// <param name="Coverage">The share of the listed name's letters the query holds, in (0, 1).</param>
internal sealed record CutNameHit(double Score, double Coverage);

/// <summary>
/// Finds a party name cut short by the field that holds it: a purchasing system keeps a supplier's name in a field of a fixed
/// length (SAP's vendor name holds 35 characters) and cuts a longer name there, often inside a word. Compared word for word,
/// "REVOLUTIONARY ARMED FORCES OF COLOM" lacks "COLOMBIA" and scored below review, as did a third of the longer names of
/// organisations on the real lists once cut at 35 characters: such names were screened Clear.
/// </summary>
/// <remarks>
/// A name may be cut when its length, without the spaces that end it, is one of <see cref="ScreeningOptions.CutNameLengths"/>
/// or one less (the cut left a space, which the system then dropped). Such a name, in Latin letters and of two words or more,
/// matches a listed name in Latin letters that starts with it and goes on: as normalised (the same words, the last one
/// perhaps cut short), as written once case, accents and punctuation are set aside (a cut inside a legal form: "COMMERCIAL
/// CORPORATI"), or, for a cut inside a legal form the list writes another way, as the listed name's words before its legal
/// forms followed by the start of a legal form written out ("TRANSPORT COMP" for "TRANSPORT CO"). The score lies between
/// the review and the match thresholds and rises with the share of the listed name the query holds: a cut name is reported
/// for review, never blocked, since what was cut off is not known. Nothing else about the screening changes: the name is
/// compared in full as always, and a match found that way counts when it scores higher.
/// Instances are safe for concurrent use: the one thing made after construction, the query folded, is the same whichever
/// thread makes it.
/// </remarks>
internal sealed class CutNameMatcher
{
    /// <summary>The share of the gap between the review and the match thresholds that a cut name reaches when it holds the whole
    /// listed name but for its last letter.</summary>
    internal const double ScoreShare = 0.5;

    /// <summary>The fewest words of a name read as cut.</summary>
    internal const int MinWords = 2;

    private readonly string _key;
    private readonly List<NameToken> _tokens;
    private readonly string _text;
    private readonly int _length;
    private readonly double _reviewThreshold;
    private readonly double _gap;

    // The name as written, folded (Fold), made when a candidate first needs it: most names read as cut never do.
    private string? _folded;

    private CutNameMatcher(NormalizedName query, string text, int length, double reviewThreshold, double gap)
    {
        _key = query.Key;
        _tokens = query.Tokens;
        _text = text;
        _length = length;
        _reviewThreshold = reviewThreshold;
        _gap = gap;
    }

    /// <summary>Gets a matcher for one query form, or <see langword="null"/> when the name cannot have been cut by a field of
    /// one of the lengths configured (another length, another script, a single word).</summary>
    /// <param name="query">The normalised query form.</param>
    /// <param name="text">The name as written.</param>
    /// <param name="options">The engine options (the lengths and the thresholds).</param>
    /// <returns>The matcher, or <see langword="null"/>.</returns>
    public static CutNameMatcher? For(NormalizedName query, string text, ScreeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var lengths = options.CutNameLengths;
        if (lengths is null || lengths.Count == 0 || query.IsTransliteration || query.Tokens.Count < MinWords)
        {
            return null;
        }

        var length = text.AsSpan().TrimEnd().Length;
        // By position: every party name of every screening passes here, and a loop over the interface would box its enumerator.
        var cutAt = 0;
        for (var i = 0; i < lengths.Count && cutAt == 0; i++)
        {
            cutAt = length == lengths[i] || length == lengths[i] - 1 ? lengths[i] : 0;
        }

        if (cutAt == 0)
        {
            return null;
        }

        var gap = Math.Max(0, options.MatchThreshold - options.ReviewThreshold);
        return new CutNameMatcher(query, text, cutAt, options.ReviewThreshold, gap);
    }

    /// <summary>Gets the start of a word the look-up of candidates cannot find: the query's last word when every word before it
    /// is a legal form ("LIMITED LIABILITY COMPANY STROYGAZM"), so that the names of the words it starts are read as
    /// candidates too (<see cref="CandidateIndex.NamesOfWordsStarting"/>); <see langword="null"/> for any other query, whose
    /// whole words find the names it may start.</summary>
    public string? WordToComplete
    {
        get
        {
            var last = _tokens[^1];
            if (last.Class is not (TokenClass.Word or TokenClass.Generic or TokenClass.Location) || last.Text.Length < 3)
            {
                return null;
            }

            for (var i = 0; i < _tokens.Count - 1; i++)
            {
                if (_tokens[i].Class != TokenClass.LegalForm)
                {
                    return null;
                }
            }

            return last.Text;
        }
    }

    /// <summary>Gets whether a listed name starts with the query and goes on, as normalised or as written.</summary>
    /// <param name="candidate">The candidate name.</param>
    /// <returns>The cut name match, or <see langword="null"/>.</returns>
    public CutNameHit? Match(IndexedName candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var name = candidate.Normalized;
        if (name.IsTransliteration)
        {
            return null;
        }

        var key = name.Key;
        double coverage;
        if (key.Length > _key.Length && key.StartsWith(_key, StringComparison.Ordinal))
        {
            coverage = (double)_key.Length / key.Length;
        }
        else if (!StartsWithWord(key, _tokens[0].Text))
        {
            // The two other readings keep the first word as it is: most candidates are ruled out here, without writing anything.
            return null;
        }
        else if (StartsAsWritten(candidate.Name.Value) is var share and > 0)
        {
            // Written: a cut inside a word the normaliser rewrites (a legal form, "CORPORATI" for "CORPORATION").
            coverage = share;
        }
        else if (CutInLegalForm(name.Tokens) is var kept and > 0)
        {
            // The cut fell inside the legal form, which the list writes another way ("TEHRAN INTERNATIONAL TRANSPORT COMP" for
            // "TEHRAN INTERNATIONAL TRANSPORT CO"): the name before it is the listed name before its legal forms.
            coverage = Math.Min(kept, key.Length - 1) / (double)key.Length;
        }
        else
        {
            return null;
        }

        return new CutNameHit(_reviewThreshold + (_gap * ScoreShare * coverage), coverage);
    }

    // The share of a written name's folded letters that the query holds when the written name, folded (Fold), starts with the
    // query folded and goes on; 0 otherwise. Names in ASCII, nearly all, are read letter by letter without writing anything.
    private double StartsAsWritten(string written)
    {
        if (!Ascii.IsValid(_text) || !Ascii.IsValid(written))
        {
            var folded = _folded ??= Fold(_text);
            var all = Fold(written);
            return all.Length > folded.Length && all.StartsWith(folded, StringComparison.Ordinal) ? (double)folded.Length / all.Length : 0;
        }

        var query = new AsciiFolding(_text);
        var name = new AsciiFolding(written);
        var held = 0;
        while (query.Next() is var q and not '\0')
        {
            if (name.Next() != q)
            {
                return 0;
            }

            held++;
        }

        var length = held;
        while (name.Next() != '\0')
        {
            length++;
        }

        return length > held ? (double)held / length : 0;
    }

    // Reads an ASCII name folded as Fold folds it, a character at a time: letters and digits in lower case, one space for each
    // run of other characters between them; '\0' at the end.
    private ref struct AsciiFolding(string text)
    {
        private readonly string _text = text;
        private int _at;
        private bool _started;
        private bool _space;

        public char Next()
        {
            while (_at < _text.Length)
            {
                var c = _text[_at];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (_space)
                    {
                        _space = false;
                        return ' ';
                    }

                    _at++;
                    _started = true;
                    return char.ToLowerInvariant(c);
                }

                // A run of other characters counts as a space only after a letter or digit (and is written before the next).
                _space = _started;
                _at++;
            }

            return '\0';
        }
    }

    // Whether a key starts with a word (the whole word, not the start of a longer one).
    private static bool StartsWithWord(string key, string word) =>
        key.StartsWith(word, StringComparison.Ordinal) && (key.Length == word.Length || key[word.Length] == ' ');

    // The letters (with the spaces between words) of the listed name that the query holds when the query is the listed name's
    // words but for its legal forms, which end it, followed by the start of a legal form written out; 0 otherwise. The words
    // held include at least one that is not a legal form.
    private int CutInLegalForm(List<NameToken> candidate)
    {
        var query = _tokens;
        var same = 0;
        while (same < query.Count && same < candidate.Count && string.Equals(query[same].Text, candidate[same].Text, StringComparison.Ordinal))
        {
            same++;
        }

        if (same == 0 || same == query.Count || same == candidate.Count)
        {
            return 0;
        }

        var distinctive = false;
        var letters = -1;
        for (var i = 0; i < same; i++)
        {
            distinctive |= candidate[i].Class != TokenClass.LegalForm;
            letters += candidate[i].Text.Length + 1;
        }

        for (var i = same; i < candidate.Count; i++)
        {
            if (candidate[i].Class != TokenClass.LegalForm)
            {
                return 0;
            }
        }

        if (!distinctive)
        {
            return 0;
        }

        var tail = new StringBuilder(query[same].Text);
        for (var i = same + 1; i < query.Count; i++)
        {
            tail.Append(' ').Append(query[i].Text);
        }

        return LegalForms.MayBeCutLegalForm(tail.ToString()) ? letters : 0;
    }

    /// <summary>Explains a cut name match in words.</summary>
    /// <param name="hit">The match.</param>
    /// <param name="matchedName">The listed name.</param>
    /// <returns>The explanation feature.</returns>
    public FeatureScore Explain(CutNameHit hit, string matchedName) =>
        new("cut-name", hit.Coverage, ScoreShare, string.Create(CultureInfo.InvariantCulture,
            $"\"{_text.TrimEnd()}\" may be cut at {_length} characters, the length of a name field, and is how \"{matchedName}\" starts ({hit.Coverage:P0} of it): reported for review, never blocked"));

    // The letters and digits of a name in lower case without accents, every other run of characters one space, trimmed. A lone
    // surrogate (text that is not valid Unicode) is read as a character of neither kind.
    internal static string Fold(string text)
    {
        var plain = NameNormalizer.RemoveDiacritics(text);
        var builder = new StringBuilder(plain.Length);
        var space = false;
        foreach (var c in plain)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }
}
