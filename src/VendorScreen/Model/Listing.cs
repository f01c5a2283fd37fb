namespace VendorScreen;

/// <summary>An entry of an entity on a list.</summary>
/// <param name="ListId">The list id, such as <c>us-ndaa-889</c> or <c>us-ofac-sdn</c>.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record Listing(string ListId)
{
    /// <summary>Gets the sanctions program or legal basis, such as <c>SDGT</c> or <c>EO 14032</c>.</summary>
    public string? Program { get; init; }

    /// <summary>Gets the authority that published the list.</summary>
    public string? Authority { get; init; }

    /// <summary>Gets the name exactly as the list prints it.</summary>
    public string? NameAsListed { get; init; }

    /// <summary>Gets the date the entry was added, as precisely as known.</summary>
    public FactDate? ListedOn { get; init; }

    /// <summary>Gets the date the entry was removed, if it was.</summary>
    public FactDate? RemovedOn { get; init; }

    /// <summary>Gets the scope text of the entry (for example the equipment and purposes it covers).</summary>
    public string? Scope { get; init; }

    /// <summary>Gets a citation such as a Federal Register reference.</summary>
    public string? Citation { get; init; }

    /// <summary>Gets the URL of the source of the entry.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Gets how well the entry is supported.</summary>
    /// <value>The default value is <see cref="FactConfidence.Official"/>.</value>
    public FactConfidence Confidence { get; init; } = FactConfidence.Official;

    /// <summary>Gets whether the entry applies at a date: added on or before it and not removed by it.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when the entry is in force.</returns>
    public bool AppliesAt(DateOnly asOf) =>
        (ListedOn is not { } from || from.Start <= asOf) && (RemovedOn is not { } to || to.Start > asOf);
}

/// <summary>A list that listings refer to.</summary>
/// <param name="Id">The list id, such as <c>us-ndaa-889</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Category">What the list means for a buyer.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ListDefinition(string Id, string Name, ListCategory Category)
{
    /// <summary>Gets the publishing authority.</summary>
    public string? Authority { get; init; }

    /// <summary>Gets the legal basis.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>Gets whether listings extend to subsidiaries, affiliates and brands of the listed entity.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ExtendsToAffiliates { get; init; }

    /// <summary>Gets the URL of the list or its legal text.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Gets notes on the list.</summary>
    public string? Notes { get; init; }
}
