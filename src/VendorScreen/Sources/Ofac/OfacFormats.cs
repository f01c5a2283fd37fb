using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace VendorScreen.Sources.Ofac;

/// <summary>OFAC formats for <see cref="SourceFormats"/>: the legacy CSV files, the flat XML and the advanced XML.</summary>
internal static class OfacFormats
{
    public static IReadOnlyList<SourceFormat> All { get; } =
    [
        new SourceFormat("ofac-csv", "OFAC SDN / Consolidated legacy CSV (sdn.csv, add.csv, alt.csv, sdn_comments.csv; cons_*.csv), a folder or one primary file", DetectCsv, static (path, clock) => new OfacCsvSource(path, clock)),
        new SourceFormat("ofac-xml", "OFAC SDN.XML / CONSOLIDATED.XML (root sdnList)", path => DetectXml(path, advanced: false), static (path, clock) => new OfacXmlSource(path, clock)),
        new SourceFormat("ofac-advanced-xml", "OFAC SDN_ADVANCED.XML / CONS_ADVANCED.XML (root Sanctions)", path => DetectXml(path, advanced: true), static (path, clock) => new OfacXmlSource(path, clock)),
    ];

    /// <summary>A folder with <c>sdn.csv</c> or <c>cons_prim.csv</c>, or a <c>.csv</c> file whose first record has 12 fields and
    /// a numeric <c>ent_num</c>.</summary>
    internal static bool DetectCsv(string path)
    {
        if (Directory.Exists(path))
        {
            return OfacCsvSource.IsOfacFolder(path);
        }

        if (!File.Exists(path) || !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[64 * 1024];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            using var reader = new StringReader(OfacList.Decode(buffer.AsSpan(0, read)));
            using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, DetectDelimiter = false });
            if (!parser.Read() || parser.Record is not { Length: 12 } record)
            {
                return false;
            }

            return int.TryParse(record[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CsvHelperException)
        {
            return false;
        }
    }

    /// <summary>An <c>.xml</c> file whose root is <c>sdnList</c> (flat) or <c>Sanctions</c> in an OFAC or UN sanctions namespace (advanced).</summary>
    internal static bool DetectXml(string path, bool advanced)
    {
        if (!File.Exists(path) || !path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var root = OfacXml.Root(stream);
            if (root is not { } r)
            {
                return false;
            }

            return advanced
                ? r.LocalName == OfacAdvancedXmlReader.RootName
                    && (r.Namespace.Length == 0 || r.Namespace.Contains("ofac", StringComparison.OrdinalIgnoreCase) || r.Namespace.Contains("un.org/sanctions", StringComparison.OrdinalIgnoreCase))
                : r.LocalName == OfacSdnXmlReader.RootName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
