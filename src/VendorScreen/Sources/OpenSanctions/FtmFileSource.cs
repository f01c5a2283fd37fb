using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.OpenSanctions;

/// <summary>FollowTheMoney JSON lines, as OpenSanctions publishes them (<c>entities.ftm.json</c>). People, companies,
/// organizations, public bodies, vessels and aircraft become entities <c>opensanctions:&lt;id&gt;</c>; Sanction entities
/// become their listings (OFAC, UN, EU, UK and other known datasets map to VendorScreen's list ids, other datasets to
/// <c>os-&lt;dataset&gt;</c> lists that call for review); Ownership becomes <see cref="RelationKind.OwnedBy"/> with its share
/// and dates, Succession <see cref="RelationKind.SuccessorOf"/>, and the other links <see cref="RelationKind.LinkedTo"/>.
/// The file is streamed line by line. The version is the file's last-write date.</summary>
/// <remarks>
/// Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the file again.
/// OpenSanctions data is licensed CC BY-NC 4.0: commercial use needs a licence from OpenSanctions.
/// </remarks>
public sealed class FtmJsonFileSource : ISanctionListSource
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="FtmJsonFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public FtmJsonFileSource(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <remarks>Always <c>opensanctions</c>, the prefix of the entity ids.</remarks>
    public string Name => FtmMapper.Prefix;

    /// <inheritdoc />
    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        FileStream stream;
        DateTimeOffset lastWrite;
        try
        {
            stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            lastWrite = new DateTimeOffset(File.GetLastWriteTimeUtc(_path), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SanctionListSourceException(Name, _path, ex.Message, ex);
        }

        await using (stream.ConfigureAwait(false))
        {
            var fetchedAt = _timeProvider.GetUtcNow();
            return Read(stream, _path, fetchedAt, ListText.Version(lastWrite), cancellationToken);
        }
    }

    /// <summary>Reads FtM JSON lines from bytes.</summary>
    /// <param name="content">The file content (UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use, since the file carries no publication date; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable line, sanction or relation in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">A line is longer than the limit.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        using var stream = ListInput.AsStream(content);
        return Read(stream, location, fetchedAt, fallbackVersion, CancellationToken.None);
    }

    private static ListSnapshot Read(Stream stream, string location, DateTimeOffset fetchedAt, string? fallbackVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var document = FtmReader.Read(stream, FtmMapper.Prefix, location, cancellationToken);
        var assembler = new SnapshotAssembler(FtmMapper.Prefix, location);
        FtmMapper.Map(document, assembler);
        return assembler.Build(fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, document.Sha256);
    }
}
