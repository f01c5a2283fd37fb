using System.Globalization;
using CsvHelper;
using VendorScreen.Cli.Input;

namespace VendorScreen.Cli.Output;

/// <summary>Writes one CSV record per input row with its best hit.</summary>
internal sealed class CsvResultWriter : ResultWriter
{
    /// <summary>The header, a stable contract.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["id", "decision", "rule", "score", "field", "query", "entity_id", "entity_name", "matched_name", "listed_entity_id", "lists", "path", "reason"];

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
        _csv.WriteField(row.Id);
        _csv.WriteField(result.Decision.ToLowerCase());
        _csv.WriteField(result.DecidingRule ?? string.Empty);
        _csv.WriteField(hit is null ? string.Empty : FormatScore(hit.Score));
        _csv.WriteField(hit?.Field ?? string.Empty);
        _csv.WriteField(hit?.Query ?? string.Empty);
        _csv.WriteField(hit?.EntityId ?? string.Empty);
        _csv.WriteField(hit?.EntityName ?? string.Empty);
        _csv.WriteField(hit?.MatchedName ?? string.Empty);
        _csv.WriteField(hit?.ListedEntityId ?? string.Empty);
        _csv.WriteField(hit is null ? string.Empty : string.Join(';', ListsOf(hit)));
        _csv.WriteField(hit is null ? string.Empty : string.Join(" > ", PathOf(hit)));
        _csv.WriteField(result.Reason);
        _csv.NextRecord();
    }

    public override void Flush() => _csv.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }

        base.Dispose(disposing);
    }
}
