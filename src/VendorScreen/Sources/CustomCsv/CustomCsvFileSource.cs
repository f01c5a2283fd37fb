using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.CustomCsv;

/// <summary>A custom list (an ERP's internal blocklist, say) in VendorScreen's CSV format: a header with
/// <c>id,name,kind,aliases,country,list,program,listed_on,identifiers,notes</c> (any order; <c>id</c> and <c>name</c>
/// required), aliases separated by <c>;</c>, identifiers written <c>scheme:value;...</c>. Each row becomes an entity
/// <c>&lt;source name&gt;:&lt;id&gt;</c> listed on its <c>list</c> (default <c>custom</c>), of category
/// <see cref="ListCategory.Custom"/>. See <c>docs/custom-csv-format.md</c>.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="ListFileSource.LoadAsync"/> reads the file again.</remarks>
public sealed class CustomCsvFileSource : ListFileSource
{
    /// <summary>Initializes a new instance of the <see cref="CustomCsvFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <param name="name">The source name and entity id prefix; <see langword="null"/> for the file name without extension, in lower kebab case.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="name"/> is not lower kebab case.</exception>
    public CustomCsvFileSource(string path, TimeProvider? timeProvider = null, string? name = null)
        : base(path, timeProvider)
    {
        Name = name ?? DefaultName(path);
        if (string.IsNullOrEmpty(Name) || ListText.Kebab(Name) != Name)
        {
            throw new ArgumentException($"The source name \"{Name}\" must be lower-case letters, digits and dashes.", nameof(name));
        }
    }

    /// <inheritdoc />
    /// <remarks>The prefix of the entity ids.</remarks>
    public override string Name { get; }

    /// <inheritdoc />
    protected override ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion) =>
        Read(content, location, fetchedAt, fallbackVersion, Name);

    /// <summary>Reads custom list CSV bytes.</summary>
    /// <param name="content">The file content (UTF-8, or Windows-1252 when not valid UTF-8).</param>
    /// <param name="location">The file or URL, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version (the file carries none); <see langword="null"/> for the date of <paramref name="fetchedAt"/>.</param>
    /// <param name="sourceName">The source name and entity id prefix; <see langword="null"/> for the file name of <paramref name="location"/>.</param>
    /// <returns>The snapshot, with every unusable row in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The header lacks <c>id</c> or <c>name</c>, a line is too long, or quoting is broken beyond repair.</exception>
    public static ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        sourceName ??= DefaultName(location);
        var document = CustomCsvReader.Read(ListInput.Decode(content.Span), sourceName, location);
        var assembler = new SnapshotAssembler(sourceName, location);
        CustomCsvMapper.Map(document, assembler);
        return assembler.Build(fallbackVersion ?? ListText.Version(fetchedAt), fetchedAt, ListText.Sha256(content.Span));
    }

    private static string DefaultName(string path)
    {
        var stem = ListText.Kebab(Path.GetFileNameWithoutExtension(path));
        return stem.Length == 0 ? "custom" : stem;
    }
}
