using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Ofac;

/// <summary>One CSV record with its position: <c>file:line</c> of its first line.</summary>
internal sealed record OfacCsvRow(string Position, string[] Fields);

/// <summary>
/// Reads the OFAC legacy CSV files (no header row; <c>-0-</c> as null; a trailing DOS end-of-file byte <c>0x1A</c>) into raw
/// records. The <c>0x1A</c> byte ends one part of a file; text after it is read as a further part, so two files joined at
/// the byte stay apart. Records with the wrong number of fields, broken quoting or a non-numeric <c>ent_num</c> become
/// <see cref="RejectedRecord"/>s with their <c>file:line</c> position.
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class OfacCsvReader
{
    /// <summary>The DOS end-of-file byte that ends OFAC files.</summary>
    public const byte EndOfFileByte = 0x1A;

    private const string DefaultSourceName = "ofac-csv";

    /// <summary>Gets the number of fields of each file.</summary>
    public static int FieldCount(OfacCsvFileKind kind) => kind switch
    {
        OfacCsvFileKind.Primary => 12,
        OfacCsvFileKind.Address => 6,
        OfacCsvFileKind.Alias => 5,
        OfacCsvFileKind.Comments => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown file kind."),
    };

    /// <summary>Reads a primary file (<c>sdn.csv</c>, <c>cons_prim.csv</c>), one list of records per part.</summary>
    /// <param name="bytes">The file bytes.</param>
    /// <param name="fileName">The file name used in positions.</param>
    /// <param name="rejected">Receives the rejected records.</param>
    /// <param name="sourceName">The source name used in exceptions.</param>
    public static List<List<OfacPrimaryRecord>> ReadPrimary(ReadOnlySpan<byte> bytes, string fileName, List<RejectedRecord> rejected, string sourceName = DefaultSourceName)
    {
        var parts = new List<List<OfacPrimaryRecord>>();
        foreach (var part in ReadParts(bytes, fileName, FieldCount(OfacCsvFileKind.Primary), rejected, sourceName))
        {
            var records = new List<OfacPrimaryRecord>(part.Count);
            foreach (var row in part)
            {
                if (!TryEntNum(row, rejected, out var entNum) || !TryRequired(row, entNum, 1, "SDN_Name", rejected, out var name))
                {
                    continue;
                }

                var f = row.Fields;
                records.Add(new OfacPrimaryRecord(row.Position, entNum, name, OfacList.Value(f[2]), OfacList.Value(f[3]), OfacList.Value(f[4]),
                    OfacList.Value(f[5]), OfacList.Value(f[6]), OfacList.Value(f[7]), OfacList.Value(f[8]), OfacList.Value(f[9]),
                    OfacList.Value(f[10]), OfacList.RawValue(f[11])));
            }

            parts.Add(records);
        }

        return parts;
    }

    /// <summary>Reads an address file; parts are read in order and returned together.</summary>
    public static List<OfacAddressRecord> ReadAddresses(ReadOnlySpan<byte> bytes, string fileName, List<RejectedRecord> rejected, string sourceName = DefaultSourceName)
    {
        var records = new List<OfacAddressRecord>();
        foreach (var row in ReadParts(bytes, fileName, FieldCount(OfacCsvFileKind.Address), rejected, sourceName).SelectMany(p => p))
        {
            if (TryEntNum(row, rejected, out var entNum))
            {
                var f = row.Fields;
                records.Add(new OfacAddressRecord(row.Position, entNum, OfacList.Value(f[1]), OfacList.Value(f[2]), OfacList.Value(f[3]), OfacList.Value(f[4]), OfacList.Value(f[5])));
            }
        }

        return records;
    }

    /// <summary>Reads an alternate-name file; parts are read in order and returned together.</summary>
    public static List<OfacAliasRecord> ReadAliases(ReadOnlySpan<byte> bytes, string fileName, List<RejectedRecord> rejected, string sourceName = DefaultSourceName)
    {
        var records = new List<OfacAliasRecord>();
        foreach (var row in ReadParts(bytes, fileName, FieldCount(OfacCsvFileKind.Alias), rejected, sourceName).SelectMany(p => p))
        {
            if (!TryEntNum(row, rejected, out var entNum) || !TryRequired(row, entNum, 3, "alt_name", rejected, out var name))
            {
                continue;
            }

            var f = row.Fields;
            records.Add(new OfacAliasRecord(row.Position, entNum, OfacList.Value(f[1]), OfacList.Value(f[2]), name, OfacList.Value(f[4])));
        }

        return records;
    }

    /// <summary>Reads a comments file (remarks continuations); parts are read in order and returned together.</summary>
    public static List<OfacCommentRecord> ReadComments(ReadOnlySpan<byte> bytes, string fileName, List<RejectedRecord> rejected, string sourceName = DefaultSourceName)
    {
        var records = new List<OfacCommentRecord>();
        foreach (var row in ReadParts(bytes, fileName, FieldCount(OfacCsvFileKind.Comments), rejected, sourceName).SelectMany(p => p))
        {
            if (TryEntNum(row, rejected, out var entNum) && OfacList.RawValue(row.Fields[1]) is { } text)
            {
                records.Add(new OfacCommentRecord(row.Position, entNum, text));
            }
        }

        return records;
    }

    /// <summary>Reads the records of a file, split into parts at the end-of-file byte. Parts holding only white space are skipped.</summary>
    /// <param name="bytes">The file bytes.</param>
    /// <param name="fileName">The file name used in positions.</param>
    /// <param name="fieldCount">The number of fields each record must have.</param>
    /// <param name="rejected">Receives records with a wrong field count or broken quoting.</param>
    /// <param name="sourceName">The source name used in exceptions.</param>
    /// <exception cref="SanctionListSourceException">The CSV parser fails on the file.</exception>
    public static List<List<OfacCsvRow>> ReadParts(ReadOnlySpan<byte> bytes, string fileName, int fieldCount, List<RejectedRecord> rejected, string sourceName = DefaultSourceName)
    {
        var parts = new List<List<OfacCsvRow>>();
        var start = 0;
        var lineOffset = 0;
        while (start <= bytes.Length)
        {
            var length = bytes[start..].IndexOf(EndOfFileByte);
            var end = length < 0 ? bytes.Length : start + length;
            var segment = bytes[start..end];
            var text = ListInput.Decode(segment);
            if (!string.IsNullOrWhiteSpace(text))
            {
                parts.Add(ReadPart(text, fileName, fieldCount, lineOffset, rejected, sourceName));
            }

            lineOffset += segment.Count((byte)'\n');
            if (length < 0)
            {
                break;
            }

            start = end + 1;
        }

        return parts;
    }

    private static List<OfacCsvRow> ReadPart(string text, string fileName, int fieldCount, int lineOffset, List<RejectedRecord> rejected, string sourceName)
    {
        var rows = new List<OfacCsvRow>();
        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            DetectDelimiter = false,
            Delimiter = ",",
            Mode = CsvMode.RFC4180,
            BadDataFound = args => badField ??= args.Field,
            MissingFieldFound = null,
        };

        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        try
        {
            while (parser.Read())
            {
                var raw = parser.RawRecord;
                var inner = raw.AsSpan().TrimEnd("\r\n").Count('\n');
                var line = lineOffset + parser.RawRow - inner;
                var position = string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}");
                var record = parser.Record ?? [];
                if (badField is not null)
                {
                    rejected.Add(new(position, $"broken quoting near \"{Shorten(badField)}\""));
                    badField = null;
                    continue;
                }

                if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
                {
                    continue;
                }

                if (record.Length != fieldCount)
                {
                    rejected.Add(new(position, $"has {record.Length} fields, expected {fieldCount}"));
                    continue;
                }

                rows.Add(new OfacCsvRow(position, record));
            }
        }
        catch (CsvHelperException ex)
        {
            throw new SanctionListSourceException(sourceName, string.Create(CultureInfo.InvariantCulture, $"{fileName}:{lineOffset + parser.RawRow}"), "the CSV parser failed: " + ex.Message, ex);
        }

        return rows;
    }

    private static bool TryEntNum(OfacCsvRow row, List<RejectedRecord> rejected, out int entNum)
    {
        var text = row.Fields[0].Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out entNum) && entNum > 0)
        {
            return true;
        }

        rejected.Add(new(row.Position, $"ent_num \"{Shorten(text)}\" is not a number"));
        return false;
    }

    /// <summary>Reads a field a record cannot do without; a record where it is empty (or the null marker) is rejected.</summary>
    private static bool TryRequired(OfacCsvRow row, int entNum, int field, string column, List<RejectedRecord> rejected, [NotNullWhen(true)] out string? value)
    {
        value = OfacList.Value(row.Fields[field]);
        if (value is null)
        {
            rejected.Add(new(row.Position, $"ent_num {entNum}: {column} is empty"));
            return false;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
