using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.OpenSanctions;

/// <summary>FollowTheMoney JSON lines (OpenSanctions <c>entities.ftm.json</c>): one entity per line, read as a stream so that a
/// dataset of any size is read line by line without holding the file in memory. The version is the file's last-write date.</summary>
internal sealed class FtmJsonFormat() : RecordListFormat<FtmDocument>("ftm-json", "FollowTheMoney JSON lines (OpenSanctions entities.ftm.json)", FtmMapper.Prefix)
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
        return FtmReader.Read(stream, content.SourceName, content.Location, content.CancellationToken);
    }

    private protected override void Map(FtmDocument document, SnapshotAssembler assembler) => FtmMapper.Map(document, assembler);

    private protected override string Sha256(FtmDocument document, ListContent content) => document.Sha256;
}
