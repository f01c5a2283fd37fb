using System.Text.Json.Serialization;

namespace VendorScreen;

/// <summary>What to screen: a party (<see cref="PartyScreeningRequest"/>) or a product listing (<see cref="ProductScreeningRequest"/>).</summary>
/// <remarks>Instances are immutable and safe for concurrent use. In JSON (<see cref="VendorScreenJsonContext"/>) a request declared
/// as this type carries its kind as a first property <c>"type": "party"</c> or <c>"type": "product"</c>.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(PartyScreeningRequest), "party")]
[JsonDerivedType(typeof(ProductScreeningRequest), "product")]
public abstract record ScreeningRequest
{
    /// <summary>The longest text, in UTF-16 code units, of any request field (name, alias, title, brand, identifier, ...):
    /// 4,096 characters. The one text limit of the library and the CLI: list readers reject a listed name over this length as a
    /// rejected record, and the command line refuses a longer field.</summary>
    /// <remarks>A request with a longer field is refused with an <see cref="ArgumentException"/> that names the field and its
    /// length; it is never cut. A text up to this length is screened whole: a listed name anywhere in a long title is found.</remarks>
    public const int MaxTextLength = 4096;

    private protected ScreeningRequest()
    {
    }

    /// <summary>Describes a text that is too long, for an error message or a rejected record.</summary>
    /// <param name="what">What the text is (a field name, "name").</param>
    /// <param name="length">The length of the text.</param>
    /// <returns>The message.</returns>
    internal static string DescribeTooLong(string what, int length) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what} is {length} characters long; the longest text screened is {MaxTextLength} characters");

    /// <summary>Checks a request before screening: no <see langword="null"/> collection or item, no text longer than
    /// <see cref="MaxTextLength"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="paramName">The parameter the request came in.</param>
    /// <param name="index">The position of the request in a batch, or <see langword="null"/> for a single request.</param>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field (and the batch position).</exception>
    internal static void Validate(ScreeningRequest request, string paramName, int? index)
    {
        // A request that passes every check needs no names of fields: only one that fails is checked again, field by field.
        if (!PassesChecks(request))
        {
            Check(request, paramName, index);
        }
    }

    // Whether a request passes every check of Check, without naming fields.
    private static bool PassesChecks(ScreeningRequest request)
    {
        static bool Fits(string? value) => value is null || value.Length <= MaxTextLength;

        if (!Fits(request.Id) || !Fits(request.Country))
        {
            return false;
        }

        switch (request)
        {
            case PartyScreeningRequest party:
                if (!Fits(party.Name) || party.Aliases is not { } aliases || party.Parents is not { } parents || party.Identifiers is not { } identifiers)
                {
                    return false;
                }

                for (var n = 0; n < aliases.Count; n++)
                {
                    if (aliases[n] is not { } alias || !Fits(alias))
                    {
                        return false;
                    }
                }

                for (var n = 0; n < parents.Count; n++)
                {
                    if (parents[n] is not { Name: { } name } parent || !Fits(name) || parent.SharePercent is < 0 or > 100)
                    {
                        return false;
                    }
                }

                for (var n = 0; n < identifiers.Count; n++)
                {
                    if (identifiers[n] is not { Scheme: { } scheme, Value: { } value } || !Fits(scheme) || !Fits(value))
                    {
                        return false;
                    }
                }

                return true;
            case ProductScreeningRequest product:
                return Fits(product.Title) && Fits(product.Brand) && Fits(product.Manufacturer) && Fits(product.Seller) && Fits(product.Model)
                    && Fits(product.FccId) && Fits(product.Category);
            default:
                return true;
        }
    }

    private static void Check(ScreeningRequest request, string paramName, int? index)
    {
        var prefix = index is { } i ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{paramName}[{i}].") : string.Empty;

        void Text(string field, string? value)
        {
            if (value is not null && value.Length > MaxTextLength)
            {
                throw new ArgumentException(DescribeTooLong($"Request field {prefix}{field}", value.Length) + ".", paramName);
            }
        }

        void Null(string field) => throw new ArgumentException($"Request field {prefix}{field} is null.", paramName);

        // A collection and each of its items must be there; then each item is checked under its field name, such as Aliases[2].
        void Items<T>(string name, IReadOnlyList<T>? items, Action<string, T> check)
        {
            if (items is null)
            {
                Null(name);
            }

            for (var n = 0; n < items!.Count; n++)
            {
                var field = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}[{n}]");
                if (items[n] is null)
                {
                    Null(field);
                }

                check(field, items[n]);
            }
        }

        Text(nameof(Id), request.Id);
        Text(nameof(Country), request.Country);
        switch (request)
        {
            case PartyScreeningRequest party:
                Text(nameof(party.Name), party.Name);
                Items(nameof(party.Aliases), party.Aliases, (field, alias) => Text(field, alias));
                Items(nameof(party.Parents), party.Parents, (field, parent) =>
                {
                    if (parent.Name is null)
                    {
                        Null(field + ".Name");
                    }

                    Text(field + ".Name", parent.Name);
                    if (parent.SharePercent is < 0 or > 100)
                    {
                        throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Request field {prefix}{field}.SharePercent ({parent.SharePercent}) must be between 0 and 100."), paramName);
                    }
                });
                Items(nameof(party.Identifiers), party.Identifiers, (field, identifier) =>
                {
                    if (identifier.Scheme is null)
                    {
                        Null(field + ".Scheme");
                    }

                    if (identifier.Value is null)
                    {
                        Null(field + ".Value");
                    }

                    Text(field + ".Scheme", identifier.Scheme);
                    Text(field + ".Value", identifier.Value);
                });
                break;
            case ProductScreeningRequest product:
                Text(nameof(product.Title), product.Title);
                Text(nameof(product.Brand), product.Brand);
                Text(nameof(product.Manufacturer), product.Manufacturer);
                Text(nameof(product.Seller), product.Seller);
                Text(nameof(product.Model), product.Model);
                Text(nameof(product.FccId), product.FccId);
                Text(nameof(product.Category), product.Category);
                break;
        }
    }

    /// <summary>Gets the caller's id for the request, echoed in the result.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the date at which relations and listings are evaluated; <see langword="null"/> means today, from the engine's <see cref="TimeProvider"/>.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country of the party or the product's origin, if known.</summary>
    /// <remarks>For a party, a country that shares nothing with a listed entity's countries lowers that name match a little
    /// (see the README, "Date of birth and country"); entities on procurement-prohibition lists are exempt. English country names
    /// and alpha-3 codes are also understood; a value that is not a country is ignored.</remarks>
    public string? Country { get; init; }

    /// <summary>Creates a party request.</summary>
    /// <param name="name">The party's name.</param>
    /// <returns>The request.</returns>
    public static PartyScreeningRequest ForParty(string name) => new(name);

    /// <summary>Creates an empty product request to fill with <c>with</c> or an object initializer.</summary>
    /// <returns>The request.</returns>
    public static ProductScreeningRequest ForProduct() => new();
}

/// <summary>A supplier, manufacturer or other party to screen.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record PartyScreeningRequest : ScreeningRequest
{
    /// <summary>Initializes a new instance of the <see cref="PartyScreeningRequest"/> class.</summary>
    /// <param name="name">The party's name.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public PartyScreeningRequest(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Gets the party's name.</summary>
    public string Name { get; }

    /// <summary>Gets the party's kind, if known.</summary>
    public EntityKind Kind { get; init; }

    /// <summary>Gets other names of the party.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets identifiers of the party (LEI, DUNS, stock code, ...), matched exactly.</summary>
    public IReadOnlyList<EntityIdentifier> Identifiers { get; init; } = [];

    /// <summary>Gets the date of birth of a person, known to the year, month or day, if known.</summary>
    /// <remarks>Compared with a listed person's dates of birth at the precision both have: agreement raises the name score a
    /// little, disagreement with every listed date lowers it below the default review threshold for a name-only match; a listed
    /// person without a date of birth is unaffected. Organisations are never compared on it.</remarks>
    public FactDate? DateOfBirth { get; init; }

    /// <summary>Gets the party's corporate parents as the caller's own records know them (an ERP's supplier hierarchy: the parent
    /// company, then its parent, up to the ultimate parent of a DUNS family tree), nearest first: each is the parent of the one
    /// before. Each is screened by name (field <c>parent</c>); a hit through a parent starts its path with the chain of ties from the
    /// party to that parent.</summary>
    public IReadOnlyList<PartyParent> Parents { get; init; } = [];
}

/// <summary>A corporate parent of a party, from the caller's own records.</summary>
/// <param name="Name">The parent's name.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record PartyParent(string Name)
{
    /// <summary>Gets how the party (or the parent before this one) is tied to this parent.</summary>
    /// <value>The default value is <see cref="RelationKind.SubsidiaryOf"/>.</value>
    public RelationKind Kind { get; init; } = RelationKind.SubsidiaryOf;

    /// <summary>Gets the share this parent holds, in percent, if known.</summary>
    public decimal? SharePercent { get; init; }
}

/// <summary>A product listing to screen: who makes, brands and sells it.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ProductScreeningRequest : ScreeningRequest
{
    /// <summary>Gets the listing title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the brand.</summary>
    public string? Brand { get; init; }

    /// <summary>Gets the manufacturer.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Gets the seller or storefront.</summary>
    public string? Seller { get; init; }

    /// <summary>Gets the model number.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the FCC ID (grantee code followed by the product code).</summary>
    public string? FccId { get; init; }

    /// <summary>Gets the product category as the caller knows it: one of <see cref="ProductCategories"/> or a marketplace
    /// category text (<c>Security Cameras</c>), read with the same words as a title. <see langword="null"/> means the category is
    /// inferred from the title and the other fields.</summary>
    /// <remarks>The category decides which scoped facts apply (see <see cref="Relation.Scope"/>): a category text that names
    /// none of the known categories makes the product one of another kind, to which no scoped fact applies.</remarks>
    public string? Category { get; init; }
}
