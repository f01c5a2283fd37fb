namespace VendorScreen;

/// <summary>A dated, sourced, directed relation between two entities: subsidiary to parent, brand to owner.</summary>
/// <param name="FromId">The dependent entity (the subsidiary, the brand, the relabeller).</param>
/// <param name="ToId">The entity it depends on (the parent, the owner, the maker).</param>
/// <param name="Kind">The kind of relation.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record Relation(string FromId, string ToId, RelationKind Kind)
{
    /// <summary>Gets the first date the relation held, if known.</summary>
    public FactDate? ValidFrom { get; init; }

    /// <summary>Gets the date the relation ended, if it did.</summary>
    public FactDate? ValidTo { get; init; }

    /// <summary>Gets how well the relation is supported.</summary>
    /// <value>The default value is <see cref="FactConfidence.Official"/>.</value>
    public FactConfidence Confidence { get; init; } = FactConfidence.Official;

    /// <summary>Gets the ownership share in percent, for <see cref="RelationKind.OwnedBy"/>, if known.</summary>
    public decimal? SharePercent { get; init; }

    /// <summary>Gets the URL of the source of the relation.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Gets notes on the relation.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the product categories the relation is about (see <see cref="ProductCategories"/>); empty means it holds for
    /// every request. A scoped relation (a relabel claim about a brand's cameras) is followed only for a product whose category is
    /// known and in scope, never for a party or a product of another or unknown category.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Gets whether the relation holds at a date. An undated start holds from the beginning; an undated end never ends.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when the relation is valid at <paramref name="asOf"/>.</returns>
    /// <remarks>A start known only to a month or year counts from its first day; an end known only to a month or year counts to its last day.</remarks>
    public bool IsValidAt(DateOnly asOf) =>
        (ValidFrom is not { } from || from.Start <= asOf) && (ValidTo is not { } to || to.End >= asOf);

    /// <summary>Gets whether the relation ended before a date.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when <see cref="ValidTo"/> is before <paramref name="asOf"/>.</returns>
    public bool EndedBefore(DateOnly asOf) => ValidTo is { } to && to.End < asOf;
}
