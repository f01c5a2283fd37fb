using System.Text.Json;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Csl;

/// <summary>The layout a CSL record was read from.</summary>
internal enum CslLayout
{
    /// <summary>The current 29-column CSV layout (with <c>_id</c>).</summary>
    Current,

    /// <summary>The 28-column CSV layout used until about 2020 (no <c>_id</c>; identifiers written "value, type").</summary>
    Legacy,

    /// <summary>The JSON layout of the trade.gov API (<c>{"results": [...]}</c>).</summary>
    Json,
}

/// <summary>One raw CSL record: its fields by column name, where it is, and the layout it came from.</summary>
/// <param name="Position">The file and line (CSV) or the JSON path.</param>
/// <param name="Row">The 1-based record number, used for ids when the record has none.</param>
/// <param name="Layout">The layout.</param>
/// <param name="Fields">The fields by column name (multi-valued JSON arrays are joined with <c>"; "</c>).</param>
internal sealed record CslRecord(string Position, int Row, CslLayout Layout, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Gets a field, or null when absent or blank.</summary>
    public string? this[string column] => Fields.TryGetValue(column, out var v) ? ListText.Clean(v) : null;
}

/// <summary>The raw records of a CSL file, and the records the reader already rejected.</summary>
internal sealed record CslDocument(CslLayout Layout, IReadOnlyList<CslRecord> Records, IReadOnlyList<RejectedRecord> Rejected) : IListDocument;

/// <summary>Reads the US Consolidated Screening List, CSV (current and legacy layouts, detected by the header) or JSON,
/// into raw records.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CslReader
{
    /// <summary>The columns every CSL CSV header has.</summary>
    public static readonly string[] RequiredColumns = ["source", "name", "alt_names", "addresses", "federal_register_notice"];

    /// <summary>Reads CSL CSV text.</summary>
    /// <exception cref="SanctionListSourceException">The header is not a CSL header, a line is too long, or quoting is broken beyond repair.</exception>
    public static CslDocument ReadCsv(string text, string sourceName, string location)
    {
        var (rows, index) = CsvRows.ReadWithHeader(text, ",", sourceName, location, RequiredColumns, "CSL CSV",
            "the file is empty; a CSL CSV file starts with a header line");
        var header = rows[0].Fields;
        var layout = index.ContainsKey("_id") ? CslLayout.Current : CslLayout.Legacy;
        var names = header.Select(h => h.Trim().Trim('\uFEFF')).ToArray();
        var records = new List<CslRecord>();
        var rejected = new List<RejectedRecord>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var position = $"{location}:{row.Line}";
            if (CsvRows.Problem(row, names.Length, r => r.Fields.Length == names.Length) is { } problem)
            {
                rejected.Add(new RejectedRecord(position, problem));
                continue;
            }

            var fields = new Dictionary<string, string>(names.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++)
            {
                fields.TryAdd(names[i], row.Fields[i]);
            }

            records.Add(new CslRecord(position, r, layout, fields));
        }

        return new CslDocument(layout, records, rejected);
    }

    /// <summary>Reads CSL JSON: an object with a <c>results</c> array (or a bare array) of records with the CSV's field names.</summary>
    /// <exception cref="SanctionListSourceException">The document is not valid JSON or has no results array.</exception>
    public static CslDocument ReadJson(ReadOnlyMemory<byte> utf8, string sourceName, string location)
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SanctionListSourceException(sourceName, $"{location}:{ex.LineNumber + 1}", "not valid JSON: " + ex.Message, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var results = root.ValueKind == JsonValueKind.Array
                ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r
                    : throw new SanctionListSourceException(sourceName, location, "a CSL JSON document needs a \"results\" array");

            var records = new List<CslRecord>();
            var rejected = new List<RejectedRecord>();
            var i = 0;
            foreach (var item in results.EnumerateArray())
            {
                i++;
                var position = $"{location} $.results[{i - 1}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    rejected.Add(new RejectedRecord(position, "a result must be a JSON object"));
                    continue;
                }

                var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                try
                {
                    foreach (var property in item.EnumerateObject())
                    {
                        if (JsonValue(property.Name, property.Value) is { } value)
                        {
                            fields[property.Name == "id" ? "_id" : property.Name] = value;
                        }
                    }
                }
                catch (InvalidOperationException ex)
                {
                    // System.Text.Json decodes strings lazily: invalid UTF-8 or an escaped unpaired surrogate fails only here.
                    rejected.Add(new RejectedRecord(position, "a name or value is not valid Unicode text: " + ex.Message));
                    continue;
                }

                records.Add(new CslRecord(position, i, CslLayout.Json, fields));
            }

            return new CslDocument(CslLayout.Json, records, rejected);
        }
    }

    private static string? JsonValue(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(v => JsonItem(name, v)).Where(v => !string.IsNullOrWhiteSpace(v))),
        _ => null,
    };

    private static string? JsonItem(string name, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return JsonValue(name, item)?.Replace(';', ',');
        }

        // Addresses are objects {address, city, state, postal_code, country}; ids are {type, number, country, ...}.
        var ids = string.Equals(name, "ids", StringComparison.OrdinalIgnoreCase);
        string[] keys = ids ? ["type", "number", "country"] : ["address", "city", "state", "postal_code", "country"];
        var parts = keys
            .Select(k => item.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String ? ListText.Clean(v.GetString()?.Replace(';', ',')) : null)
            .Select(p => p ?? string.Empty)
            .ToList();
        return ids ? string.Join(", ", parts).TrimEnd(',', ' ') : string.Join(", ", parts.Where(p => p.Length > 0));
    }
}
