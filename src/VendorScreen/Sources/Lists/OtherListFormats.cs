using VendorScreen.Sources.BisDpl;
using VendorScreen.Sources.Csl;
using VendorScreen.Sources.CustomCsv;
using VendorScreen.Sources.Eu;
using VendorScreen.Sources.OpenSanctions;
using VendorScreen.Sources.Uk;
using VendorScreen.Sources.Un;

namespace VendorScreen.Sources.Lists;

/// <summary>Formats of the US CSL, BIS, UN, EU, UK, OpenSanctions and custom CSV lists for <see cref="SourceFormats"/>.</summary>
/// <remarks>Detection reads the first 4 KiB of a file: its first lines (CSV) or root element (XML).</remarks>
internal static class OtherListFormats
{
    public static IReadOnlyList<SourceFormat> All { get; } =
    [
        new("csl-csv", "US Consolidated Screening List CSV (current 29-column and legacy 28-column layouts)", IsCslCsv, static (p, c) => new CslCsvFileSource(p, c)),
        new("csl-json", "US Consolidated Screening List JSON ({\"results\": [...]})", IsCslJson, static (p, c) => new CslJsonFileSource(p, c)),
        new("bis-dpl", "BIS Denied Persons List, tab-separated (dpl.txt)", IsBisDpl, static (p, c) => new BisDplFileSource(p, c)),
        new("un-xml", "UN Security Council Consolidated List XML", IsUnXml, static (p, c) => new UnXmlFileSource(p, c)),
        new("eu-xml", "EU Financial Sanctions Files XML 1.1 (xmlFullSanctionsList_1_1)", IsEuXml, static (p, c) => new EuXmlFileSource(p, c)),
        new("eu-csv", "EU Financial Sanctions Files CSV v1 (semicolon-separated)", IsEuCsv, static (p, c) => new EuCsvFileSource(p, c)),
        new("uk-conlist", "UK OFSI Consolidated List of Targets CSV (ConList)", IsUkConList, static (p, c) => new UkConListFileSource(p, c)),
        new("uk-fcdo-csv", "UK FCDO UK Sanctions List CSV", IsUkFcdo, static (p, c) => new UkSanctionsListFileSource(p, c)),
        new("ftm-json", "FollowTheMoney JSON lines (OpenSanctions entities.ftm.json)", IsFtm, static (p, c) => new FtmJsonFileSource(p, c)),
        new("custom-csv", "VendorScreen custom list CSV (id,name,kind,aliases,country,list,program,listed_on,identifiers,notes)", IsCustomCsv, static (p, c) => new CustomCsvFileSource(p, c)),
    ];

    private static List<string> Lines(string path, int count) => ListInput.FirstLines(ListInput.Peek(path), count);

    private static string[] HeaderCells(string line, char delimiter) =>
        line.Split(delimiter).Select(c => c.Trim().Trim('"').Trim().ToUpperInvariant()).ToArray();

    private static bool IsCslCsv(string path)
    {
        var header = HeaderCells(Lines(path, 1).FirstOrDefault() ?? string.Empty, ',');
        return header.Contains("SOURCE") && header.Contains("ALT_NAMES") && header.Contains("FEDERAL_REGISTER_NOTICE");
    }

    private static bool IsCslJson(string path)
    {
        var text = ListInput.Peek(path).TrimStart();
        return text.StartsWith('{') && text.Contains("\"results\"", StringComparison.Ordinal)
            && (text.Contains("\"alt_names\"", StringComparison.Ordinal) || text.Contains("\"federal_register_notice\"", StringComparison.Ordinal) || text.Contains("\"source_list_url\"", StringComparison.Ordinal));
    }

    private static bool IsBisDpl(string path)
    {
        var header = HeaderCells(Lines(path, 1).FirstOrDefault() ?? string.Empty, '\t');
        return header.Length >= 10 && header[0] == "NAME" && header.Contains("STREET_ADDRESS") && header.Contains("FR_CITATION");
    }

    private static bool IsUnXml(string path) => ListInput.Peek(path).Contains("<CONSOLIDATED_LIST", StringComparison.Ordinal);

    private static bool IsEuXml(string path)
    {
        var text = ListInput.Peek(path);
        return text.Contains("<export", StringComparison.Ordinal)
            && (text.Contains(EuXmlReader.Namespace, StringComparison.Ordinal) || text.Contains("<sanctionEntity", StringComparison.Ordinal));
    }

    private static bool IsEuCsv(string path)
    {
        var line = (Lines(path, 1).FirstOrDefault() ?? string.Empty).TrimStart('"');
        return line.StartsWith("Date_file", StringComparison.OrdinalIgnoreCase) && line.Contains("Entity_logical_id", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsUkConList(string path)
    {
        var lines = Lines(path, 2);
        return lines.Count == 2 && lines[0].StartsWith("Last Updated", StringComparison.OrdinalIgnoreCase)
            && HeaderCells(lines[1], ',') is var header && header.Contains("NAME 6") && header.Contains("GROUP ID");
    }

    private static bool IsUkFcdo(string path)
    {
        var lines = Lines(path, 2);
        var header = lines.Count == 0 ? [] : HeaderCells(lines[0].StartsWith("Report Date", StringComparison.OrdinalIgnoreCase) && lines.Count == 2 ? lines[1] : lines[0], ',');
        return header.Contains("UNIQUE ID") && header.Contains("NAME 6") && header.Contains("NAME TYPE");
    }

    private static bool IsFtm(string path)
    {
        var first = Lines(path, 1).FirstOrDefault()?.TrimStart() ?? string.Empty;
        return first.StartsWith('{') && first.Contains("\"schema\"", StringComparison.Ordinal) && first.Contains("\"properties\"", StringComparison.Ordinal);
    }

    private static bool IsCustomCsv(string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var header = HeaderCells(Lines(path, 1).FirstOrDefault() ?? string.Empty, ',');
        return header.Contains("ID") && header.Contains("NAME")
            && header.Any(h => h is "KIND" or "ALIASES" or "LIST" or "IDENTIFIERS" or "LISTED_ON")
            && header.All(h => CustomCsvReader.Columns.Contains(h.ToLowerInvariant()));
    }
}
