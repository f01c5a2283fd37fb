namespace VendorScreen.Sources.VendorScreenJson;

/// <summary>A custom list in the library's own JSON format, read from a file.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the file again.</remarks>
public sealed class VendorScreenJsonFileSource : ISanctionListSource
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="VendorScreenJsonFileSource"/> class.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public VendorScreenJsonFileSource(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <remarks>The file name without extension; entity ids carry the <c>source</c> the document declares.</remarks>
    public string Name => Path.GetFileNameWithoutExtension(_path);

    /// <inheritdoc />
    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SanctionListSourceException(Name, _path, ex.Message, ex);
        }

        return VendorScreenJsonReader.Read(bytes, _path, _timeProvider.GetUtcNow());
    }
}
