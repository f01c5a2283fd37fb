using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Uk;

/// <summary>The two UK list layouts: the OFSI Consolidated List of Targets CSV ("ConList": a <c>Last Updated</c> line, a header,
/// then one row per name, alias and date-of-birth or address variant, grouped by <c>Group ID</c>) and the FCDO UK Sanctions List
/// CSV (a <c>Report Date</c> line, 58 columns, grouped by <c>Unique ID</c>). Entities are <c>uk:&lt;id&gt;</c> on
/// <c>uk-sanctions</c>; the version is the date of the first line. Windows-1252 files are read as such.</summary>
internal sealed class UkFormat(string name, string description, UkLayout layout) : RecordListFormat<UkDocument>(name, description, "uk")
{
    /// <summary>The OFSI ConList layout.</summary>
    public static UkFormat ConList { get; } = new("uk-conlist", "UK OFSI Consolidated List of Targets CSV (ConList)", UkLayout.ConList);

    /// <summary>The FCDO UK Sanctions List layout.</summary>
    public static UkFormat Fcdo { get; } = new("uk-fcdo-csv", "UK FCDO UK Sanctions List CSV", UkLayout.Fcdo);

    internal override bool Recognises(string path)
    {
        var lines = ListProbe.Lines(path, 2);
        if (layout == UkLayout.ConList)
        {
            return lines.Count == 2 && lines[0].StartsWith("Last Updated", StringComparison.OrdinalIgnoreCase)
                && ListProbe.HeaderCells(lines[1], ',') is var conList && conList.Contains("NAME 6") && conList.Contains("GROUP ID");
        }

        var header = lines.Count == 0 ? [] : ListProbe.HeaderCells(lines[0].StartsWith("Report Date", StringComparison.OrdinalIgnoreCase) && lines.Count == 2 ? lines[1] : lines[0], ',');
        return header.Contains("UNIQUE ID") && header.Contains("NAME 6") && header.Contains("NAME TYPE");
    }

    private protected override UkDocument ReadDocument(ListContent content) => UkReader.Read(content.Text(), layout, content.SourceName, content.Location);

    private protected override void Map(UkDocument document, SnapshotAssembler assembler) => UkMapper.Map(document, assembler);

    private protected override string? Published(UkDocument document) => document.Version;
}
