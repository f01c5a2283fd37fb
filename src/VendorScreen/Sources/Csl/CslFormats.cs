using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Csl;

/// <summary>The US Consolidated Screening List (trade.gov) as CSV: the current 29-column layout or the older 28-column layout,
/// told apart by the header. Each record becomes an entity <c>csl:&lt;_id, entity number or row&gt;</c> with a listing on the
/// list its <c>source</c> names (Entity List, DPL, UVL, MEU, SDN, SSI, ...). The version is the file's last-write date.</summary>
internal sealed class CslCsvFormat() : RecordListFormat<CslDocument>("csl-csv", "US Consolidated Screening List CSV (current 29-column and legacy 28-column layouts)", "csl")
{
    internal override bool Recognises(string path)
    {
        var header = ListProbe.HeaderCells(ListProbe.FirstLine(path), ',');
        return header.Contains("SOURCE") && header.Contains("ALT_NAMES") && header.Contains("FEDERAL_REGISTER_NOTICE");
    }

    private protected override CslDocument ReadDocument(ListContent content) => CslReader.ReadCsv(content.Text(), content.SourceName, content.Location);

    private protected override void Map(CslDocument document, SnapshotAssembler assembler) => CslMapper.Map(document, assembler);
}

/// <summary>The US Consolidated Screening List as JSON (<c>{"results": [...]}</c> with the CSV's field names; arrays for the
/// multi-valued fields), mapped like <see cref="CslCsvFormat"/>.</summary>
internal sealed class CslJsonFormat() : RecordListFormat<CslDocument>("csl-json", "US Consolidated Screening List JSON ({\"results\": [...]})", "csl")
{
    internal override bool Recognises(string path)
    {
        var text = ListProbe.Head(path).TrimStart();
        return text.StartsWith('{') && text.Contains("\"results\"", StringComparison.Ordinal)
            && (text.Contains("\"alt_names\"", StringComparison.Ordinal) || text.Contains("\"federal_register_notice\"", StringComparison.Ordinal) || text.Contains("\"source_list_url\"", StringComparison.Ordinal));
    }

    private protected override CslDocument ReadDocument(ListContent content) => CslReader.ReadJson(content.Bytes(), content.SourceName, content.Location);

    private protected override void Map(CslDocument document, SnapshotAssembler assembler) => CslMapper.Map(document, assembler);
}
