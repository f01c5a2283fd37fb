namespace VendorScreen;

/// <summary>The outcome of screening one request, with the evidence behind it.</summary>
/// <remarks>Instances are immutable and safe for concurrent use. Record equality compares collections by reference.</remarks>
public sealed record ScreeningResult
{
    /// <summary>Gets the caller's request id, if it gave one.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the request that was screened, so that a stored result is evidence on its own (what was asked, what was
    /// found, against which dataset, under which policy). Set by the engine; serialised with its <c>type</c> (see
    /// <see cref="VendorScreenJsonContext"/>).</summary>
    public ScreeningRequest? Request { get; init; }

    /// <summary>Gets the decision.</summary>
    public required ScreeningDecision Decision { get; init; }

    /// <summary>Gets the hits, strongest first. Empty for a clean <see cref="ScreeningDecision.Clear"/>.</summary>
    public IReadOnlyList<ScreeningHit> Hits { get; init; } = [];

    /// <summary>Gets the hits that analysts' false-positive dispositions suppressed (see <see cref="ScreeningDisposition"/>), each with
    /// the disposition; they no longer count for <see cref="Decision"/>. Empty when no disposition applied.</summary>
    public IReadOnlyList<SuppressedHit> Suppressed { get; init; } = [];

    /// <summary>Gets the name of the rule that decided, or <see langword="null"/> for <see cref="ScreeningDecision.Clear"/>.</summary>
    public string? DecidingRule { get; init; }

    /// <summary>Gets a one-line human-readable reason for the decision.</summary>
    /// <remarks>The reason of a result the engine screened is written when it is first read (from any thread; it reads the same
    /// string every time), from the deciding hit's field, query and reason, which the result holds anyway.</remarks>
    public required string Reason
    {
        get => DeferredText.ValueOf(_reason)!;
        init => _reason = DeferredText.Of(value);
    }

    // The reason, written when first read.
    private DeferredText? _reason;

    /// <summary>Sets the reason as a text written when first read.</summary>
    internal DeferredText DeferredReason
    {
        init => _reason = value;
    }

    /// <summary>Gets the date at which relations and listings were evaluated.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>Gets the version of the dataset screened against.</summary>
    public required string DatasetVersion { get; init; }

    /// <summary>Gets the name and version of the scoring algorithm.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Gets the name of the policy that decided.</summary>
    public required string Policy { get; init; }

    /// <summary>Gets when the screening ran.</summary>
    public DateTimeOffset ScreenedAt { get; init; }

    /// <summary>Gets the state of every configured source; any unusable source makes the decision <see cref="ScreeningDecision.Incomplete"/>.</summary>
    public IReadOnlyList<SourceStatus> Sources { get; init; } = [];

    /// <summary>Gets what the screening could not read in the request, each note naming the field and its value: such a value was
    /// not screened, and the decision rests on the other fields (an FCC ID too short to hold a grantee code: <c>fcc_id "2ADT" ...</c>;
    /// a party's country that is neither an ISO 3166-1 code nor a known country name: <c>country "Narnia" ...</c>). Empty when
    /// every value given was read.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Throws when the decision is <see cref="ScreeningDecision.Block"/> or <see cref="ScreeningDecision.Incomplete"/>.</summary>
    /// <returns>This result, for chaining.</returns>
    /// <exception cref="ScreeningBlockedException">The decision is <see cref="ScreeningDecision.Block"/> or <see cref="ScreeningDecision.Incomplete"/>.</exception>
    public ScreeningResult EnsureNotBlocked() =>
        Decision is ScreeningDecision.Block or ScreeningDecision.Incomplete ? throw new ScreeningBlockedException(this) : this;
}

/// <summary>One piece of evidence: a query field matched an entity, which is, or is tied to, a listed entity.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ScreeningHit
{
    /// <summary>Gets the request field that matched (<c>name</c>, <c>brand</c>, <c>manufacturer</c>, <c>seller</c>, <c>title</c>, <c>model</c>, <c>fcc_id</c>, <c>alias</c>, <c>identifier</c>).</summary>
    public required string Field { get; init; }

    /// <summary>Gets the value of the request field.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the id of the matched entity.</summary>
    public required string EntityId { get; init; }

    /// <summary>Gets the primary name of the matched entity.</summary>
    public required string EntityName { get; init; }

    /// <summary>Gets the name (or identifier) of the entity that matched.</summary>
    public required string MatchedName { get; init; }

    /// <summary>Gets the kind of the matched name, or <see langword="null"/> when an identifier matched.</summary>
    public NameKind? MatchedNameKind { get; init; }

    /// <summary>Gets the match score in [0, 1].</summary>
    public double Score { get; init; }

    /// <summary>Gets the per-feature explanation of the score. The shape of explanations carries no stability guarantee.</summary>
    /// <remarks>The explanation of a name match is written when it is first read (from any thread; it reads the same every time),
    /// so that a result whose explanation is never read does not pay for it.</remarks>
    public IReadOnlyList<FeatureScore> Features { get; init; } = [];

    /// <summary>Gets the id of the listed entity that the matched entity leads to (the same entity when it is listed itself).</summary>
    public required string ListedEntityId { get; init; }

    /// <summary>Gets the primary name of the listed entity.</summary>
    public required string ListedEntityName { get; init; }

    /// <summary>Gets the relations from the matched entity to the listed entity; empty when it is listed itself.</summary>
    public IReadOnlyList<PathStep> Path { get; init; } = [];

    /// <summary>Gets the listings of the listed entity that apply at the as-of date.</summary>
    public IReadOnlyList<Listing> Listings { get; init; } = [];

    /// <summary>Gets the decision this hit alone leads to under the policy.</summary>
    public ScreeningDecision Decision { get; init; }

    /// <summary>Gets the policy rule that gave <see cref="Decision"/>.</summary>
    public string? Rule { get; init; }

    /// <summary>Gets a human-readable reason for <see cref="Decision"/>.</summary>
    /// <remarks>The reason the built-in policies give is written when it is first read (from any thread; it reads the same string
    /// every time), from the names, list ids and relations of the hit.</remarks>
    public string? Reason
    {
        get => DeferredText.ValueOf(_reason);
        init => _reason = DeferredText.Of(value);
    }

    // The reason, written when first read.
    private DeferredText? _reason;

    /// <summary>Gets or sets the reason as a text written when first read.</summary>
    internal DeferredText? DeferredReason
    {
        get => _reason;
        init => _reason = value;
    }

    /// <summary>Gets what fired and how well it is supported: the kind of evidence, the confidence of the weakest fact on the way
    /// and the source of the fact that ties the match to the listed entity.</summary>
    public MatchEvidence? Evidence { get; init; }

    /// <summary>Gets, for a hit an ownership rule decided (the OFAC 50% rule, an affiliate share), the shares added up: the sum,
    /// the threshold and every term with its chain; <see langword="null"/> otherwise.</summary>
    public OwnershipSum? Ownership { get; init; }
}

/// <summary>The evidence behind a hit, for an analyst to judge it: which kind of evidence fired, the confidence of the weakest fact
/// from the query to the listed entity, and the source URL of the fact that ties them.</summary>
/// <param name="Kind">What fired: <see cref="Name"/>, <see cref="TitleMention"/>, <see cref="FccGranteeCode"/>,
/// <see cref="ModelPrefix"/> or <see cref="Identifier"/>.</param>
/// <param name="Confidence">The lowest confidence among the matched name or identifier and the relations on the path.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record MatchEvidence(string Kind, FactConfidence Confidence)
{
    /// <summary>A name in a name field (brand, manufacturer, seller, a party's name or alias).</summary>
    public const string Name = "name";

    /// <summary>A name found inside a listing title.</summary>
    public const string TitleMention = "title-mention";

    /// <summary>The grantee code of an FCC ID.</summary>
    public const string FccGranteeCode = "fcc-grantee-code";

    /// <summary>A model-number prefix, in the model field or a model number written in the title.</summary>
    public const string ModelPrefix = "model-prefix";

    /// <summary>An identifier of a party (LEI, stock code, ...).</summary>
    public const string Identifier = "identifier";

    /// <summary>Gets the source URL of the fact that ties the match to the listed entity: the identifier that fired, else the
    /// relabel or OEM relation on the path, else its weakest relation, else the listing.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Gets the product categories the request was read as (<see cref="ProductCategories"/>); empty for a party or a
    /// product of unknown category.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>One relation on the path from a matched entity to a listed one.</summary>
/// <param name="FromId">The entity the step leaves.</param>
/// <param name="FromName">Its primary name.</param>
/// <param name="Kind">The relation kind.</param>
/// <param name="ToId">The entity the step reaches.</param>
/// <param name="ToName">Its primary name.</param>
/// <param name="Relation">The relation with its dates, confidence and source.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record PathStep(string FromId, string FromName, RelationKind Kind, string ToId, string ToName, Relation Relation);

/// <summary>One feature's contribution to a score.</summary>
/// <param name="Feature">The feature name, such as <c>token-alignment</c> or <c>legal-form</c>.</param>
/// <param name="Score">The feature's score in [0, 1] (or a signed adjustment for qualifiers).</param>
/// <param name="Weight">The weight the feature carries.</param>
/// <param name="Detail">What matched, in words.</param>
/// <remarks>Instances are immutable and safe for concurrent use. The explanation shape carries no stability guarantee.</remarks>
public sealed record FeatureScore(string Feature, double Score, double Weight, string Detail);

/// <summary>The results of a batch, in request order.</summary>
/// <param name="Results">One result per request.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ScreeningBatchResult(IReadOnlyList<ScreeningResult> Results)
{
    /// <summary>Gets the most severe decision in the batch (<see cref="ScreeningDecision.Incomplete"/> &gt; <see cref="ScreeningDecision.Block"/> &gt; <see cref="ScreeningDecision.Review"/> &gt; <see cref="ScreeningDecision.Clear"/>).</summary>
    public ScreeningDecision MostSevere => Results.Count == 0 ? ScreeningDecision.Clear : Results.Max(r => r.Decision);
}
