namespace VendorScreen;

/// <summary>The kind of a listed or screened party.</summary>
public enum EntityKind
{
    /// <summary>The kind is not known.</summary>
    Unknown = 0,

    /// <summary>A company, institution or other organisation.</summary>
    Organization,

    /// <summary>A natural person.</summary>
    Person,

    /// <summary>A ship.</summary>
    Vessel,

    /// <summary>An aircraft.</summary>
    Aircraft,

    /// <summary>A brand or product line rather than a legal person.</summary>
    Brand,

    /// <summary>A government body, agency or its unit.</summary>
    Government,
}

/// <summary>The role a name plays for an entity.</summary>
public enum NameKind
{
    /// <summary>The main name under which the entity is listed or known.</summary>
    Primary = 0,

    /// <summary>A strong alias (a.k.a.), a short name or a legal name variant.</summary>
    Alias,

    /// <summary>A weak alias: low-quality, often short; never decisive on its own.</summary>
    WeakAlias,

    /// <summary>A name the entity used in the past.</summary>
    Former,

    /// <summary>The name in its own (non-Latin) script.</summary>
    NativeScript,

    /// <summary>A brand or trademark under which the entity sells.</summary>
    Brand,
}

/// <summary>How well a fact is supported.</summary>
public enum FactConfidence
{
    /// <summary>Read from an official text: statute, regulation, register, list publication or company filing.</summary>
    Official = 0,

    /// <summary>From a credible secondary source such as trade press or a law-firm alert.</summary>
    Reported,

    /// <summary>From a weak or single source, or sources that conflict. Never enough for a <see cref="ScreeningDecision.Block"/>.</summary>
    Uncertain,
}

/// <summary>The kind of a directed relation from one entity to another.</summary>
/// <remarks>Relations always point from the dependent entity to the one it depends on: subsidiary to parent, brand to owner.</remarks>
public enum RelationKind
{
    /// <summary>The source is a subsidiary of the target.</summary>
    SubsidiaryOf = 0,

    /// <summary>The source is a brand or trademark of the target.</summary>
    BrandOf,

    /// <summary>The source is an affiliate of the target (e.g. a minority holding or common control).</summary>
    AffiliateOf,

    /// <summary>The source is owned by the target, possibly with a stated share.</summary>
    OwnedBy,

    /// <summary>The source is controlled by the target.</summary>
    ControlledBy,

    /// <summary>The source sells relabelled products made by the target.</summary>
    RelabelOf,

    /// <summary>The source is an OEM supplier whose products the target sells; points from the buyer brand to the maker.</summary>
    OemOf,

    /// <summary>The source succeeded the target (renaming, merger or restructuring).</summary>
    SuccessorOf,

    /// <summary>The source is a production site or operating unit of the target.</summary>
    ProductionSiteOf,

    /// <summary>The source is linked to the target in a way the list does not qualify (e.g. OFAC "Linked To").</summary>
    LinkedTo,
}

/// <summary>The outcome of a screening.</summary>
public enum ScreeningDecision
{
    /// <summary>Nothing found that needs attention.</summary>
    Clear = 0,

    /// <summary>A possible match or indirect tie that a person should review.</summary>
    Review,

    /// <summary>A strong match to a prohibited or blocking-listed entity, or to one of its subsidiaries, affiliates or brands.</summary>
    Block,

    /// <summary>A configured source is unusable or stale, so the absence of a hit proves nothing.</summary>
    Incomplete,
}

/// <summary>What a list means for a buyer, which decides how the default policy treats a match to it.</summary>
public enum ListCategory
{
    /// <summary>Purchases are prohibited (NDAA section 889, FCC Covered List).</summary>
    ProcurementProhibition = 0,

    /// <summary>A blocking sanctions list (OFAC SDN, UN, EU, UK asset freezes).</summary>
    Sanctions,

    /// <summary>Export-control restrictions (BIS Entity List, Denied Persons).</summary>
    ExportControl,

    /// <summary>Human-rights and forced-labour lists (UFLPA Entity List).</summary>
    HumanRights,

    /// <summary>Investment and military-company designations (DoD 1260H, NS-CMIC).</summary>
    MilitaryOrInvestment,

    /// <summary>A user's own list, such as an ERP's internal blocklist.</summary>
    Custom,

    /// <summary>Anything else; the default policy treats it as review-only.</summary>
    Other,

    /// <summary>Debarment and exclusion lists (procurement debarments, development-bank sanctions); the default policy treats it as
    /// review-only.</summary>
    Debarment,

    /// <summary>Politically exposed persons; the default policy treats it as review-only.</summary>
    PEP,
}
