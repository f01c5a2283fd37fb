using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Un;

/// <summary>The UN Security Council Consolidated List XML. Each INDIVIDUAL and ENTITY becomes an entity
/// <c>un:&lt;REFERENCE_NUMBER&gt;</c> on <c>un-sc-consolidated</c>, with its regime (<c>UN_LIST_TYPE</c>) as program, its
/// original-script name, its aliases (QUALITY Low as weak aliases, f.k.a. as former names), nationalities, addresses and
/// documents; dates and places of birth go to the remarks. The version is the file's <c>dateGenerated</c>.</summary>
internal sealed class UnXmlFormat() : RecordListFormat<UnDocument>("un-xml", "UN Security Council Consolidated List XML", "un")
{
    internal override bool Recognises(string path) => ListProbe.Head(path).Contains("<CONSOLIDATED_LIST", StringComparison.Ordinal);

    private protected override UnDocument ReadDocument(ListContent content)
    {
        using var stream = ListInput.AsStream(content.Bytes());
        return UnXmlReader.Read(stream, content.SourceName, content.Location);
    }

    private protected override void Map(UnDocument document, SnapshotAssembler assembler) => UnMapper.Map(document, assembler);

    private protected override string? Published(UnDocument document) => ListText.IsoDate(document.DateGenerated)?.ToString();
}
