using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.CustomCsv;

/// <summary>One row of a custom list CSV.</summary>
internal sealed record CustomCsvRecord(int Line, string? Id, string? Name, string? Kind, string? Aliases, string? Country, string? List, string? Program,
    string? ListedOn, string? Identifiers, string? Notes)
{
    /// <summary>Gets the id of the row's parent: a row id of the same file, or <c>source:id</c> of an entity of another source.</summary>
    public string? Parent { get; init; }

    /// <summary>Gets the kind of the tie to the parent (<c>subsidiary-of</c>, <c>owned-by</c>, ...).</summary>
    public string? Relation { get; init; }

    /// <summary>Gets the parent's share in percent.</summary>
    public string? Share { get; init; }

    /// <summary>Gets the first date of the tie to the parent.</summary>
    public string? ParentFrom { get; init; }

    /// <summary>Gets the last date of the tie to the parent.</summary>
    public string? ParentUntil { get; init; }
}

/// <summary>The rows of a custom list CSV and the rows the reader rejected.</summary>
internal sealed record CustomCsvDocument(IReadOnlyList<CustomCsvRecord> Records, IReadOnlyList<RejectedRecord> Rejected) : IListDocument;

/// <summary>Reads VendorScreen's CSV format for custom lists (see <c>docs/custom-csv-format.md</c>): a header with
/// <c>id,name,kind,aliases,country,list,program,listed_on,identifiers,notes</c> (any order, <c>id</c> and <c>name</c>
/// required), then one row per listed party.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CustomCsvReader
{
    /// <summary>Every column of the format.</summary>
    public static readonly string[] Columns =
        ["id", "name", "kind", "aliases", "country", "list", "program", "listed_on", "identifiers", "notes", "parent", "relation", "share", "parent_from", "parent_until"];

    /// <summary>The columns a header must have.</summary>
    public static readonly string[] RequiredColumns = ["id", "name"];

    /// <summary>Reads custom list CSV text.</summary>
    /// <exception cref="SanctionListSourceException">The header lacks <c>id</c> or <c>name</c>, a line is too long, or quoting is broken beyond repair.</exception>
    public static CustomCsvDocument Read(string text, string sourceName, string location)
    {
        var (rows, index) = CsvRows.ReadWithHeader(text, ",", sourceName, location, RequiredColumns, "custom list CSV",
            "the file is empty; a custom list CSV starts with a header line (id,name,...)");
        var headerFields = rows[0].Fields.Length;
        var records = new List<CustomCsvRecord>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows.Skip(1))
        {
            if (CsvRows.Problem(row, headerFields, r => r.Fields.Length <= headerFields, " (quote values that contain commas)") is { } problem)
            {
                rejected.Add(new RejectedRecord($"{location}:{row.Line}", problem));
                continue;
            }

            string? F(string column) => index.TryGetValue(column, out var i) ? ListText.Clean(row[i]) : null;
            records.Add(new CustomCsvRecord(row.Line, F("id"), F("name"), F("kind"), F("aliases"), F("country"), F("list"), F("program"), F("listed_on"), F("identifiers"), F("notes"))
            {
                Parent = F("parent"),
                Relation = F("relation"),
                Share = F("share"),
                ParentFrom = F("parent_from"),
                ParentUntil = F("parent_until"),
            });
        }

        return new CustomCsvDocument(records, rejected);
    }
}
