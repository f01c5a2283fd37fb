using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Csl;

/// <summary>The US Consolidated Screening List (trade.gov) as CSV: the current 29-column layout or the older 28-column
/// layout, told apart by the header. Each record becomes an entity <c>csl:&lt;_id, entity number or row&gt;</c> with a
/// listing on the list its <c>source</c> names (Entity List, DPL, UVL, MEU, SDN, SSI, ...).</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class CslCsvFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="CslCsvFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public CslCsvFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>csl</c>, the prefix of the entity ids.</remarks>
    public override string Name => CslMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads CSL CSV bytes (UTF-8, or Windows-1252 when they are not valid UTF-8).</summary>
    /// <param name="content">The file content.</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use, since the file carries no publication date; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable record in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The header is not a CSL header, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var document = CslReader.ReadCsv(ListInput.Decode(content.Span), CslMapper.Prefix, location);
        var assembler = new SnapshotAssembler(CslMapper.Prefix, location);
        CslMapper.Map(document, assembler);
        return assembler.Build(fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }
}

/// <summary>The US Consolidated Screening List as JSON (<c>{"results": [...]}</c> with the CSV's field names; arrays
/// for the multi-valued fields). Mapped like <see cref="CslCsvFileSource"/>.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class CslJsonFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="CslJsonFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public CslJsonFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>csl</c>, the prefix of the entity ids.</remarks>
    public override string Name => CslMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads CSL JSON bytes.</summary>
    /// <param name="content">The UTF-8 JSON document.</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use, since the document carries no publication date; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable record in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The document is not valid JSON or has no results array.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (content.Length > ListInput.MaxFileBytes)
        {
            throw new SanctionListSourceException(CslMapper.Prefix, location, $"document of {content.Length} bytes exceeds the limit of {ListInput.MaxFileBytes} bytes");
        }

        var document = CslReader.ReadJson(content, CslMapper.Prefix, location);
        var assembler = new SnapshotAssembler(CslMapper.Prefix, location);
        CslMapper.Map(document, assembler);
        return assembler.Build(fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }
}
