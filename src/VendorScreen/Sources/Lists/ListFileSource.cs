namespace VendorScreen.Sources.Lists;

/// <summary>A list read from one file: reads the bytes (with the size and line limits of <c>ListInput</c>) and hands them to
/// the format's reader, with the fetch time and the file's last-write date as the fallback version.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the file again.</remarks>
public abstract class ListFileSource : ISanctionListSource
{
    /// <summary>Initializes a new instance of the <see cref="ListFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    protected ListFileSource(string path, TimeProvider? timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = path;
        Clock = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Gets the file path.</summary>
    protected string FilePath { get; }

    /// <summary>Gets the clock for fetch times.</summary>
    protected TimeProvider Clock { get; }

    /// <inheritdoc />
    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var (bytes, lastWrite) = await ListInput.ReadFileAsync(FilePath, Name, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Parse(bytes, FilePath, Clock.GetUtcNow(), ListText.Version(lastWrite));
    }

    /// <summary>Parses the file's bytes.</summary>
    /// <param name="content">The bytes.</param>
    /// <param name="location">The file path, used in positions and messages.</param>
    /// <param name="fetchedAt">When the bytes were read.</param>
    /// <param name="fallbackVersion">The file's last-write date, for formats that carry no publication date.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="SanctionListSourceException">The content cannot be read as this format.</exception>
    protected abstract ListSnapshot Parse(ReadOnlyMemory<byte> content, string location, DateTimeOffset fetchedAt, string fallbackVersion);
}
