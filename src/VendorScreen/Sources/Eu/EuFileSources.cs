using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Eu;

/// <summary>The EU Financial Sanctions Files XML, version 1.1 (<c>xmlFullSanctionsList_1_1</c>). Each
/// <c>sanctionEntity</c> becomes an entity <c>eu:&lt;euReferenceNumber or logicalId&gt;</c> on <c>eu-fsf</c>, with its
/// programmes, regulations (as citation), names (weak when <c>strong="false"</c>, with their language), identifications,
/// addresses and citizenships. The version is the file's <c>generationDate</c>.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class EuXmlFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="EuXmlFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public EuXmlFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>eu</c>, the prefix of the entity ids.</remarks>
    public override string Name => EuMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads EU XML bytes.</summary>
    /// <param name="content">The XML document.</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use when the document has no <c>generationDate</c>; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable entry in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The document is not well-formed, has a DTD, is too large, or is not an EU export.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var stream = ListInput.AsStream(content);
        var document = EuXmlReader.Read(stream, EuMapper.Prefix, location);
        var assembler = new SnapshotAssembler(EuMapper.Prefix, location);
        EuMapper.Map(document, assembler);
        var version = ListText.IsoDate(document.GenerationDate)?.ToString() ?? fallbackVersion ?? ListText.Version(fetchedAt);
        return assembler.Build(version, fetchedAt, ListText.Sha256(content.Span));
    }
}

/// <summary>The old EU Financial Sanctions Files CSV, version 1 (semicolon-separated, one row per fact). Rows are grouped
/// by <c>Entity_logical_id</c> into entities <c>eu:&lt;EU_ref_num or logical id&gt;</c> on <c>eu-fsf</c>. The version is
/// the file's <c>Date_file</c>. Windows-1252 files and copies re-saved with every record wrapped in quotes are read too.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class EuCsvFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="EuCsvFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public EuCsvFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>eu</c>, the prefix of the entity ids.</remarks>
    public override string Name => EuMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads EU CSV v1 bytes.</summary>
    /// <param name="content">The file content (UTF-8, or Windows-1252 when not valid UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use when no row has a <c>Date_file</c>; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable row or entry in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The header is not an EU CSV header, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var document = EuCsvReader.Read(ListInput.Decode(content.Span), EuMapper.Prefix, location);
        var assembler = new SnapshotAssembler(EuMapper.Prefix, location);
        EuMapper.Map(document, assembler);
        return assembler.Build(document.GenerationDate ?? fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }
}
