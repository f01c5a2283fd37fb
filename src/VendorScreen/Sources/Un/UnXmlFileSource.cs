using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Un;

/// <summary>The UN Security Council Consolidated List XML. Each INDIVIDUAL and ENTITY becomes an entity
/// <c>un:&lt;REFERENCE_NUMBER&gt;</c> on <c>un-sc-consolidated</c>, with its regime (<c>UN_LIST_TYPE</c>) as program, its
/// original-script name, its aliases (QUALITY Low as weak aliases, f.k.a. as former names), nationalities, addresses and
/// documents; dates and places of birth go to the remarks. The version is the file's <c>dateGenerated</c>.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class UnXmlFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="UnXmlFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public UnXmlFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>un</c>, the prefix of the entity ids.</remarks>
    public override string Name => UnMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads UN list XML bytes.</summary>
    /// <param name="content">The XML document.</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use when the document has no <c>dateGenerated</c>; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable record in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The document is not well-formed, has a DTD, is too large, or is not a UN consolidated list.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var stream = ListInput.AsStream(content);
        var document = UnXmlReader.Read(stream, UnMapper.Prefix, location);
        var assembler = new SnapshotAssembler(UnMapper.Prefix, location);
        UnMapper.Map(document, assembler);
        var version = ListText.IsoDate(document.DateGenerated)?.ToString() ?? fallbackVersion ?? ListText.Version(fetchedAt);
        return assembler.Build(version, fetchedAt, ListText.Sha256(content.Span));
    }
}
