namespace VendorScreen.Sources.Eu;

/// <summary>A regulation that lists or amends an EU entry.</summary>
internal sealed record EuRegulation(string? NumberTitle, string? PublicationDate, string? EntryIntoForceDate, string? Programme, string? Url);

/// <summary>A name of an EU entry (<c>nameAlias</c>).</summary>
internal sealed record EuName(string? WholeName, string? FirstName, string? MiddleName, string? LastName, string? Language, bool Strong, string? Function, string? Title);

/// <summary>An address of an EU entry.</summary>
internal sealed record EuAddress(string? Street, string? PoBox, string? City, string? ZipCode, string? Region, string? Place, string? CountryCode, string? CountryDescription);

/// <summary>A birth date and place of an EU entry.</summary>
internal sealed record EuBirth(string? Date, string? Year, string? City, string? CountryCode, string? CountryDescription, bool Circa);

/// <summary>An identification document of an EU entry.</summary>
internal sealed record EuIdentification(string? Number, string? TypeCode, string? TypeDescription, string? CountryCode, string? Remark);

/// <summary>One EU entry as read from the XML (one <c>sanctionEntity</c>) or from the CSV (all rows of one logical id).</summary>
internal sealed class EuEntityRecord
{
    public required string Position { get; init; }

    public required string LogicalId { get; init; }

    public string? EuReferenceNumber { get; set; }

    public string? UnitedNationsId { get; set; }

    public string? DesignationDate { get; set; }

    /// <summary>Gets or sets the subject type: <c>person</c>/<c>P</c> or <c>enterprise</c>/<c>E</c>.</summary>
    public string? SubjectType { get; set; }

    public List<string> Remarks { get; } = [];

    public List<EuRegulation> Regulations { get; } = [];

    public List<EuName> Names { get; } = [];

    public List<EuAddress> Addresses { get; } = [];

    public List<EuBirth> Births { get; } = [];

    public List<EuIdentification> Identifications { get; } = [];

    /// <summary>Gets the citizenships as printed: ISO alpha-2 (XML) or alpha-3 (CSV) codes.</summary>
    public List<string> Citizenships { get; } = [];
}

/// <summary>The entries of an EU file, its generation date, and the records the reader rejected.</summary>
internal sealed record EuDocument(string? GenerationDate, IReadOnlyList<EuEntityRecord> Entries, IReadOnlyList<RejectedRecord> Rejected) : IListDocument;
