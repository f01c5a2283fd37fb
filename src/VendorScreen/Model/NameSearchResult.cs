namespace VendorScreen;

/// <summary>
/// The listed entities whose names are closest to a searched name, best first, with their scores and explanations: what an
/// analyst looks through by hand. A search applies no policy and makes no decision; screen a request for that.
/// </summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record NameSearchResult
{
    /// <summary>Gets the searched name as given.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the entities found, best score first (ties by entity id), at most the number asked for.</summary>
    public IReadOnlyList<NameSearchHit> Hits { get; init; } = [];

    /// <summary>Gets the name-matching algorithm that scored the names.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Gets the version of the dataset searched.</summary>
    public required string DatasetVersion { get; init; }

    /// <summary>Gets the state of every source of the dataset searched.</summary>
    public IReadOnlyList<SourceStatus> Sources { get; init; } = [];

    /// <summary>Gets whether every source was usable. When <see langword="false"/>, a list that never loaded (or is too old) was
    /// not searched, so an empty or short answer proves nothing about it.</summary>
    public bool IsComplete { get; init; }
}

/// <summary>One listed entity found by a name search, with the name of it that scored best.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record NameSearchHit
{
    /// <summary>Gets the entity id (<c>ofac:12345</c>).</summary>
    public required string EntityId { get; init; }

    /// <summary>Gets the entity's primary name.</summary>
    public required string EntityName { get; init; }

    /// <summary>Gets the kind of entity.</summary>
    public EntityKind Kind { get; init; }

    /// <summary>Gets the name of the entity that scored best.</summary>
    public required string MatchedName { get; init; }

    /// <summary>Gets what that name is (primary, alias, weak alias, former, native script, brand).</summary>
    public NameKind MatchedNameKind { get; init; }

    /// <summary>Gets the score in [0, 1].</summary>
    public double Score { get; init; }

    /// <summary>Gets the per-feature explanation of the score.</summary>
    public IReadOnlyList<FeatureScore> Features { get; init; } = [];

    /// <summary>Gets the lists the entity is on.</summary>
    public IReadOnlyList<Listing> Listings { get; init; } = [];
}
