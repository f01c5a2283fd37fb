using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Uk;

/// <summary>The OFSI Consolidated List of Targets CSV ("ConList", superseded by the FCDO UK Sanctions List): a
/// <c>Last Updated</c> line, a header, then one row per name, alias and date-of-birth or address variant. Rows are grouped
/// by <c>Group ID</c> into entities <c>uk:&lt;Group ID&gt;</c> on <c>uk-sanctions</c>, with the regime as program. The
/// version is the <c>Last Updated</c> date. Windows-1252 files are read as such.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class UkConListFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="UkConListFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public UkConListFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>uk</c>, the prefix of the entity ids.</remarks>
    public override string Name => UkMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads ConList bytes.</summary>
    /// <param name="content">The file content (UTF-8, or Windows-1252 when not valid UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use when the first line has no date; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable row or group in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The first lines are not a ConList's, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null) =>
        UkFileSources.Read(content, UkLayout.ConList, location, fetchedAt, fallbackVersion);
}

/// <summary>The FCDO UK Sanctions List CSV (<c>UK-Sanctions-List.csv</c>): a <c>Report Date</c> line, a header of 58
/// columns, then one row per name and address. Rows are grouped by <c>Unique ID</c> into entities
/// <c>uk:&lt;Unique ID&gt;</c> on <c>uk-sanctions</c>, with the regime as program, sanctions imposed as scope, the
/// non-Latin names as native-script names, and passport, national identifier, registration and IMO numbers as
/// identifiers. The version is the report date.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class UkSanctionsListFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="UkSanctionsListFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public UkSanctionsListFileSource(string path, TimeProvider? timeProvider = null)
        : base(path, timeProvider)
    {
    }

    /// <inheritdoc />
    /// <remarks>Always <c>uk</c>, the prefix of the entity ids.</remarks>
    public override string Name => UkMapper.Prefix;

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion);

    /// <summary>Reads UK Sanctions List CSV bytes.</summary>
    /// <param name="content">The file content (UTF-8, or Windows-1252 when not valid UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use when the file has no report date; <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <returns>The snapshot, with every unusable row or entry in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The header is not the UK Sanctions List's, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null) =>
        UkFileSources.Read(content, UkLayout.Fcdo, location, fetchedAt, fallbackVersion);
}

/// <summary>The reading shared by the two UK sources.</summary>
internal static class UkFileSources
{
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, UkLayout layout, string location, DateTimeOffset fetchedAt, string? fallbackVersion)
    {
        ArgumentNullException.ThrowIfNull(location);
        var document = UkReader.Read(ListInput.Decode(content.Span), layout, UkMapper.Prefix, location);
        var assembler = new SnapshotAssembler(UkMapper.Prefix, location);
        UkMapper.Map(document, assembler);
        return assembler.Build(document.Version ?? fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }
}
