namespace VendorScreen;

/// <summary>A party on a list, or one tied to a listed party: a company, person, vessel, aircraft or brand.</summary>
/// <remarks>
/// Instances are immutable and safe for concurrent use. Equality is by reference for the collection members;
/// compare <see cref="Id"/> to tell entities apart.
/// </remarks>
public sealed record Entity
{
    /// <summary>Initializes a new instance of the <see cref="Entity"/> class.</summary>
    /// <param name="id">The stable id, <c>&lt;source&gt;:&lt;list id&gt;</c>.</param>
    /// <param name="kind">The kind of entity.</param>
    /// <param name="primaryName">The main name.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="primaryName"/> is empty.</exception>
    public Entity(string id, EntityKind kind, string primaryName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(primaryName);
        Id = id;
        Kind = kind;
        PrimaryName = primaryName;
    }

    /// <summary>Gets the stable id, <c>&lt;source&gt;:&lt;list id&gt;</c>, never re-numbered.</summary>
    public string Id { get; }

    /// <summary>Gets the kind of entity.</summary>
    public EntityKind Kind { get; }

    /// <summary>Gets the main name.</summary>
    public string PrimaryName { get; }

    /// <summary>Gets all names, including the primary name, each with its kind.</summary>
    public IReadOnlyList<EntityName> Names { get; init; } = [];

    /// <summary>Gets ISO 3166-1 alpha-2 country codes tied to the entity.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Gets identifiers such as FCC grantee codes, model prefixes, LEI or stock codes.</summary>
    public IReadOnlyList<EntityIdentifier> Identifiers { get; init; } = [];

    /// <summary>Gets the list entries that name this entity.</summary>
    public IReadOnlyList<Listing> Listings { get; init; } = [];

    /// <summary>Gets the name of the source that supplied the entity (for example <c>default</c> or <c>ofac-sdn</c>).</summary>
    public string? SourceName { get; init; }

    /// <summary>Gets free-text remarks, if any.</summary>
    public string? Remarks { get; init; }
}

/// <summary>One name of an entity.</summary>
/// <param name="Value">The name as written.</param>
/// <param name="Kind">The role of the name.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record EntityName(string Value, NameKind Kind)
{
    /// <summary>Gets the ISO 15924 script code of the name (<c>Latn</c>, <c>Hans</c>, <c>Hant</c>, <c>Cyrl</c>, ...), if known.</summary>
    public string? Script { get; init; }

    /// <summary>Gets the BCP 47 language tag, if known.</summary>
    public string? Language { get; init; }

    /// <summary>Gets how well the name is supported.</summary>
    /// <value>The default value is <see cref="FactConfidence.Official"/>.</value>
    public FactConfidence Confidence { get; init; } = FactConfidence.Official;

    /// <summary>Gets the URL of the source of the name, if any.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Gets the product categories the name is used for (see <see cref="ProductCategories"/>); empty means everywhere. A
    /// scoped name is a brand that is also a common word (<c>萤石</c>, EZVIZ's brand, is also "fluorite"): it matches only a
    /// product whose category is known and in scope, never a party or a product of another category, and only as written,
    /// not through its romanisation.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];
}

/// <summary>An identifier of an entity under a named scheme.</summary>
/// <param name="Scheme">The scheme; see <see cref="IdentifierSchemes"/>.</param>
/// <param name="Value">The value as published.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record EntityIdentifier(string Scheme, string Value)
{
    /// <summary>Gets how well the identifier is supported.</summary>
    /// <value>The default value is <see cref="FactConfidence.Official"/>.</value>
    public FactConfidence Confidence { get; init; } = FactConfidence.Official;

    /// <summary>Gets the URL of the source of the identifier, if any.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Gets caveats on the identifier, such as "prefix shared with other makers".</summary>
    public string? Notes { get; init; }

    /// <summary>Gets whether the identifier is too generic to count on its own: a model prefix that other makers also use. A weak
    /// identifier counts only for a product whose category is in <see cref="Scope"/>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Weak { get; init; }

    /// <summary>Gets the product categories the identifier is about (see <see cref="ProductCategories"/>); empty means every
    /// product. A scoped identifier counts only for a product whose category is known and in scope.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Gets the first date the identifier pointed to the entity, if known (a model series made by a maker only from a date).</summary>
    public FactDate? ValidFrom { get; init; }

    /// <summary>Gets the last date the identifier pointed to the entity, if it stopped (a brand's models made by a maker only until a sale).</summary>
    public FactDate? ValidTo { get; init; }

    /// <summary>Gets whether the identifier points to the entity at a date. An undated start holds from the beginning; an undated end never ends.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when the identifier is valid at <paramref name="asOf"/>.</returns>
    public bool IsValidAt(DateOnly asOf) =>
        (ValidFrom is not { } from || from.Start <= asOf) && (ValidTo is not { } to || to.End >= asOf);
}

/// <summary>Well-known identifier schemes.</summary>
public static class IdentifierSchemes
{
    /// <summary>An FCC grantee code: the first 3 (or, from 2013, 5) characters of an FCC ID.</summary>
    public const string FccGranteeCode = "fcc-grantee-code";

    /// <summary>A product model-number prefix used by a maker (for example <c>DS-</c>). A weak signal. In the value, <c>#</c> stands
    /// for one digit (<c>NVR5#</c> matches <c>NVR5216</c>) and <c>-</c> for a separator.</summary>
    public const string ModelPrefix = "model-prefix";

    /// <summary>A stock exchange code.</summary>
    public const string StockCode = "stock-code";

    /// <summary>A legal entity identifier (ISO 17442).</summary>
    public const string Lei = "lei";

    /// <summary>A Dun &amp; Bradstreet number.</summary>
    public const string Duns = "duns";

    /// <summary>A US SAM unique entity id.</summary>
    public const string SamUei = "sam-uei";

    /// <summary>A US CAGE code.</summary>
    public const string Cage = "cage";

    /// <summary>A Chinese unified social credit code.</summary>
    public const string ChineseUscc = "cn-uscc";

    /// <summary>An IMO ship number.</summary>
    public const string Imo = "imo";

    /// <summary>A web site domain.</summary>
    public const string Website = "website";

    /// <summary>A postal address (kept as an identifier for display; never matched exactly).</summary>
    public const string Address = "address";

    /// <summary>A date of birth (kept for display and disambiguation; never an exact-match identifier).</summary>
    public const string DateOfBirth = "date-of-birth";

    /// <summary>A place of birth (kept for display; never an exact-match identifier).</summary>
    public const string PlaceOfBirth = "place-of-birth";

    /// <summary>Gets whether an exact match on the scheme identifies a party. Addresses, dates and places of birth are shared
    /// by many people and never count as identifier matches.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns><see langword="false"/> for addresses and birth data.</returns>
    public static bool IsIdentifying(string scheme) =>
        !string.Equals(scheme, Address, StringComparison.Ordinal)
        && !string.Equals(scheme, DateOfBirth, StringComparison.Ordinal)
        && !string.Equals(scheme, PlaceOfBirth, StringComparison.Ordinal);

    /// <summary>Gets whether an identifier of the scheme names a product's maker rather than a party (relabel evidence).</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns><see langword="true"/> for FCC grantee codes and model prefixes.</returns>
    public static bool IsProductEvidence(string scheme) =>
        string.Equals(scheme, FccGranteeCode, StringComparison.Ordinal) || string.Equals(scheme, ModelPrefix, StringComparison.Ordinal);
}
