namespace VendorScreen.Policies;

/// <summary>
/// Builds one hit for a unit test of a policy, without lists or an engine: a listed entity on one or more lists, the score and
/// kind of the match, and the relations from the matched entity to the listed one. Then <see cref="Evaluate"/> asks a policy
/// for its verdict.
/// </summary>
/// <example>
/// <code>
/// var verdict = new PolicyTestHit("Hikvision")
///     .OnList("us-ndaa-889", ListCategory.ProcurementProhibition, extendsToAffiliates: true)
///     .MatchedThrough("EZVIZ", RelationKind.SubsidiaryOf)
///     .Evaluate(new FederalContractorPolicy());
/// Assert.Equal(ScreeningDecision.Block, verdict.Decision);
/// </code>
/// </example>
/// <remarks>An instance is a mutable builder; it is not safe for concurrent use.</remarks>
public sealed class PolicyTestHit
{
    private readonly Entity _listed;
    private readonly List<(Listing Listing, ListDefinition List)> _listings = [];
    private readonly List<(string Name, Relation Relation)> _hops = [];
    private readonly List<string> _countries = [];
    private string _field = "name";
    private double _score = 1.0;
    private DateOnly _asOf = new(2026, 12, 1);
    private bool _mention;
    private bool _accessory;
    private bool _wholeName;
    private bool _partial;
    private bool _exactIdentifier;
    private string? _productScheme;
    private NameKind _nameKind = NameKind.Primary;
    private FactConfidence _matchedConfidence = FactConfidence.Official;

    /// <summary>Initializes a new instance of the <see cref="PolicyTestHit"/> class.</summary>
    /// <param name="listedName">The name of the listed entity.</param>
    /// <param name="kind">The kind of the listed entity.</param>
    public PolicyTestHit(string listedName, EntityKind kind = EntityKind.Organization)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listedName);
        _listed = new Entity(IdOf(listedName), kind, listedName);
    }

    /// <summary>Puts the listed entity on a list.</summary>
    /// <param name="listId">The list id (such as <c>us-ofac-sdn</c>).</param>
    /// <param name="category">The list category.</param>
    /// <param name="program">The program of the listing.</param>
    /// <param name="citation">The citation of the listing (such as <c>84 FR 54002</c>).</param>
    /// <param name="listedOn">When it was listed.</param>
    /// <param name="extendsToAffiliates">Whether the list reaches subsidiaries, affiliates and brands.</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit OnList(string listId, ListCategory category, string? program = null, string? citation = null, DateOnly? listedOn = null, bool extendsToAffiliates = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        _listings.Add((
            new Listing(listId) { Program = program, Citation = citation, ListedOn = listedOn is { } d ? FactDate.FromDate(d) : null },
            new ListDefinition(listId, listId, category) { ExtendsToAffiliates = extendsToAffiliates }));
        return this;
    }

    /// <summary>Makes the matched entity a different one, tied to the entity matched so far (the listed entity at first) by a
    /// relation: call it once per hop, from the listed entity outwards.</summary>
    /// <param name="matchedName">The name of the new matched entity.</param>
    /// <param name="kind">How it is tied: <paramref name="matchedName"/> <paramref name="kind"/> the previous entity.</param>
    /// <param name="sharePercent">The ownership share, for ownership relations.</param>
    /// <param name="confidence">How well the relation is supported.</param>
    /// <param name="validFrom">When the relation started.</param>
    /// <param name="validTo">When it ended.</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit MatchedThrough(string matchedName, RelationKind kind, decimal? sharePercent = null, FactConfidence confidence = FactConfidence.Official, DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(matchedName);
        var to = _hops.Count == 0 ? _listed.Id : IdOf(_hops[^1].Name);
        _hops.Add((matchedName, new Relation(IdOf(matchedName), to, kind)
        {
            SharePercent = sharePercent,
            Confidence = confidence,
            ValidFrom = validFrom is { } f ? FactDate.FromDate(f) : null,
            ValidTo = validTo is { } t ? FactDate.FromDate(t) : null,
        }));
        return this;
    }

    /// <summary>Sets the name match score and the request field that matched.</summary>
    /// <param name="score">The score in [0, 1].</param>
    /// <param name="field">The request field (<c>name</c>, <c>brand</c>, <c>seller</c>, <c>title</c>, ...).</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit Scored(double score, string field = "name")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 1);
        _score = score;
        _field = field;
        return this;
    }

    /// <summary>Makes the match a name found inside a longer text (a storefront name, a listing title).</summary>
    /// <param name="accessory">Whether the text reads as an accessory or compatibility claim.</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit AsMention(bool accessory = false)
    {
        _mention = true;
        _accessory = accessory;
        return this;
    }

    /// <summary>Makes the match a whole name of two words or more found inside a party's name with other words
    /// (<see cref="HitEvidence.WholeNameMention"/>).</summary>
    /// <returns>This builder.</returns>
    public PolicyTestHit AsWholeNameMention()
    {
        _mention = true;
        _wholeName = true;
        return this;
    }

    /// <summary>Makes the query only a rare part of the listed name.</summary>
    /// <returns>This builder.</returns>
    public PolicyTestHit AsPartial()
    {
        _partial = true;
        return this;
    }

    /// <summary>Makes the match an exact party identifier (LEI, registration number).</summary>
    /// <returns>This builder.</returns>
    public PolicyTestHit AsExactIdentifier()
    {
        _exactIdentifier = true;
        return this;
    }

    /// <summary>Makes the match a product identifier of the matched entity: an FCC grantee code or a model prefix.</summary>
    /// <param name="scheme"><see cref="IdentifierSchemes.FccGranteeCode"/> or <see cref="IdentifierSchemes.ModelPrefix"/>.</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit AsProductIdentifier(string scheme = IdentifierSchemes.FccGranteeCode)
    {
        _exactIdentifier = true;
        _productScheme = scheme;
        _field = string.Equals(scheme, IdentifierSchemes.FccGranteeCode, StringComparison.Ordinal) ? "fcc_id" : "model";
        return this;
    }

    /// <summary>Sets the kind and confidence of the matched name.</summary>
    /// <param name="kind">The name kind.</param>
    /// <param name="confidence">The confidence.</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit WithMatchedName(NameKind kind, FactConfidence confidence = FactConfidence.Official)
    {
        _nameKind = kind;
        _matchedConfidence = confidence;
        return this;
    }

    /// <summary>Gives the listed entity a country.</summary>
    /// <param name="country">An ISO 3166 alpha-2 code.</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit InCountry(string country)
    {
        _countries.Add(country);
        return this;
    }

    /// <summary>Sets the date of evaluation (default 2026-12-01).</summary>
    /// <param name="asOf">The date.</param>
    /// <returns>This builder.</returns>
    public PolicyTestHit AsOf(DateOnly asOf)
    {
        _asOf = asOf;
        return this;
    }

    /// <summary>Builds the evidence a policy judges.</summary>
    /// <returns>The evidence.</returns>
    /// <exception cref="InvalidOperationException">No list was given.</exception>
    public HitEvidence Build()
    {
        if (_listings.Count == 0)
        {
            throw new InvalidOperationException("put the listed entity on a list first (OnList)");
        }

        var listed = _listed with { Countries = _countries.ToArray(), Listings = _listings.Select(l => l.Listing).ToArray() };
        var matched = _hops.Count == 0 ? listed : new Entity(IdOf(_hops[^1].Name), EntityKind.Organization, _hops[^1].Name);

        // The path runs from the matched entity to the listed one: the last hop first.
        var path = _hops.Select(h => h.Relation).Reverse().ToArray();
        return new HitEvidence
        {
            Field = _field,
            Score = _score,
            ExactIdentifier = _exactIdentifier,
            ProductIdentifier = _productScheme is not null,
            IdentifierScheme = _productScheme,
            Mention = _mention,
            AccessoryMention = _accessory,
            WholeNameMention = _wholeName,
            Partial = _partial,
            MatchedNameKind = _exactIdentifier ? null : _nameKind,
            MatchedConfidence = _matchedConfidence,
            MatchedEntity = matched,
            ListedEntity = listed,
            Path = path,
            Listings = _listings.ToArray(),
            AsOf = _asOf,
        };
    }

    /// <summary>Asks a policy for its verdict on the hit.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="options">The engine options (thresholds); the defaults when <see langword="null"/>.</param>
    /// <returns>The verdict.</returns>
    public PolicyVerdict Evaluate(ScreeningPolicy policy, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Evaluate(new PolicyArguments(Build(), options ?? new ScreeningOptions()));
    }

    private static string IdOf(string name) => "test:" + name.ToLowerInvariant().Replace(' ', '-');
}
