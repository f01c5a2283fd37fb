namespace VendorScreen;

/// <summary>One term of an ownership sum: a chain of ownership relations from an owned entity up to a listed owner (or an owner
/// blocked because blocked persons own 50% or more of it), with the share the chain carries.</summary>
/// <remarks>Instances are immutable and safe for concurrent use. Record equality compares collections by reference.</remarks>
public sealed record OwnershipTerm
{
    /// <summary>Gets the id of the owner the chain reaches.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Gets the owner's primary name.</summary>
    public required string OwnerName { get; init; }

    /// <summary>Gets the share in percent the chain carries, or <see langword="null"/> when a relation on it states no share
    /// (unknown, never read as zero). Along a chain, the share of the first relation is multiplied by the share of every later
    /// relation that is not a controlling one; a controlling relation (50% or more, or a subsidiary or control relation without a
    /// share) passes the holding on whole.</summary>
    public decimal? SharePercent { get; init; }

    /// <summary>Gets the relations from the owned entity to the owner, in order, each with its share and dates.</summary>
    public IReadOnlyList<PathStep> Path { get; init; } = [];

    /// <summary>Gets the lists the owner is on at the as-of date; empty for an owner blocked only by the 50% rule.</summary>
    public IReadOnlyList<string> OwnerLists { get; init; } = [];

    /// <summary>Gets whether the owner is a blocked person: listed on a sanctions list at the as-of date, or owned 50% or more in
    /// aggregate by blocked persons itself.</summary>
    public bool Blocked { get; init; }

    /// <summary>Gets why the owner counts: <c>listed on us-ofac-sdn</c>, or <c>owned 100% in aggregate by blocked persons</c>.</summary>
    public string? Basis { get; init; }
}

/// <summary>The ownership an aggregate rule added up for a hit: the sum of the known shares, the threshold, and every term.</summary>
/// <remarks>Instances are immutable and safe for concurrent use. Record equality compares collections by reference.</remarks>
public sealed record OwnershipSum
{
    /// <summary>Gets the rule that added the shares (<c>ofac-50-percent</c>, <c>affiliate-share</c>).</summary>
    public required string Rule { get; init; }

    /// <summary>Gets the sum of the known shares of <see cref="Terms"/>, in percent.</summary>
    public decimal SharePercent { get; init; }

    /// <summary>Gets the share the rule compares the sum with, in percent.</summary>
    public decimal ThresholdPercent { get; init; }

    /// <summary>Gets whether the threshold itself is enough (at least, as the OFAC 50% rule), or the sum must exceed it (more than,
    /// as the FCC's 10% affiliate test).</summary>
    public bool ThresholdInclusive { get; init; }

    /// <summary>Gets whether some term has an unknown share, so that the sum is a lower bound.</summary>
    public bool HasUnknownShares { get; init; }

    /// <summary>Gets the terms added up, largest first, the terms with an unknown share last.</summary>
    public IReadOnlyList<OwnershipTerm> Terms { get; init; } = [];

    /// <summary>Gets a description of the limit reached while walking the owners (depth, owners per entity, terms per entity), or
    /// <see langword="null"/> when the walk was complete.</summary>
    public string? LimitReached { get; init; }
}
