using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace VendorScreen.Sources.Lists;

/// <summary>One record of a delimited file: its fields, the physical line it starts on, and a quoting problem if any.</summary>
/// <param name="Line">The 1-based physical line the record starts on.</param>
/// <param name="Fields">The fields.</param>
/// <param name="BadData">A description of bad quoting in the record, or null.</param>
internal sealed record CsvRow(int Line, string[] Fields, string? BadData)
{
    /// <summary>Gets a field, or null when the record is shorter.</summary>
    public string? this[int index] => index >= 0 && index < Fields.Length ? Fields[index] : null;
}

/// <summary>Reads delimited text into <see cref="CsvRow"/>s with CsvHelper, keeping line numbers and reporting bad quoting
/// per record.</summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class CsvRows
{
    /// <summary>Reads all records of a text.</summary>
    /// <param name="text">The decoded text.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="sourceName">The source name for errors.</param>
    /// <param name="location">The file for errors.</param>
    /// <param name="firstLine">The physical line number of the first line of <paramref name="text"/>.</param>
    /// <param name="quoting">Whether double quotes delimit fields.</param>
    /// <exception cref="SanctionListSourceException">A line is too long or the text cannot be parsed at all.</exception>
    public static List<CsvRow> Read(string text, string delimiter, string sourceName, string location, int firstLine = 1, bool quoting = true)
    {
        ListInput.CheckLineLengths(text, sourceName, location);
        string? bad = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            Mode = quoting ? CsvMode.RFC4180 : CsvMode.NoEscape,
            MaxFieldSize = ListInput.MaxLineChars,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = args => bad ??= args.Field.Length > 60 ? $"bad quoting near \"{args.Field[..60]}...\"" : $"bad quoting near \"{args.Field}\"",
        };

        var rows = new List<CsvRow>();
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        var endLine = firstLine - 1;
        try
        {
            while (parser.Read())
            {
                var raw = parser.RawRecord.TrimEnd('\r', '\n');
                var newlines = raw.Count(c => c == '\n');
                var rawRow = parser.RawRow + firstLine - 1;
                var line = rawRow - newlines;
                if (quoting && EndsInsideQuotes(raw, delimiter))
                {
                    // The line breaks at the end belong to the unclosed field, so they count too.
                    var start = rawRow - parser.RawRecord.Count(c => c == '\n');
                    throw new SanctionListSourceException(sourceName, $"{location}:{start}", "a quoted field opened in this record is never closed; the rest of the file would be read as one field");
                }

                rows.Add(new CsvRow(line, parser.Record ?? [], bad));
                bad = null;
                endLine = rawRow;
            }
        }
        catch (CsvHelperException ex)
        {
            throw new SanctionListSourceException(sourceName, $"{location}:{endLine + 1}", "the file cannot be parsed as delimited text: " + FirstLine(ex.Message), ex);
        }

        return rows;
    }

    /// <summary>Reads a text whose first record is a header: the records, and the index of each header column, checked to have the
    /// required columns.</summary>
    /// <param name="text">The decoded text.</param>
    /// <param name="delimiter">The field delimiter.</param>
    /// <param name="sourceName">The source name for errors.</param>
    /// <param name="location">The file for errors.</param>
    /// <param name="required">The columns the header must have.</param>
    /// <param name="formatName">The format, for the message about a wrong header.</param>
    /// <param name="emptyMessage">The message when the text holds no record at all.</param>
    /// <returns>Every record, the header first, and the header's column index.</returns>
    /// <exception cref="SanctionListSourceException">The text is empty, a line is too long, the text cannot be parsed, or a required
    /// column is missing.</exception>
    public static (List<CsvRow> Rows, Dictionary<string, int> Index) ReadWithHeader(string text, string delimiter, string sourceName, string location,
        IEnumerable<string> required, string formatName, string emptyMessage)
    {
        var rows = Read(text, delimiter, sourceName, location);
        if (rows.Count == 0)
        {
            throw new SanctionListSourceException(sourceName, location, emptyMessage);
        }

        var index = IndexHeader(rows[0].Fields);
        Require(index, required, sourceName, location, rows[0].Line, formatName);
        return (rows, index);
    }

    /// <summary>Gets why a data record cannot be read: its bad quoting, or a number of fields that does not fit the header.</summary>
    /// <param name="row">The record.</param>
    /// <param name="headerFields">How many fields the header has.</param>
    /// <param name="fits">Whether the record's fields fit the header.</param>
    /// <param name="hint">Words added to the message about the number of fields, or <see langword="null"/>.</param>
    /// <returns>The reason to reject the record, or <see langword="null"/> when it can be read.</returns>
    public static string? Problem(CsvRow row, int headerFields, Func<CsvRow, bool> fits, string? hint = null)
    {
        if (row.BadData is not null)
        {
            return row.BadData;
        }

        return fits(row) ? null : $"record has {row.Fields.Length} fields; the header has {headerFields}{hint}";
    }

    /// <summary>Finds the index of each wanted column in a header row, matching names case-insensitively after trimming.</summary>
    public static Dictionary<string, int> IndexHeader(IReadOnlyList<string> header)
    {
        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().Trim('\uFEFF').Trim();
            result.TryAdd(name, i);
        }

        return result;
    }

    /// <summary>Fails with a clear message when a header lacks required columns.</summary>
    /// <exception cref="SanctionListSourceException">A required column is missing.</exception>
    public static void Require(Dictionary<string, int> header, IEnumerable<string> required, string sourceName, string location, int line, string formatName)
    {
        var missing = required.Where(r => !header.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new SanctionListSourceException(sourceName, $"{location}:{line}",
                $"the header is not a {formatName} header: missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(m => "\"" + m + "\""))}");
        }
    }

    private static bool EndsInsideQuotes(string raw, string delimiter)
    {
        var fieldStart = true;
        var inQuotes = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < raw.Length && raw[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }

                continue;
            }

            if (fieldStart && c == '"')
            {
                inQuotes = true;
                fieldStart = false;
                continue;
            }

            fieldStart = string.CompareOrdinal(raw, i, delimiter, 0, delimiter.Length) == 0 || c == '\n';
            if (fieldStart && delimiter.Length > 1)
            {
                i += delimiter.Length - 1;
            }
        }

        return inQuotes;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
