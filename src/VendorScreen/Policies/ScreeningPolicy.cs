namespace VendorScreen.Policies;

/// <summary>One piece of evidence for a policy to judge: a request field matched an entity that is, or leads to, a listed entity.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record HitEvidence
{
    /// <summary>Gets the request field (<c>name</c>, <c>brand</c>, <c>title</c>, <c>fcc_id</c>, ...).</summary>
    public required string Field { get; init; }

    /// <summary>Gets the name match score in [0, 1] (1 for an identifier match).</summary>
    public required double Score { get; init; }

    /// <summary>Gets whether a party identifier (LEI, stock code, ...) matched exactly.</summary>
    public bool ExactIdentifier { get; init; }

    /// <summary>Gets whether the evidence is a product identifier of a maker: an FCC grantee code or a model prefix (relabel/OEM evidence).</summary>
    public bool ProductIdentifier { get; init; }

    /// <summary>Gets the product identifier scheme when <see cref="ProductIdentifier"/> is set.</summary>
    public string? IdentifierScheme { get; init; }

    /// <summary>Gets whether the entity's name was only found inside a longer query text (a storefront name, a listing title).</summary>
    public bool Mention { get; init; }

    /// <summary>Gets whether the mention reads as an accessory or compatibility claim ("compatible with", "for", "replacement").</summary>
    public bool AccessoryMention { get; init; }

    /// <summary>Gets whether the mention is of a whole name of two words or more (legal forms aside), word for word, inside a
    /// party's name with other words: "SHIRAZ ELECTRONICS INDUSTRIES (OLD)", "... DBA ...", "... C/O ...", as vendor masters write
    /// a supplier. The default policy reviews it against any list, where a mention of another name counts against procurement
    /// prohibitions only. Never set for a listing's title.</summary>
    public bool WholeNameMention { get; init; }

    /// <summary>Gets whether the query is only a rare, distinctive part of the matched name (a surname alone, the distinctive word
    /// of an organisation, a nickname without its article): evidence for review, not for a block.</summary>
    public bool Partial { get; init; }

    /// <summary>Gets the kind of the matched name, if a name matched.</summary>
    public NameKind? MatchedNameKind { get; init; }

    /// <summary>Gets the confidence of the matched name or identifier.</summary>
    public FactConfidence MatchedConfidence { get; init; }

    /// <summary>Gets the matched entity.</summary>
    public required Entity MatchedEntity { get; init; }

    /// <summary>Gets the listed entity the path reaches (the matched entity when it is listed itself).</summary>
    public required Entity ListedEntity { get; init; }

    /// <summary>Gets the relations from the matched entity to the listed entity.</summary>
    public IReadOnlyList<Relation> Path { get; init; } = [];

    /// <summary>Gets the listings of the listed entity that apply at <see cref="AsOf"/>, with their list definitions.</summary>
    public required IReadOnlyList<(Listing Listing, ListDefinition List)> Listings { get; init; }

    /// <summary>Gets the date of evaluation.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>Gets every chain of ownership relations, valid at <see cref="AsOf"/>, from the entity where the ownership relations
    /// of <see cref="Path"/> start (the matched entity, or the entity a brand or subsidiary relation leads to first) up to a listed
    /// owner or an owner blocked by the 50% rule; empty when the path has no ownership relation. Precomputed per dataset generation.</summary>
    public IReadOnlyList<OwnershipTerm> Ownership { get; init; } = [];

    /// <summary>Gets the limit that cut the walk of <see cref="Ownership"/> short, or <see langword="null"/>.</summary>
    public string? OwnershipLimitReached { get; init; }
}

/// <summary>What a policy says of one hit.</summary>
/// <param name="Decision">The decision for the hit; <see cref="ScreeningDecision.Clear"/> drops it.</param>
/// <param name="Rule">The rule name.</param>
/// <param name="Reason">A one-line reason.</param>
/// <param name="Lists">The list ids that the decision rests on.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record PolicyVerdict(ScreeningDecision Decision, string Rule, string Reason, IReadOnlyList<string> Lists)
{
    // The reason, written when first read.
    private DeferredText? _reason = DeferredText.Of(Reason);

    /// <summary>Initializes a new instance of the <see cref="PolicyVerdict"/> class whose reason is written when first read.</summary>
    internal PolicyVerdict(ScreeningDecision decision, string rule, DeferredText reason, IReadOnlyList<string> lists)
        : this(decision, rule, (string)null!, lists)
    {
        _reason = reason;
    }

    /// <summary>Gets a one-line reason.</summary>
    /// <remarks>The reasons of the built-in policies are written when first read (from any thread; the same string every time),
    /// from the names, list ids and relations of the hit.</remarks>
    public string Reason
    {
        get => DeferredText.ValueOf(_reason)!;
        init => _reason = DeferredText.Of(value);
    }

    /// <summary>Gets the reason as a text written when first read.</summary>
    internal DeferredText? DeferredReason => _reason;

    /// <summary>Gets the ownership an aggregate rule added up, with its terms, or <see langword="null"/>.</summary>
    public OwnershipSum? Ownership { get; init; }

    /// <summary>Gets a verdict that drops the hit.</summary>
    public static PolicyVerdict None { get; } = new(ScreeningDecision.Clear, "none", "no rule applies", []);
}

/// <summary>The arguments a policy judges a hit with.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public readonly struct PolicyArguments
{
    /// <summary>Initializes a new instance of the <see cref="PolicyArguments"/> struct.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="options">The engine options.</param>
    public PolicyArguments(HitEvidence evidence, ScreeningOptions options)
    {
        Evidence = evidence;
        Options = options;
    }

    /// <summary>Gets the evidence.</summary>
    public HitEvidence Evidence { get; }

    /// <summary>Gets the engine options (thresholds, windows).</summary>
    public ScreeningOptions Options { get; }
}

/// <summary>
/// Turns hits into decisions. A policy is code: rules over the evidence of one hit, unit-testable without lists.
/// The overall decision is the most severe hit decision.
/// </summary>
/// <remarks>Implementations must be immutable and safe for concurrent use.</remarks>
public abstract class ScreeningPolicy
{
    /// <summary>Gets the policy name, reported in every result.</summary>
    public abstract string Name { get; }

    /// <summary>Judges one hit.</summary>
    /// <param name="arguments">The evidence and options.</param>
    /// <returns>The verdict.</returns>
    public abstract PolicyVerdict Evaluate(in PolicyArguments arguments);
}
