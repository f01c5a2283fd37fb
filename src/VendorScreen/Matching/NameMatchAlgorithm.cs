using System.Globalization;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Matching;

/// <summary>A name as a matching algorithm reads it: the text as written and one normalised variant of it.</summary>
/// <param name="Text">The name as written (a query value or a listed name); an algorithm that reproduces another tool's score
/// (<c>ofac-parity-v1</c>) reads this.</param>
/// <param name="Normalized">One normalised variant of the name (its own script or a transliteration); token-aligning
/// algorithms read this.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal readonly record struct NameMatchInput(string Text, NormalizedName Normalized);

/// <summary>One rule of a name-matching algorithm: a named feature with its weight, factor or limit.</summary>
/// <param name="Name">The feature name, as it appears in hit explanations where the feature fires.</param>
/// <param name="Kind">How the value acts: <c>weight</c> (a token's share of the score), <c>factor</c> (the score is
/// multiplied by the value), <c>cap</c> (the score is at most the value), <c>similarity</c> (a token pair's similarity),
/// <c>limit</c> (a length or count) or <c>scale</c> (a constant of the formula).</param>
/// <param name="Value">The value.</param>
/// <param name="Rule">What the feature does, in one sentence.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record NameMatchFeature(string Name, string Kind, double Value, string Rule)
{
    /// <summary>Gets the value as written in the documentation table (invariant culture, up to four decimals).</summary>
    public string FormattedValue => Value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>
/// A named, versioned name-matching algorithm: compares a query name with a listed name and returns a score in [0, 1] with
/// a per-feature explanation. The engine's candidate retrieval is the same for every algorithm; the algorithm scores the
/// candidates. Select one with <see cref="ScreeningOptions.Algorithm"/>; the built-in algorithms are listed by
/// <see cref="NameMatchAlgorithms"/>.
/// </summary>
/// <remarks>A change of weights or rules is a new algorithm name, so that an earlier result can be reproduced by naming its
/// algorithm. Instances are immutable and safe for concurrent use.</remarks>
public abstract class NameMatchAlgorithm
{
    private protected NameMatchAlgorithm()
    {
    }

    /// <summary>Gets the algorithm name and version (<c>token-align-v3</c>), reported in every result.</summary>
    public abstract string Name { get; }

    /// <summary>Gets a one-sentence description of the algorithm.</summary>
    public abstract string Summary { get; }

    /// <summary>Gets how the score reads against <see cref="ScreeningOptions.ReviewThreshold"/> and
    /// <see cref="ScreeningOptions.MatchThreshold"/>.</summary>
    public abstract string Thresholds { get; }

    /// <summary>Gets the algorithm's rules: one table of features with their weights, factors and limits, from which its
    /// documentation is written.</summary>
    public abstract IReadOnlyList<NameMatchFeature> Features { get; }

    /// <summary>Compares a query name with a listed name.</summary>
    /// <param name="query">The query name.</param>
    /// <param name="candidate">The listed name.</param>
    /// <param name="statistics">Token rarity in the screened dataset; <see langword="null"/> weighs all tokens of a class alike.
    /// Algorithms that do not weigh by rarity ignore it.</param>
    /// <returns>The comparison: a score in [0, 1] with its explanation.</returns>
    /// <exception cref="ArgumentNullException">A name's text or normalised form is <see langword="null"/>.</exception>
    /// <remarks>Internal: its inputs and output are the normaliser's tokens and the scorer's explanation, which are not public API.
    /// Users select an algorithm by name (<see cref="ScreeningOptions.Algorithm"/>) and read its scores in results.</remarks>
    internal abstract NameComparison Compare(NameMatchInput query, NameMatchInput candidate, ITokenStatistics? statistics = null);

    /// <summary>Scores a query name against a listed name as <see cref="Compare"/> does, without writing the explanation: what
    /// screening reads of each candidate, as a value. <see cref="NameScore.ToComparison"/> gives the comparison.</summary>
    /// <param name="query">The query name.</param>
    /// <param name="candidate">The listed name.</param>
    /// <param name="statistics">Token rarity in the screened dataset; <see langword="null"/> weighs all tokens of a class alike.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentNullException">A name's text or normalised form is <see langword="null"/>.</exception>
    internal virtual NameScore Score(NameMatchInput query, NameMatchInput candidate, ITokenStatistics? statistics = null) =>
        NameScore.Of(Compare(query, candidate, statistics));

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>The built-in name-matching algorithms, by name.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
public static class NameMatchAlgorithms
{
    /// <summary>The name of the algorithm used when <see cref="ScreeningOptions.Algorithm"/> is not set.</summary>
    public const string DefaultName = TokenAlignV5Name;

    /// <summary>The name of the token-alignment scorer, version 5 (the default rules): version 4, names one letter apart over
    /// their whole length score at least that letter's share of the name below 1, and a person's name written with parts left out
    /// scores at least a share of what its kept parts score.</summary>
    public const string TokenAlignV5Name = "token-align-v5";

    /// <summary>The name of the token-alignment scorer, version 4, kept so that earlier results stay reproducible.</summary>
    public const string TokenAlignV4Name = "token-align-v4";

    /// <summary>The name of the token-alignment scorer, version 3 (the rules released with 0.2), kept so that earlier results
    /// stay reproducible.</summary>
    public const string TokenAlignV3Name = "token-align-v3";

    /// <summary>The name of the OFAC Sanctions List Search parity scorer on the engine's 0 to 1 scale.</summary>
    public const string OfacParityV1Name = "ofac-parity-v1";

    // One line per algorithm. The names are unique, compared ignoring case.
    private static readonly NameMatchAlgorithm[] Registered =
    [
        new TokenAlignAlgorithm(TokenAlignV5Name, NameScoringRules.V5),
        new TokenAlignAlgorithm(TokenAlignV4Name, NameScoringRules.V4),
        new TokenAlignAlgorithm(TokenAlignV3Name, NameScoringRules.V3),
        new OfacParityAlgorithm(OfacParityV1Name),
    ];

    /// <summary>Gets every built-in algorithm, the default first.</summary>
    public static IReadOnlyList<NameMatchAlgorithm> All { get; } =
        [.. Registered.Where(a => a.Name == DefaultName), .. Registered.Where(a => a.Name != DefaultName)];

    /// <summary>Gets the names of the built-in algorithms, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>Gets the default algorithm.</summary>
    public static NameMatchAlgorithm Default { get; } = All[0];

    /// <summary>Finds a built-in algorithm by name, ignoring case and surrounding spaces.</summary>
    /// <param name="name">The name, such as <c>token-align-v3</c>; <see langword="null"/> or empty for the default.</param>
    /// <returns>The algorithm, or <see langword="null"/> when no built-in algorithm has that name.</returns>
    public static NameMatchAlgorithm? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Default;
        }

        var trimmed = name.Trim();
        foreach (var algorithm in Registered)
        {
            if (string.Equals(algorithm.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return algorithm;
            }
        }

        return null;
    }

    /// <summary>Gets a built-in algorithm by name, ignoring case and surrounding spaces.</summary>
    /// <param name="name">The name; <see langword="null"/> or empty for the default.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="ArgumentException">No built-in algorithm has that name; the message lists the known names.</exception>
    public static NameMatchAlgorithm Get(string? name) =>
        Find(name) ?? throw new ArgumentException(DescribeUnknown(name), nameof(name));

    /// <summary>Describes an unknown algorithm name, listing the known ones.</summary>
    /// <param name="name">The unknown name.</param>
    /// <returns>The message.</returns>
    internal static string DescribeUnknown(string? name) =>
        $"Algorithm (\"{name}\") is not a known name-matching algorithm; known: {string.Join(", ", Names)}.";
}

/// <summary>
/// The token-alignment algorithms (<see cref="NameScorer"/>): tokens aligned one to one, weighed by class and rarity, a weighted
/// Dice score, and penalties as factors.
/// </summary>
internal sealed class TokenAlignAlgorithm : NameMatchAlgorithm
{
    private readonly NameScoringRules _rules;
    private readonly NameScoringRules _withoutGivenNames;
    private readonly NameScoringRules _withoutPartsLeftOut;
    private readonly NameScoringRules _withoutEither;

    public TokenAlignAlgorithm(string name, NameScoringRules rules)
    {
        Name = name;
        _rules = rules;
        _withoutGivenNames = rules with { GivenNameSimilarity = 0 };
        _withoutPartsLeftOut = rules with { PartsLeftOutFactor = 0 };
        _withoutEither = _withoutGivenNames with { PartsLeftOutFactor = 0 };
        Features = RuleFeatures(rules);
    }

    public override string Name { get; }

    public override string Summary =>
        "Aligns the tokens of the two normalised names one to one (exactly, within an edit budget, joined, as initials or acronyms, by sound across " +
        "scripts), weighs each token by its class and its rarity in the screened lists, and scores the weighted share of tokens aligned on both " +
        "sides (a weighted Dice coefficient), multiplied by the penalty factors that apply.";

    public override string Thresholds =>
        "The score is the weighted share of the two names' tokens that align, 1 for the same tokens. Legal forms, generic words and places " +
        "weigh little, so a name that differs from the listed one only in those stays close to 1; a distinctive word misspelt, missing or " +
        "replaced lowers the score by its weight and by the factors that apply. ReviewThreshold and MatchThreshold apply to this score as is.";

    public override IReadOnlyList<NameMatchFeature> Features { get; }

    /// <summary>The feature table of a rule set, one row per rule of <see cref="NameScoringRules.Table"/>.</summary>
    public static IReadOnlyList<NameMatchFeature> RuleFeatures(NameScoringRules rules) =>
        [.. rules.Table().Select(r => new NameMatchFeature(r.Feature, r.Kind, r.Value, r.Description))];

    internal override NameComparison Compare(NameMatchInput query, NameMatchInput candidate, ITokenStatistics? statistics = null) =>
        Score(query, candidate, statistics).ToComparison(query.Normalized, candidate.Normalized, statistics);

    internal override NameScore Score(NameMatchInput query, NameMatchInput candidate, ITokenStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(query.Normalized, nameof(query));
        ArgumentNullException.ThrowIfNull(candidate.Normalized, nameof(candidate));
        var rules = _rules;
        var score = NameScorer.Score(query.Normalized, candidate.Normalized, statistics, rules);

        // A given-name equivalent found by reading a name surname first holds only when that name is written surname first, with a
        // comma ("DOE, Theodore"): "WILSON JOSEPH" is Wilson Joseph, whose surname is not that of "Joe Wilson".
        if (score.GivenNameSurnameFirst != SpellingVariant.None
            && (((score.GivenNameSurnameFirst & SpellingVariant.QuerySurnameFirst) != 0 && !WrittenSurnameFirst(query.Text))
                || ((score.GivenNameSurnameFirst & SpellingVariant.CandidateSurnameFirst) != 0 && !WrittenSurnameFirst(candidate.Text))))
        {
            rules = _withoutGivenNames;
            score = NameScorer.Score(query.Normalized, candidate.Normalized, statistics, rules);
        }

        // parts-left-out keeps the longer name's first part. In a name written surname first ("ARELLANO FELIX, Ramon Eduardo") that
        // part is the surname, and a name that keeps nothing after the comma is the surname alone: a partial name, which the engine
        // reviews by its own rule (weighed by the rarity of the surname), not a name with parts left out.
        if (score.PartsLeftOutLastKept >= 0
            && KeepsOnlySurname(score.PartsLeftOutQueryShorter ? candidate.Text : query.Text, score.PartsLeftOutLastKept))
        {
            return NameScorer.Score(query.Normalized, candidate.Normalized, statistics, ReferenceEquals(rules, _rules) ? _withoutPartsLeftOut : _withoutEither);
        }

        return score;
    }

    // Gets whether a name is written "SURNAME, Given names": a comma after its first letters.
    private static bool WrittenSurnameFirst(string? text)
    {
        var comma = text?.IndexOf(',', StringComparison.Ordinal) ?? -1;
        return comma > 0 && text!.AsSpan(0, comma).ContainsAnyExcept(' ') && text.AsSpan(comma + 1).ContainsAnyExcept(' ', ',');
    }

    // Gets whether a name written "SURNAME, Given names" has its tokens up to lastKept (the parts kept of it) all in the surname.
    private static bool KeepsOnlySurname(string? text, int lastKept)
    {
        var comma = text?.IndexOf(',', StringComparison.Ordinal) ?? -1;
        if (comma <= 0)
        {
            return false;
        }

        var surname = NameNormalizer.Normalize(text![..comma]);
        return surname.Count > 0 && lastKept < surname[0].Tokens.Count;
    }
}

/// <summary>
/// The OFAC Sanctions List Search parity algorithm (<see cref="OfacParityScorer"/>) on the engine's scale: its 0 to 100 score
/// divided by 100. It reads the names as written (it neither normalises nor transliterates, as the OFAC tool does not).
/// </summary>
internal sealed class OfacParityAlgorithm(string name) : NameMatchAlgorithm
{
    public override string Name { get; } = name;

    public override string Summary =>
        "Reproduces the name score of the OFAC Sanctions List Search tool (OFAC FAQ 249): the higher of a whole-string Jaro-Winkler similarity and " +
        "the mean of each query name part's best Jaro-Winkler similarity against the listed name's parts, rounded to whole points (0 to 100) and " +
        "divided by 100. Names are read as written: no legal-form rewriting, no rarity, no transliteration.";

    public override string Thresholds =>
        "A score s is the OFAC tool's score 100 x s, so a threshold reads as the tool's minimum-score slider: the default ReviewThreshold 0.80 " +
        "reports what the tool shows at slider 80, MatchThreshold 0.92 blocks at 92 points and above. Jaro-Winkler rates unrelated names higher " +
        "than token alignment does (two names sharing a first letter and a few letters score 0.70 to 0.85), so expect more Review hits than with " +
        "token-align at the same thresholds.";

    public override IReadOnlyList<NameMatchFeature> Features { get; } =
    [
        new("whole-string", "similarity", 1, "Jaro-Winkler over the name parts joined by single spaces, only when both names begin with the same letter (0 otherwise)."),
        new("winkler-prefix", "limit", 4, "The Winkler bonus counts at most this many leading characters in common."),
        new("winkler-scale", "scale", 0.1, "The Winkler bonus per common leading character, applied whatever the Jaro similarity."),
        new("name-part", "similarity", 1, "Each query part takes its best Jaro-Winkler similarity against any listed part; the composite is their mean."),
        new("part-floor", "limit", OfacParityScorer.PartFloor, "A query part whose best similarity is below this counts as 0."),
        new("short-part", "limit", OfacParityScorer.ShortPartLength, "Query parts of this many characters or fewer are ignored unless nothing else is left."),
        new("ofac-parity", "scale", 0.01, "The score is the higher of whole-string and name-part, rounded to whole points (0 to 100), times this."),
    ];

    internal override NameComparison Compare(NameMatchInput query, NameMatchInput candidate, ITokenStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(query.Text, nameof(query));
        ArgumentNullException.ThrowIfNull(candidate.Text, nameof(candidate));
        ArgumentNullException.ThrowIfNull(query.Normalized, nameof(query));
        ArgumentNullException.ThrowIfNull(candidate.Normalized, nameof(candidate));
        var comparison = OfacParityScorer.Compare(query.Text, candidate.Text);
        var score = comparison.Score / 100.0;
        var features = new FeatureScore[]
        {
            new("ofac-parity", score, 1, string.Create(CultureInfo.InvariantCulture, $"OFAC score {comparison.Score}: {comparison.Explanation}")),
        };

        // Whether the listed name is contained in the query, and the query's extra words only qualify it, are facts about the
        // tokens, not the score: the engine reads them to find a name inside a product title or a name with "Inc." added.
        var (contained, qualifiersOnly) = Containment(query.Normalized.Tokens, candidate.Normalized.Tokens);
        return new NameComparison(score, features, contained, qualifiersOnly);
    }

    /// <summary>Gets whether every distinctive token of the candidate is in the query (legal forms may be missing), and whether
    /// every query token not in the candidate only qualifies a name.</summary>
    internal static (bool Contained, bool QualifiersOnly) Containment(List<NameToken> query, List<NameToken> candidate)
    {
        var queryTexts = new HashSet<string>(query.Select(t => t.Text), StringComparer.Ordinal);
        var distinctive = candidate.Any(t => t.Class is TokenClass.Word or TokenClass.Number or TokenClass.Ideograph);
        var contained = distinctive && candidate.All(t => t.Class == TokenClass.LegalForm || queryTexts.Contains(t.Text));
        return (contained, LegalForms.OnlyQualifiersAdded(query, candidate));
    }
}
