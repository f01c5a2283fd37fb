namespace VendorScreen;

/// <summary>What one load of one source produced: entities, relations, lists and provenance.</summary>
/// <param name="SourceName">The stable source name, lower-kebab (<c>default</c>, <c>ofac-sdn</c>).</param>
/// <param name="Version">The publication date or version of the list.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ListSnapshot(string SourceName, string Version)
{
    /// <summary>Gets the entities.</summary>
    public IReadOnlyList<Entity> Entities { get; init; } = [];

    /// <summary>Gets the relations.</summary>
    public IReadOnlyList<Relation> Relations { get; init; } = [];

    /// <summary>Gets the definitions of the lists the listings refer to.</summary>
    public IReadOnlyList<ListDefinition> Lists { get; init; } = [];

    /// <summary>Gets when the bytes were fetched.</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the bytes read, if known.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets where the data came from (a file path, URL or resource name).</summary>
    public string? Location { get; init; }

    /// <summary>Gets every record that was skipped, with its reason.</summary>
    public IReadOnlyList<RejectedRecord> RejectedRecords { get; init; } = [];

    /// <summary>Gets a problem that does not make the snapshot unusable but must be reported with it, such as a cached copy served
    /// because the server could not be reached, or a new version that was refused in favour of this one; <see langword="null"/> when
    /// there is none. <see cref="ScreeningEngine"/> reports it in <see cref="SourceStatus.Error"/> while the source stays usable.</summary>
    public string? Warning { get; init; }

    /// <summary>Gets the number of names over all entities.</summary>
    public int NameCount => Entities.Sum(e => e.Names.Count);
}

/// <summary>A record a reader or mapper could not use.</summary>
/// <param name="Position">Where it is: a file and line, or a record id.</param>
/// <param name="Reason">Why it was skipped.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record RejectedRecord(string Position, string Reason);

/// <summary>The state of one configured source at a moment.</summary>
/// <param name="SourceName">The source name.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record SourceStatus(string SourceName)
{
    /// <summary>Gets the version of the snapshot in use, or <see langword="null"/> when none ever loaded.</summary>
    public string? Version { get; init; }

    /// <summary>Gets when the snapshot in use was fetched.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>Gets whether the source can be relied on (loaded and not stale).</summary>
    public bool IsUsable { get; init; }

    /// <summary>Gets the last error, if the last load failed or was refused, or the warning of the snapshot in use
    /// (<see cref="ListSnapshot.Warning"/>). A usable source with an error serves an older or cached version.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the number of entities in the snapshot in use.</summary>
    public int Entities { get; init; }

    /// <summary>Gets the number of rejected records in the snapshot in use.</summary>
    public int Rejected { get; init; }
}
