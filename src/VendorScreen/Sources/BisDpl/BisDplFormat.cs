using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.BisDpl;

/// <summary>The BIS Denied Persons List, tab-separated (<c>dpl.txt</c>). Rows of one denial order become one entity
/// <c>bis-dpl:&lt;key&gt;</c> on <c>us-bis-dpl</c> with the effective and expiration dates and the Federal Register citation.
/// The file carries no publication date: the version is the file's last-write date (or the fetch date).</summary>
internal sealed class BisDplFormat() : RecordListFormat<BisDplDocument>("bis-dpl", "BIS Denied Persons List, tab-separated (dpl.txt)", "bis-dpl")
{
    internal override bool Recognises(string path)
    {
        var header = ListProbe.HeaderCells(ListProbe.FirstLine(path), '\t');
        return header.Length >= 10 && header[0] == "NAME" && header.Contains("STREET_ADDRESS") && header.Contains("FR_CITATION");
    }

    private protected override BisDplDocument ReadDocument(ListContent content) => BisDplReader.Read(content.Text(), content.SourceName, content.Location);

    private protected override void Map(BisDplDocument document, SnapshotAssembler assembler) => BisDplMapper.Map(document, assembler);
}
