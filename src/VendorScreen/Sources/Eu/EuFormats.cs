using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Eu;

/// <summary>The EU Financial Sanctions Files XML 1.1 (<c>xmlFullSanctionsList_1_1</c>). Each sanction entity becomes an entity
/// <c>eu:&lt;logicalId&gt;</c> on <c>eu-fsf</c>. The version is the file's generation date.</summary>
internal sealed class EuXmlFormat() : RecordListFormat<EuDocument>("eu-xml", "EU Financial Sanctions Files XML 1.1 (xmlFullSanctionsList_1_1)", "eu")
{
    internal override bool Recognises(string path)
    {
        var text = ListProbe.Head(path);
        return text.Contains("<export", StringComparison.Ordinal)
            && (text.Contains(EuXmlReader.Namespace, StringComparison.Ordinal) || text.Contains("<sanctionEntity", StringComparison.Ordinal));
    }

    private protected override EuDocument ReadDocument(ListContent content)
    {
        using var stream = ListInput.AsStream(content.Bytes());
        return EuXmlReader.Read(stream, content.SourceName, content.Location);
    }

    private protected override void Map(EuDocument document, SnapshotAssembler assembler) => EuMapper.Map(document, assembler);

    private protected override string? Published(EuDocument document) => ListText.IsoDate(document.GenerationDate)?.ToString();
}

/// <summary>The EU Financial Sanctions Files CSV v1 (semicolon-separated, one row per name, address, birth date or identity
/// document), grouped by <c>Entity_logical_id</c> and mapped like <see cref="EuXmlFormat"/>. The version is the file date.</summary>
internal sealed class EuCsvFormat() : RecordListFormat<EuDocument>("eu-csv", "EU Financial Sanctions Files CSV v1 (semicolon-separated)", "eu")
{
    internal override bool Recognises(string path)
    {
        var line = ListProbe.FirstLine(path).TrimStart('"');
        return line.StartsWith("Date_file", StringComparison.OrdinalIgnoreCase) && line.Contains("Entity_logical_id", StringComparison.OrdinalIgnoreCase);
    }

    private protected override EuDocument ReadDocument(ListContent content) => EuCsvReader.Read(content.Text(), content.SourceName, content.Location);

    private protected override void Map(EuDocument document, SnapshotAssembler assembler) => EuMapper.Map(document, assembler);

    private protected override string? Published(EuDocument document) => document.GenerationDate;
}
