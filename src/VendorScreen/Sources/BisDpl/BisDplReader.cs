using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.BisDpl;

/// <summary>One row of the BIS Denied Persons List file.</summary>
internal sealed record BisDplRecord(int Line, string? Name, string? StreetAddress, string? City, string? State, string? Country,
    string? PostalCode, string? EffectiveDate, string? ExpirationDate, string? StandardOrder, string? LastUpdate, string? Action, string? FrCitation);

/// <summary>The rows of a DPL file and the rows the reader rejected.</summary>
internal sealed record BisDplDocument(IReadOnlyList<BisDplRecord> Records, IReadOnlyList<RejectedRecord> Rejected) : IListDocument;

/// <summary>Reads the BIS Denied Persons List: tab-separated, quoted fields, a 12-column header
/// (<c>Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order,
/// Last_Update, Action, FR_Citation</c>).</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class BisDplReader
{
    /// <summary>The header columns.</summary>
    public static readonly string[] Columns =
        ["Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date", "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"];

    /// <summary>Reads DPL text.</summary>
    /// <exception cref="SanctionListSourceException">The header is not a DPL header, a line is too long, or quoting is broken beyond repair.</exception>
    public static BisDplDocument Read(string text, string sourceName, string location)
    {
        var (rows, index) = CsvRows.ReadWithHeader(text, "\t", sourceName, location, Columns, "BIS Denied Persons List (tab-separated)",
            "the file is empty; a DPL file starts with a header line");
        var records = new List<BisDplRecord>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows.Skip(1))
        {
            if (CsvRows.Problem(row, Columns.Length, r => r.Fields.Length >= Columns.Length) is { } problem)
            {
                rejected.Add(new RejectedRecord($"{location}:{row.Line}", problem));
                continue;
            }

            string? F(string column) => ListText.Clean(row[index[column]]);
            records.Add(new BisDplRecord(row.Line, F("Name"), F("Street_Address"), F("City"), F("State"), F("Country"), F("Postal_Code"),
                F("Effective_Date"), F("Expiration_Date"), F("Standard_Order"), F("Last_Update"), F("Action"), F("FR_Citation")));
        }

        return new BisDplDocument(records, rejected);
    }
}
