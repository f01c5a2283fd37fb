namespace VendorScreen.Sources.Ofac;

/// <summary>A name of an XML entry other than the primary name.</summary>
/// <param name="Value">The name as composed from its parts.</param>
/// <param name="Type">The OFAC alias type: <c>a.k.a.</c>, <c>f.k.a.</c>, <c>n.k.a.</c> (any case).</param>
/// <param name="Weak">Whether OFAC classes the name as weak (category <c>weak</c>, <c>LowQuality="true"</c>).</param>
/// <param name="Script">The ISO 15924 script code, when the file gives one.</param>
internal sealed record OfacXmlName(string Value, string? Type, bool Weak, string? Script = null);

/// <summary>A list entry of an XML entry.</summary>
internal sealed record OfacXmlListing(OfacListKind List, string? Program, FactDate? ListedOn = null, string? Citation = null);

/// <summary>An identifier or other typed fact of an XML entry (<c>idType</c>, <c>IDRegDocType</c> or feature name).</summary>
internal sealed record OfacXmlId(string Type, string Value, string? Country, string? Notes);

/// <summary>An address of an XML entry.</summary>
internal sealed record OfacXmlAddress(string Text, string? Country);

/// <summary>A relation of an XML entry to another entry by uid.</summary>
internal sealed record OfacXmlRelation(string TargetUid, string Type, bool Former, string Position);

/// <summary>One entry of an OFAC XML file (<c>sdnEntry</c> of SDN.XML, or a distinct party of SDN_ADVANCED.XML), fields as
/// written.</summary>
internal sealed class OfacXmlEntry(string uid, string position)
{
    public string Uid { get; } = uid;

    public string Position { get; } = position;

    /// <summary>Gets or sets the OFAC type: <c>Individual</c>, <c>Entity</c>, <c>Vessel</c> or <c>Aircraft</c>.</summary>
    public string? Type { get; set; }

    public string? PrimaryName { get; set; }

    public string? Title { get; set; }

    public string? Remarks { get; set; }

    public string? CallSign { get; set; }

    public string? VesselType { get; set; }

    public string? VesselFlag { get; set; }

    public string? VesselOwner { get; set; }

    public string? Tonnage { get; set; }

    public string? GrossRegisteredTonnage { get; set; }

    public List<OfacXmlName> Names { get; } = [];

    public List<OfacXmlListing> Listings { get; } = [];

    public List<OfacXmlId> Ids { get; } = [];

    public List<OfacXmlAddress> Addresses { get; } = [];

    /// <summary>Gets the country names of nationalities, citizenships and registrations.</summary>
    public List<string> Countries { get; } = [];

    public List<string> DatesOfBirth { get; } = [];

    public List<string> PlacesOfBirth { get; } = [];

    public List<OfacXmlRelation> Relations { get; } = [];
}

/// <summary>What an OFAC XML reader read: the publication date and the entries.</summary>
internal sealed record OfacXmlDocument(string? PublishDate, IReadOnlyList<OfacXmlEntry> Entries);
