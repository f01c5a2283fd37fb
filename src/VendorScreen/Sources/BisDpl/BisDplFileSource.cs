using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.BisDpl;

/// <summary>The BIS Denied Persons List, tab-separated (<c>dpl.txt</c>). Rows of one denial order become one entity
/// <c>bis-dpl:&lt;key&gt;</c> on <c>us-bis-dpl</c> with the effective and expiration dates and the Federal Register
/// citation.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class BisDplFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="BisDplFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public BisDplFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>bis-dpl</c>, the prefix of the entity ids.</remarks>
    public override string Name => BisDplMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads DPL bytes.</summary>
    /// <param name="content">The file content (UTF-8, or Windows-1252 when not valid UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use, since the file carries no publication date; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable row in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The header is not a DPL header, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var document = BisDplReader.Read(ListInput.Decode(content.Span), BisDplMapper.Prefix, location);
        var assembler = new SnapshotAssembler(BisDplMapper.Prefix, location);
        BisDplMapper.Map(document, assembler);
        return assembler.Build(fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }
}
