namespace VendorScreen.Sources.Lists;

/// <summary>What a list format reads: one or more files (bytes already in memory, or a file on disk that a streaming format opens),
/// where they came from, when they were fetched and the version to use when the list carries no publication date.</summary>
/// <remarks>Instances are not thread-safe; a format reads one per load.</remarks>
internal sealed class ListContent(string location, IReadOnlyList<ListFile> files, string sourceName, DateTimeOffset fetchedAt, string? fallbackVersion, long maxBytes)
{
    /// <summary>Gets the file, folder or URL the list came from, used in positions and messages.</summary>
    public string Location { get; } = location ?? throw new ArgumentNullException(nameof(location));

    /// <summary>Gets the files, the primary one first.</summary>
    public IReadOnlyList<ListFile> Files { get; } = files ?? throw new ArgumentNullException(nameof(files));

    /// <summary>Gets the source name the snapshot and its entities carry.</summary>
    public string SourceName { get; } = sourceName;

    /// <summary>Gets when the bytes were fetched.</summary>
    public DateTimeOffset FetchedAt { get; } = fetchedAt;

    /// <summary>Gets the version to use when the list carries no publication date (a file's last-write date), or
    /// <see langword="null"/> for the date of <see cref="FetchedAt"/>.</summary>
    public string? FallbackVersion { get; } = fallbackVersion;

    /// <summary>Gets the largest file the format accepts, in bytes.</summary>
    public long MaxBytes { get; } = maxBytes;

    /// <summary>Gets a token a long read checks to stop early.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets the only file of a single-file format.</summary>
    public ListFile Single => Files.Count == 1
        ? Files[0]
        : throw new SanctionListSourceException(SourceName, Location, $"this format reads one file; {Files.Count} were given");

    /// <summary>Gets the bytes of the only file, checked against the size limit.</summary>
    public ReadOnlyMemory<byte> Bytes() => Single.Bytes(SourceName, MaxBytes);

    /// <summary>Gets the text of the only file: a byte-order mark wins, else UTF-8 when valid, else Windows-1252.</summary>
    public string Text() => ListInput.Decode(Bytes().Span);

    /// <summary>Gets the version: the list's own publication date when it has one, else the fallback.</summary>
    public string Version(string? published = null) => published ?? FallbackVersion ?? ListText.Version(FetchedAt);
}

/// <summary>One file of a list: its bytes, or a path on disk that is opened as a stream.</summary>
internal sealed class ListFile
{
    private readonly ReadOnlyMemory<byte>? _bytes;
    private readonly Stream? _stream;
    private readonly string? _path;
    private ReadOnlyMemory<byte>? _read;

    private ListFile(string name, string location, ReadOnlyMemory<byte>? bytes, Stream? stream, string? path, DateTimeOffset? lastWrite)
    {
        Name = name;
        Location = location;
        _bytes = bytes;
        _stream = stream;
        _path = path;
        LastWrite = lastWrite;
    }

    /// <summary>Gets the file name (for lists of several files, the name the format looks for).</summary>
    public string Name { get; }

    /// <summary>Gets the path or URL of the file, used in positions and messages.</summary>
    public string Location { get; }

    /// <summary>Gets the last-write time of a file read from disk, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastWrite { get; }

    /// <summary>Gets the length in bytes, or <see langword="null"/> when it is not known before reading.</summary>
    public long? Length => _bytes is { } bytes ? bytes.Length : _stream is { CanSeek: true } s ? s.Length - s.Position : null;

    /// <summary>A file whose bytes are in memory.</summary>
    public static ListFile FromBytes(string name, string location, ReadOnlyMemory<byte> bytes, DateTimeOffset? lastWrite = null) =>
        new(name, location, bytes, null, null, lastWrite);

    /// <summary>A file read from a stream the caller owns.</summary>
    public static ListFile FromStream(string name, string location, Stream stream) => new(name, location, null, stream, null, null);

    /// <summary>A file on disk that a streaming format opens itself.</summary>
    public static ListFile FromPath(string path, DateTimeOffset lastWrite) => new(Path.GetFileName(path), path, null, null, path, lastWrite);

    /// <summary>Gets the bytes, reading a stream or file once (later calls return the same bytes).</summary>
    /// <exception cref="SanctionListSourceException">The file is larger than <paramref name="maxBytes"/> or cannot be read.</exception>
    public ReadOnlyMemory<byte> Bytes(string sourceName, long maxBytes)
    {
        if ((_bytes ?? _read) is { } bytes)
        {
            return bytes.Length > maxBytes ? throw ListInput.TooLarge(sourceName, Location, bytes.Length, maxBytes) : bytes;
        }

        _read = ReadAll(sourceName, maxBytes);
        return _read.Value;
    }

    private ReadOnlyMemory<byte> ReadAll(string sourceName, long maxBytes)
    {
        using var stream = Open(sourceName, maxBytes);
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            throw new SanctionListSourceException(sourceName, Location, ex.Message, ex);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>Opens the content as a read-only stream that fails once more than <paramref name="maxBytes"/> bytes are read.</summary>
    /// <exception cref="SanctionListSourceException">The file cannot be opened or is larger than the limit.</exception>
    public Stream Open(string sourceName, long maxBytes)
    {
        if (_bytes is { } bytes)
        {
            return bytes.Length > maxBytes ? throw ListInput.TooLarge(sourceName, Location, bytes.Length, maxBytes) : ListInput.AsStream(bytes);
        }

        if (Length is { } length && length > maxBytes)
        {
            throw ListInput.TooLarge(sourceName, Location, length, maxBytes);
        }

        Stream inner;
        var owned = false;
        if (_stream is not null)
        {
            inner = _stream;
        }
        else
        {
            try
            {
                inner = new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                owned = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new SanctionListSourceException(sourceName, Location, ex.Message, ex);
            }

            if (inner.Length > maxBytes)
            {
                inner.Dispose();
                throw ListInput.TooLarge(sourceName, Location, new FileInfo(_path!).Length, maxBytes);
            }
        }

        return new LimitedReadStream(inner, owned, maxBytes, () => ListInput.TooLarge(sourceName, Location, maxBytes + 1, maxBytes, atLeast: true));
    }
}
