namespace VendorScreen.Sources.Ofac;

/// <summary>The four files of one OFAC legacy CSV list.</summary>
internal enum OfacCsvFileKind
{
    /// <summary><c>sdn.csv</c> / <c>cons_prim.csv</c>: 12 fields.</summary>
    Primary = 0,

    /// <summary><c>add.csv</c> / <c>cons_add.csv</c>: 6 fields.</summary>
    Address,

    /// <summary><c>alt.csv</c> / <c>cons_alt.csv</c>: 5 fields.</summary>
    Alias,

    /// <summary><c>sdn_comments.csv</c> / <c>cons_comments.csv</c>: 2 fields.</summary>
    Comments,
}

/// <summary>A record of <c>sdn.csv</c> or <c>cons_prim.csv</c>, fields as written with the null marker removed.</summary>
internal sealed record OfacPrimaryRecord(
    string Position,
    int EntNum,
    string Name,
    string? Type,
    string? Program,
    string? Title,
    string? CallSign,
    string? VesselType,
    string? Tonnage,
    string? Grt,
    string? VesselFlag,
    string? VesselOwner,
    string? Remarks);

/// <summary>A record of <c>add.csv</c> or <c>cons_add.csv</c>.</summary>
internal sealed record OfacAddressRecord(string Position, int EntNum, string? AddNum, string? Address, string? CityStateZip, string? Country, string? Remarks);

/// <summary>A record of <c>alt.csv</c> or <c>cons_alt.csv</c>.</summary>
internal sealed record OfacAliasRecord(string Position, int EntNum, string? AltNum, string? Type, string Name, string? Remarks);

/// <summary>A record of <c>sdn_comments.csv</c> or <c>cons_comments.csv</c>: the continuation of a remarks field cut at its size limit.</summary>
internal sealed record OfacCommentRecord(string Position, int EntNum, string Text);

/// <summary>The raw records of one list read from the legacy CSV files: one part of a primary file plus, for the first part,
/// the list's address, alias and comment files.</summary>
internal sealed class OfacCsvList(OfacListKind kind, string location)
{
    /// <summary>Gets the list.</summary>
    public OfacListKind Kind { get; } = kind;

    /// <summary>Gets the file (and part) the primary records came from, for messages.</summary>
    public string Location { get; } = location;

    public List<OfacPrimaryRecord> Primaries { get; } = [];

    public List<OfacAddressRecord> Addresses { get; } = [];

    public List<OfacAliasRecord> Aliases { get; } = [];

    public List<OfacCommentRecord> Comments { get; } = [];
}
