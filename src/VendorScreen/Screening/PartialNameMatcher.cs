using System.Globalization;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Screening;

/// <summary>What a partial name match found: the kind of part, its score and how many entities carry it.</summary>
/// <param name="Part">The kind of part: <c>surname</c>, <c>nickname</c> or <c>distinctive word</c>.</param>
/// <param name="Score">The score in [<see cref="ScreeningOptions.ReviewThreshold"/>, <see cref="ScreeningOptions.MatchThreshold"/>).</param>
/// <param name="Rarity">The rarity of the part over all loaded names, in (0, 1].</param>
/// <param name="EntityCount">How many loaded entities carry the part in one of their names.</param>
internal sealed record PartialNameHit(string Part, double Score, double Rarity, int EntityCount);

/// <summary>
/// Finds a query that is a rare, distinctive part of a listed name, as an analyst searches a list: a rare surname alone
/// ("ARELLANO FELIX" for "ARELLANO FELIX, Ramon Eduardo"), the distinctive word of an organisation ("MASKAN" for "BANK MASKAN"),
/// a nickname without its article ("Mayo" for "ZAMBADA, El Mayo").
/// </summary>
/// <remarks>
/// A partial match is only looked for when the name scorer found no match, and the default policy decides it as Review, never
/// Block. It holds only when all of these hold:
/// <list type="bullet">
/// <item>the query is one to <see cref="MaxQueryTokens"/> Latin-script words, without a legal form or a title (a query with a
/// legal form names a whole company, not a part of one), with at least one ordinary word of <see cref="MinWordLength"/> or more
/// letters that is not an article;</item>
/// <item>the query's words, in order and adjacent, are carried by the names of at most <see cref="MaxEntities"/> loaded entities
/// (document frequency over all loaded names): common words, common surnames and given names fail here;</item>
/// <item>the query's words appear, in order and adjacent, inside the candidate name, which has further words;</item>
/// <item>for a person, the words lie in the surname (the part before the comma of "SURNAME, Given names"), or in a nickname that
/// starts with an article ("El Mayo"), never in the given names; a person's name without a comma only matches partly when it
/// is such a nickname; for an organisation, the query holds every distinctive word of the name (each word it lacks is common
/// in the loaded names, or has at most three letters), and a one-word query has at least <see cref="MinOrganizationWordLength"/>
/// letters; vessels and aircraft never match partly.</item>
/// </list>
/// The score lies between the review and the match thresholds and rises with the rarity of the part.
/// Instances are immutable and safe for concurrent use.
/// </remarks>
internal sealed class PartialNameMatcher
{
    /// <summary>The most loaded entities whose names may carry the query for it to count as distinctive.</summary>
    internal const int MaxEntities = 10;

    /// <summary>The most words a partial query has.</summary>
    internal const int MaxQueryTokens = 3;

    /// <summary>The fewest letters of the query's longest ordinary word.</summary>
    internal const int MinWordLength = 4;

    /// <summary>The fewest letters of a one-word query that is to be the distinctive word of an organisation: short words
    /// ("GOLD", "STAR") are ordinary words far more often than the rarity in a list can tell.</summary>
    internal const int MinOrganizationWordLength = 5;

    /// <summary>The share of the gap between the review and the match thresholds that the rarest part reaches.</summary>
    internal const double ScoreShare = 0.5;

    // Articles that start a nickname ("El Mayo", "La Senora", "The Chess Player"); "el" is folded to "al" by the normaliser.
    private static readonly string[] Articles = ["al", "la", "las", "los", "lo", "le", "les", "il", "the"];

    private readonly List<NameToken> _query;
    private readonly string _text;
    private readonly double _score;
    private readonly double _rarity;
    private readonly int _entityCount;

    private PartialNameMatcher(List<NameToken> query, string text, double score, double rarity, int entityCount)
    {
        _query = query;
        _text = text;
        _score = score;
        _rarity = rarity;
        _entityCount = entityCount;
    }

    /// <summary>Gets a matcher for one query variant, or <see langword="null"/> when the query cannot be a distinctive part of
    /// a name (too long, a legal form, only common or short words, carried by too many entities).</summary>
    /// <param name="query">The normalised query variant.</param>
    /// <param name="text">The query as written, for explanations.</param>
    /// <param name="index">The candidate index (the document frequencies of all loaded names).</param>
    /// <param name="options">The engine options (thresholds).</param>
    /// <returns>The matcher, or <see langword="null"/>.</returns>
    public static PartialNameMatcher? For(NormalizedName query, string text, CandidateIndex index, ScreeningOptions options)
    {
        var tokens = query.Tokens;
        if (query.IsTransliteration || tokens.Count is 0 or > MaxQueryTokens)
        {
            return null;
        }

        if (tokens.Any(t => t.Class is TokenClass.LegalForm or TokenClass.Title or TokenClass.Ideograph)
            || !tokens.Any(t => t.Class == TokenClass.Word && t.Text.Length >= MinWordLength && !IsArticle(t.Text) && HasLetter(t.Text)))
        {
            return null;
        }

        var key = Joined(tokens);
        var entities = index.EntityFrequency(key, MaxEntities + 1);
        if (entities is 0 or > MaxEntities)
        {
            return null;
        }

        var rarity = index.Rarity(key);
        var gap = Math.Max(0, options.MatchThreshold - options.ReviewThreshold);
        var score = options.ReviewThreshold + (gap * ScoreShare * rarity);
        return new PartialNameMatcher(tokens, text, Math.Min(score, 1), rarity, entities);
    }

    private static bool HasLetter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    // The texts of the tokens joined without spaces: the key of a joined name.
    private static string Joined(List<NameToken> tokens)
    {
        if (tokens.Count == 1)
        {
            return tokens[0].Text;
        }

        var length = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Text.Length;
        }

        return string.Create(length, tokens, static (span, tokens) =>
        {
            var at = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                tokens[i].Text.CopyTo(span[at..]);
                at += tokens[i].Text.Length;
            }
        });
    }

    /// <summary>Gets whether the query is a distinctive part of a candidate name.</summary>
    /// <param name="candidate">The candidate name.</param>
    /// <param name="entity">The candidate's entity.</param>
    /// <param name="index">The candidate index (the document frequencies of all loaded names).</param>
    /// <returns>The partial match, or <see langword="null"/>.</returns>
    public PartialNameHit? Match(IndexedName candidate, Entity entity, CandidateIndex index)
    {
        var name = candidate.Normalized;
        var tokens = name.Tokens;
        if (name.IsTransliteration || tokens.Count <= _query.Count)
        {
            return null;
        }

        var at = Find(tokens);
        if (at < 0)
        {
            return null;
        }

        string? part = entity.Kind switch
        {
            EntityKind.Person => PersonPart(candidate.Name.Value, tokens, at),
            EntityKind.Organization or EntityKind.Government or EntityKind.Brand or EntityKind.Unknown =>
                (_query.Count > 1 || _query[0].Text.Length >= MinOrganizationWordLength) && LacksOnlyCommonWords(tokens, at, index) ? "distinctive word" : null,
            _ => null,
        };
        return part is null ? null : new PartialNameHit(part, _score, _rarity, _entityCount);
    }

    /// <summary>Explains a partial match in words.</summary>
    /// <param name="hit">The partial match.</param>
    /// <param name="matchedName">The name it was found in.</param>
    /// <returns>The explanation feature.</returns>
    public FeatureScore Explain(PartialNameHit hit, string matchedName) =>
        new("partial", hit.Rarity, ScoreShare, string.Create(CultureInfo.InvariantCulture,
            $"\"{_text}\" is only part of \"{matchedName}\": a rare {hit.Part} (in the names of {hit.EntityCount} loaded {(hit.EntityCount == 1 ? "entity" : "entities")}, rarity {hit.Rarity:0.00}); reported for review, never blocked"));

    // The query holds the distinctive words of an organisation's name: every word it lacks is common in the loaded names (carried
    // by more than MaxEntities entities, as "BANK" in "BANK MASKAN"), or a short word of up to three letters ("AUM" in "AUM
    // SHINRIKYO"). "ORANGE" is not the distinctive part of "ORANGE VOLUNTEERS", whose second word is as rare as the first.
    private bool LacksOnlyCommonWords(List<NameToken> tokens, int at, CandidateIndex index)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if ((i < at || i >= at + _query.Count) && (t.Class == TokenClass.Number || (t.Class == TokenClass.Word && t.Text.Length >= MinWordLength))
                && index.EntityFrequency(t.Text, MaxEntities + 1) <= MaxEntities)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsArticle(string token) => Articles.Contains(token, StringComparer.Ordinal);

    // The part of a person's name the query lies in: the surname, or a nickname that starts with an article.
    private string? PersonPart(string value, List<NameToken> tokens, int at)
    {
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0)
        {
            // A nickname written whole ("EL CHUCHO"): the query is the rest after the article.
            return IsArticle(tokens[0].Text) && tokens.Count <= MaxQueryTokens + 1 && (at > 0 || _query.Count > 1) ? "nickname" : null;
        }

        var surname = NameNormalizer.Normalize(value[..comma]).FirstOrDefault(v => !v.IsTransliteration)?.Tokens.Count ?? 0;
        if (surname == 0 || surname >= tokens.Count)
        {
            return null;
        }

        if (at + _query.Count <= surname)
        {
            return "surname";
        }

        // "ZAMBADA, El Mayo": the part after the comma is a nickname, not given names.
        return at >= surname && IsArticle(tokens[surname].Text) && (at > surname || _query.Count > 1) ? "nickname" : null;
    }

    private int Find(List<NameToken> tokens)
    {
        for (var i = 0; i + _query.Count <= tokens.Count; i++)
        {
            var all = true;
            for (var k = 0; k < _query.Count && all; k++)
            {
                all = string.Equals(tokens[i + k].Text, _query[k].Text, StringComparison.Ordinal);
            }

            if (all)
            {
                return i;
            }
        }

        return -1;
    }
}
