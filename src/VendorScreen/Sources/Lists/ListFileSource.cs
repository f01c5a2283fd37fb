namespace VendorScreen.Sources.Lists;

/// <summary>A list read from a file or folder in any <see cref="SourceFormat"/>: reads the bytes (with the format's size limit) and
/// hands them to the format, with the fetch time and the primary file's last-write date as the fallback version.</summary>
/// <remarks>Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the files again.</remarks>
internal sealed class ListFileSource : ISanctionListSource
{
    private readonly SourceFormat _format;
    private readonly string _path;
    private readonly TimeProvider _clock;

    public ListFileSource(SourceFormat format, string path, TimeProvider? timeProvider, string? sourceName)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _format = format;
        _path = path;
        _clock = timeProvider ?? TimeProvider.System;
        if (string.IsNullOrWhiteSpace(sourceName))
        {
            Name = format.DefaultSourceName(path, Directory.Exists(path) ? FolderFileNames(path) : [Path.GetFileName(path)]);
        }
        else
        {
            format.CheckSourceName(sourceName);
            Name = sourceName;
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the format.</summary>
    public SourceFormat Format => _format;

    /// <inheritdoc />
    /// <exception cref="SanctionListSourceException">A file cannot be read, exceeds the format's size limit, or is not in the format.</exception>
    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var paths = _format.FilesOf(_path, Name);
        var files = new List<ListFile>(paths.Count);
        foreach (var path in paths)
        {
            if (_format.Streams)
            {
                DateTimeOffset lastWrite;
                try
                {
                    var info = new FileInfo(path);
                    lastWrite = info.Exists
                        ? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)
                        : throw new SanctionListSourceException(Name, path, "no such file", new FileNotFoundException("Could not find the file.", path));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new SanctionListSourceException(Name, path, ex.Message, ex);
                }

                files.Add(ListFile.FromPath(path, lastWrite));
            }
            else
            {
                var (bytes, lastWrite) = await ListInput.ReadFileAsync(path, Name, cancellationToken, _format.MaxBytes).ConfigureAwait(false);
                files.Add(ListFile.FromBytes(Path.GetFileName(path), path, bytes, lastWrite));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var fallback = files.Count > 0 && files[0].LastWrite is { } written ? ListText.Version(written) : null;
        return _format.Read(files, _path, _clock.GetUtcNow(), fallback, Name, cancellationToken: cancellationToken);
    }

    private static List<string> FolderFileNames(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
