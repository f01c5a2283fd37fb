using System.Globalization;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Uk;

/// <summary>The UK list layout a file is in.</summary>
internal enum UkLayout
{
    /// <summary>The OFSI Consolidated List of Targets CSV ("ConList"): a <c>Last Updated</c> line, then one row per name, grouped by <c>Group ID</c>.</summary>
    ConList,

    /// <summary>The FCDO UK Sanctions List CSV: a <c>Report Date</c> line, then one row per name and address, grouped by <c>Unique ID</c>.</summary>
    Fcdo,
}

/// <summary>One row of a UK list file, by column name.</summary>
internal sealed record UkRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Gets a field, or null when absent or blank.</summary>
    public string? this[string column] => Fields.TryGetValue(column, out var v) ? ListText.Clean(v) : null;
}

/// <summary>The rows of a UK list file, the date in its first line, and the rows the reader rejected.</summary>
internal sealed record UkDocument(UkLayout Layout, string? Version, IReadOnlyList<UkRow> Rows, IReadOnlyList<RejectedRecord> Rejected) : IListDocument;

/// <summary>Reads the UK sanctions list CSV files: the OFSI ConList (Windows-1252 in older copies) and the FCDO UK
/// Sanctions List.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class UkReader
{
    /// <summary>The ConList columns the reader needs.</summary>
    public static readonly string[] ConListColumns = ["Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID"];

    /// <summary>The FCDO UK Sanctions List columns the reader needs.</summary>
    public static readonly string[] FcdoColumns = ["Unique ID", "Name 6", "Name 1", "Name type", "Regime Name", "Designation Type"];

    /// <summary>Reads UK list text in the given layout.</summary>
    /// <exception cref="SanctionListSourceException">The first lines are not those of the layout, a line is too long, or quoting is broken beyond repair.</exception>
    public static UkDocument Read(string text, UkLayout layout, string sourceName, string location)
    {
        var rows = CsvRows.Read(text, ",", sourceName, location);
        if (rows.Count < 2)
        {
            throw new SanctionListSourceException(sourceName, location, "the file has no header; a UK list file starts with a date line and a header line");
        }

        var first = rows[0];
        string? version;
        int headerAt;
        if (layout == UkLayout.ConList)
        {
            if (!string.Equals(first[0]?.Trim(), "Last Updated", StringComparison.OrdinalIgnoreCase))
            {
                throw new SanctionListSourceException(sourceName, $"{location}:{first.Line}", "the first line of an OFSI ConList file is \"Last Updated,<dd/MM/yyyy>\"");
            }

            version = ListText.DayFirstDate(first[1])?.ToString();
            headerAt = 1;
        }
        else
        {
            var firstText = first[0]?.Trim() ?? string.Empty;
            if (firstText.StartsWith("Report Date", StringComparison.OrdinalIgnoreCase))
            {
                version = ReportDate(firstText);
                headerAt = 1;
            }
            else
            {
                version = null;
                headerAt = 0;
            }
        }

        var header = rows[headerAt].Fields.Select(f => f.Trim().Trim('\uFEFF')).ToArray();
        var index = CsvRows.IndexHeader(header);
        CsvRows.Require(index, layout == UkLayout.ConList ? ConListColumns : FcdoColumns, sourceName, location, rows[headerAt].Line,
            layout == UkLayout.ConList ? "OFSI ConList" : "FCDO UK Sanctions List");

        var result = new List<UkRow>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows.Skip(headerAt + 1))
        {
            var position = $"{location}:{row.Line}";
            if (CsvRows.Problem(row, header.Length, r => r.Fields.Length == header.Length || (r.Fields.Length > header.Length && r.Fields.Skip(header.Length).All(string.IsNullOrWhiteSpace))) is { } problem)
            {
                rejected.Add(new RejectedRecord(position, problem));
                continue;
            }

            var fields = new Dictionary<string, string>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < row.Fields.Length; i++)
            {
                fields.TryAdd(header[i], row.Fields[i]);
            }

            result.Add(new UkRow(row.Line, fields));
        }

        return new UkDocument(layout, version, result, rejected);
    }

    /// <summary>Parses "Report Date: 13-Feb-2026" into <c>2026-02-13</c>.</summary>
    private static string? ReportDate(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var value = colon >= 0 ? text[(colon + 1)..].Trim() : string.Empty;
        string[] formats = ["dd-MMM-yyyy", "d-MMM-yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "dd MMMM yyyy", "d MMMM yyyy"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }
}
