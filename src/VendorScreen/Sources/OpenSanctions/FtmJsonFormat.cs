using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.OpenSanctions;

/// <summary>FollowTheMoney JSON lines (OpenSanctions <c>entities.ftm.json</c>): one entity per line, read as a stream so that a
/// dataset of any size is read line by line without holding the file in memory. The version is the file's last-write date.</summary>
internal sealed class FtmJsonFormat() : RecordListFormat<FtmDocument>("ftm-json", "FollowTheMoney JSON lines (OpenSanctions entities.ftm.json)", "opensanctions")
{
    /// <summary>No size limit: the file is streamed, and OpenSanctions datasets run to gigabytes.</summary>
    internal override long MaxBytes => long.MaxValue;

    internal override bool Streams => true;

    internal override bool Recognises(string path)
    {
        var first = ListProbe.FirstLine(path).TrimStart();
        return first.StartsWith('{') && first.Contains("\"schema\"", StringComparison.Ordinal) && first.Contains("\"properties\"", StringComparison.Ordinal);
    }

    private protected override FtmDocument ReadDocument(ListContent content)
    {
        using var stream = content.Single.Open(content.SourceName, content.MaxBytes);
        var document = FtmReader.Read(stream, content.SourceName, content.Location, content.CancellationToken);
        if (document.Entities.Count == 0 && document.Rejected.Count > 0)
        {
            // A file in which no line is an entity is not a FollowTheMoney file: refused, never read as an empty list. An empty file
            // is an empty list, which the engine refuses unless the list is allowed to be empty.
            throw new SanctionListSourceException(content.SourceName, content.Location,
                $"no line of the file is a FollowTheMoney entity (first problem, {document.Rejected[0].Position}: {document.Rejected[0].Reason})");
        }

        return document;
    }

    private protected override void Map(FtmDocument document, SnapshotAssembler assembler) => FtmMapper.Map(document, assembler);

    private protected override string Sha256(FtmDocument document, ListContent content) => document.Sha256;
}
