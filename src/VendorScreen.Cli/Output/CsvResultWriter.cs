using System.Globalization;
using CsvHelper;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>Writes one CSV record per input row with its best hit. Every text cell is escaped against spreadsheet formula
/// injection (<see cref="SafeText.CsvCell"/>); this is the only CSV the project writes.</summary>
internal sealed class CsvResultWriter : ResultWriter
{
    /// <summary>The header, a stable contract.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["id", "decision", "rule", "score", "field", "query", "entity_id", "entity_name", "matched_name", "listed_entity_id", "lists", "path", "reason",
            "path_detail", "ownership"];

    private readonly CsvWriter _csv;

    public CsvResultWriter(TextWriter writer)
    {
        _csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Header)
        {
            _csv.WriteField(column);
        }

        _csv.NextRecord();
    }

    public override void Write(InputRow row, ScreeningResult result)
    {
        var hit = result.Hits.Count > 0 ? result.Hits[0] : null;
        WriteText(row.Id);
        WriteText(result.Decision.ToLowerCase());
        WriteText(result.DecidingRule);
        _csv.WriteField(hit is null ? string.Empty : FormatScore(hit.Score));
        WriteText(hit?.Field);
        WriteText(hit?.Query);
        WriteText(hit?.EntityId);
        WriteText(hit?.EntityName);
        WriteText(hit?.MatchedName);
        WriteText(hit?.ListedEntityId);
        WriteText(hit is null ? null : string.Join(';', ListsOf(hit.Listings)));
        WriteText(hit is null ? null : string.Join(" > ", PathOf(hit)));
        WriteText(result.Reason);
        WriteText(hit is null ? null : DetailedPath(hit.Path, hit.EntityName));
        WriteText(hit is null ? null : OwnershipText(hit));
        _csv.NextRecord();
    }

    public override void Flush() => _csv.Flush();

    /// <summary>Writes a text cell, escaped against formula injection (<see cref="SafeText.CsvCell"/>).</summary>
    private void WriteText(string? text) => _csv.WriteField(SafeText.CsvCell(text));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }

        base.Dispose(disposing);
    }
}
