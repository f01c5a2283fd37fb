using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources;

/// <summary>A list file format that <see cref="SourceFormats"/> can detect and open: its name, how it is recognised, and how its
/// bytes become a <see cref="ListSnapshot"/>. Every format reads a file or folder on disk, bytes in memory and a stream alike,
/// with the same size limit and the same errors.</summary>
/// <remarks>The formats are the ones in <see cref="SourceFormats.All"/>. Instances are immutable and safe for concurrent use.</remarks>
public abstract class SourceFormat
{
    private protected SourceFormat(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Gets the format name used in <c>format:path</c> specs (for example <c>ofac-csv</c>).</summary>
    public string Name { get; }

    /// <summary>Gets a one-line description.</summary>
    public string Description { get; }

    /// <summary>Gets the largest file this format reads, in bytes.</summary>
    internal virtual long MaxBytes => ListInput.MaxFileBytes;

    /// <summary>Gets whether the format reads its file as a stream rather than from bytes in memory.</summary>
    internal virtual bool Streams => false;

    /// <summary>Gets whether a file or folder is in this format (may read the first bytes). Never throws for an unreadable path.</summary>
    /// <param name="path">The file or folder.</param>
    /// <returns><see langword="true"/> when the format recognises it.</returns>
    public bool Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Recognises(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Creates a source that reads a file (or folder) of this format on every load.</summary>
    /// <param name="path">The file or folder.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <param name="sourceName">The source name; <see langword="null"/> for the format's default (its id prefix, or one derived from
    /// the file name).</param>
    /// <returns>The source (not yet loaded).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the format does not accept <paramref name="sourceName"/>.</exception>
    public ISanctionListSource Open(string path, TimeProvider? timeProvider = null, string? sourceName = null) =>
        new ListFileSource(this, path, timeProvider, sourceName);

    /// <summary>Reads a list from bytes in memory.</summary>
    /// <param name="content">The bytes of the file.</param>
    /// <param name="location">The file or URL the bytes came from, used in positions and messages (and for formats that name the
    /// source or the list after the file name).</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use when the list carries no publication date; <see langword="null"/> for the
    /// date of <paramref name="fetchedAt"/>.</param>
    /// <param name="sourceName">The source name; <see langword="null"/> for the format's default.</param>
    /// <returns>The snapshot, with every unusable record in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The bytes cannot be read as this format, or exceed its size limit.</exception>
    public ListSnapshot Read(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Read([ListFile.FromBytes(FileNameOf(location), location, content)], location, fetchedAt, fallbackVersion, sourceName);
    }

    /// <summary>Reads a list from a stream, which is read to its end and not disposed.</summary>
    /// <param name="content">The stream.</param>
    /// <param name="location">The file or URL the stream came from, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were fetched.</param>
    /// <param name="fallbackVersion">The version to use when the list carries no publication date; <see langword="null"/> for the
    /// date of <paramref name="fetchedAt"/>.</param>
    /// <param name="sourceName">The source name; <see langword="null"/> for the format's default.</param>
    /// <returns>The snapshot, with every unusable record in <see cref="ListSnapshot.RejectedRecords"/>.</returns>
    /// <exception cref="SanctionListSourceException">The stream cannot be read as this format, or exceeds its size limit.</exception>
    public ListSnapshot Read(Stream content, string location, DateTimeOffset fetchedAt, string? fallbackVersion = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(location);
        return Read([ListFile.FromStream(FileNameOf(location), location, content)], location, fetchedAt, fallbackVersion, sourceName);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Reads a list of one or more files (a folder's files, or the files of a remote list).</summary>
    internal ListSnapshot Read(IReadOnlyList<ListFile> files, string location, DateTimeOffset fetchedAt, string? fallbackVersion, string? sourceName,
        long? maxBytes = null, CancellationToken cancellationToken = default)
    {
        var name = sourceName ?? DefaultSourceName(location, files.Select(f => f.Name).ToList());
        return Read(new ListContent(location, files, name, fetchedAt, fallbackVersion, maxBytes ?? MaxBytes) { CancellationToken = cancellationToken });
    }

    /// <summary>Gets whether the format recognises a file or folder.</summary>
    internal abstract bool Recognises(string path);

    /// <summary>Gets the files to read for a path: the file itself, or the files of a folder the format reads.</summary>
    /// <exception cref="SanctionListSourceException">The path holds nothing this format reads.</exception>
    internal virtual IReadOnlyList<string> FilesOf(string path, string sourceName) => [path];

    /// <summary>Gets the source name when none is given.</summary>
    internal abstract string DefaultSourceName(string location, IReadOnlyList<string> fileNames);

    /// <summary>Checks a source name given by the caller.</summary>
    /// <exception cref="ArgumentException">The format does not accept the name.</exception>
    internal virtual void CheckSourceName(string name)
    {
    }

    /// <summary>Reads the content into a snapshot.</summary>
    /// <exception cref="SanctionListSourceException">The content cannot be read as this format.</exception>
    internal abstract ListSnapshot Read(ListContent content);

    private static string FileNameOf(string location)
    {
        var end = location.IndexOfAny(['?', '#']);
        var path = end < 0 ? location : location[..end];
        return path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
    }
}

/// <summary>A format read in the three steps every list takes: the bytes become the records of a document, the document's records
/// become entities through a <see cref="SnapshotAssembler"/>, and the document's publication date (if any) is the version.</summary>
/// <typeparam name="TDocument">The records of one file, as the format's reader returns them.</typeparam>
internal abstract class RecordListFormat<TDocument> : SourceFormat
    where TDocument : IListDocument
{
    private protected RecordListFormat(string name, string description, string idPrefix)
        : base(name, description)
    {
        IdPrefix = idPrefix;
    }

    /// <summary>Gets the prefix of the entity ids, which is also the default source name.</summary>
    public string IdPrefix { get; }

    /// <summary>Gets the prefix of the entity ids of a load under a source name: <see cref="IdPrefix"/>, or for a format whose
    /// ids are named after the source, the source name.</summary>
    private protected virtual string EntityIdPrefix(string sourceName) => IdPrefix;

    internal override string DefaultSourceName(string location, IReadOnlyList<string> fileNames) => IdPrefix;

    internal sealed override ListSnapshot Read(ListContent content)
    {
        var document = ReadDocument(content);
        var assembler = new SnapshotAssembler(content.SourceName, content.Location, EntityIdPrefix(content.SourceName));
        assembler.Reject(document.Rejected);
        Map(document, assembler);
        return assembler.Build(content.Version(Published(document)), content.FetchedAt, Sha256(document, content));
    }

    /// <summary>Reads the records (step one).</summary>
    /// <exception cref="SanctionListSourceException">The content is not this format, or is broken beyond reading.</exception>
    private protected abstract TDocument ReadDocument(ListContent content);

    /// <summary>Maps the records to entities, relations and rejected records (step two); the records the reader rejected are
    /// counted already.</summary>
    private protected abstract void Map(TDocument document, SnapshotAssembler assembler);

    /// <summary>Gets the publication date the document carries, or <see langword="null"/> (step three).</summary>
    private protected virtual string? Published(TDocument document) => null;

    /// <summary>Gets the SHA-256 of the content; a streaming format computes it while reading.</summary>
    private protected virtual string Sha256(TDocument document, ListContent content) => ListText.Sha256(content.Bytes().Span);
}

/// <summary>What every format's reader returns besides its records: the records it rejected, which a
/// <see cref="RecordListFormat{TDocument}"/> counts before it maps the rest.</summary>
internal interface IListDocument
{
    /// <summary>Gets the records the reader could not read, with the reason for each.</summary>
    IReadOnlyList<RejectedRecord> Rejected { get; }
}
