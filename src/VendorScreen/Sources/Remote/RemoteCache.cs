using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VendorScreen.Sources.Remote;

/// <summary>What the cache knows about one version of a remote list: its files, their validators and hashes, and the snapshot counts.</summary>
internal sealed record CacheManifest
{
    public const string FormatTag = "vendorscreen-remote-cache/1";

    public string Format { get; init; } = FormatTag;

    public string Source { get; init; } = string.Empty;

    /// <summary>Gets the version folder holding the files (<c>v-</c> and the first 16 hex digits of <see cref="Sha256"/>).</summary>
    public string Folder { get; init; } = string.Empty;

    /// <summary>Gets the SHA-256 of the file, or for several files the SHA-256 over their names and hashes.</summary>
    public string Sha256 { get; init; } = string.Empty;

    public string? Version { get; init; }

    /// <summary>Gets when the server last confirmed this content (a download or a 304 answer).</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>Gets when this content was downloaded.</summary>
    public DateTimeOffset DownloadedAt { get; init; }

    public int Entities { get; init; }

    public int Rejected { get; init; }

    public List<CachedFileEntry> Files { get; init; } = [];

    public CachedFileEntry? FindFile(string fileName) =>
        Files.FirstOrDefault(f => string.Equals(f.Name, fileName, StringComparison.OrdinalIgnoreCase));

    public long TotalBytes => Files.Sum(f => f.Bytes);
}

/// <summary>One cached file with the validators its server sent.</summary>
internal sealed record CachedFileEntry
{
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the URL without its query (which may hold an access token).</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>Gets the SHA-256 of the full URL, to tell whether the configured URL changed.</summary>
    public string UrlSha256 { get; init; } = string.Empty;

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public string Sha256 { get; init; } = string.Empty;

    public long Bytes { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CacheManifest))]
internal sealed partial class RemoteJsonContext : JsonSerializerContext;

/// <summary>
/// The on-disk cache of one remote source: <c>&lt;root&gt;/&lt;source&gt;/meta.json</c> names the current version folder
/// <c>v-&lt;sha256 prefix&gt;/</c> holding the list's files. Files are written to a temporary name and moved into place, and the
/// manifest is replaced last in one move, so a crash leaves either the old or the new version, never a mix. The previous version
/// folder is kept, so a process still reading it is not cut off.
/// </summary>
internal sealed class RemoteCache
{
    public const string ManifestFileName = "meta.json";

    public RemoteCache(string root, string sourceName)
    {
        Directory = Path.GetFullPath(Path.Combine(root, sourceName));
    }

    public string Directory { get; }

    /// <summary>Creates the source's cache folder if it does not exist yet; a folder that cannot be created is reported when a file
    /// is written.</summary>
    public void EnsureDirectory()
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Writing the first file reports the problem with the path.
        }
    }

    public string ManifestPath => Path.Combine(Directory, ManifestFileName);

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public static string CombinedHash(IReadOnlyList<(string Name, string Sha256)> files)
    {
        if (files.Count == 1)
        {
            return files[0].Sha256;
        }

        var text = new StringBuilder();
        foreach (var (name, sha) in files)
        {
            text.Append(name).Append(':').Append(sha).Append('\n');
        }

        return Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static string FolderFor(string combinedSha256) => "v-" + combinedSha256[..16];

    public string FolderPath(string folder) => Path.Combine(Directory, folder);

    public string FilePath(string folder, string fileName) => Path.Combine(Directory, folder, fileName);

    /// <summary>Reads the manifest of a list fetched from exactly these files; <see langword="null"/> when it is absent or
    /// unreadable, or when it was written for other URLs (another port, path or query under the same source name): a cache of
    /// another list is no cache.</summary>
    public CacheManifest? ReadManifest(IReadOnlyList<RemoteFile> files) =>
        ReadManifest() is { } manifest && manifest.Files.Count == files.Count
            && files.All(f => manifest.FindFile(f.FileName) is { } entry && string.Equals(entry.UrlSha256, UrlHash(f.Url), StringComparison.Ordinal))
            ? manifest
            : null;

    /// <summary>Gets the SHA-256 of a whole URL (scheme, host, port, path and query).</summary>
    public static string UrlHash(Uri url) => Hash(Encoding.UTF8.GetBytes(url.AbsoluteUri));

    /// <summary>Reads the manifest; <see langword="null"/> when it is absent or unreadable (a damaged cache is ignored, not fatal).</summary>
    public CacheManifest? ReadManifest()
    {
        try
        {
            if (!File.Exists(ManifestPath))
            {
                return null;
            }

            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(ManifestPath), RemoteJsonContext.Default.CacheManifest);
            return manifest is { Format: CacheManifest.FormatTag, Files.Count: > 0 } && manifest.Folder.StartsWith("v-", StringComparison.Ordinal)
                && manifest.Files.All(f => HttpSanctionListSourceOptions.IsValidFileName(f.Name)) ? manifest : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Reads a cached file and checks it against its recorded hash; <see langword="null"/> when it is missing or differs.</summary>
    public async Task<byte[]?> ReadVerifiedAsync(CacheManifest manifest, CachedFileEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(FilePath(manifest.Folder, entry.Name), cancellationToken).ConfigureAwait(false);
            return string.Equals(Hash(bytes), entry.Sha256, StringComparison.Ordinal) ? bytes : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes one file of a new version folder: a temporary file, flushed, then moved into place.</summary>
    public async Task WriteFileAsync(string folder, string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var target = FilePath(folder, fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await WriteAtomicallyAsync(target, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes a version current by replacing the manifest in one move. When the version replaces <paramref name="previousFolder"/>,
    /// version folders other than these two are removed; without one (an unchanged version) nothing is removed.</summary>
    public async Task CommitAsync(CacheManifest manifest, string? previousFolder, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, RemoteJsonContext.Default.CacheManifest);
        await WriteAtomicallyAsync(ManifestPath, json, cancellationToken).ConfigureAwait(false);
        if (previousFolder is null)
        {
            return;
        }

        foreach (var dir in System.IO.Directory.EnumerateDirectories(Directory, "v-*"))
        {
            var name = Path.GetFileName(dir);
            if (!string.Equals(name, manifest.Folder, StringComparison.Ordinal) && !string.Equals(name, previousFolder, StringComparison.Ordinal))
            {
                TryDeleteFolder(dir);
            }
        }
    }

    /// <summary>Removes a version folder that was written but not committed (unless it is the committed one).</summary>
    public void Discard(string folder, string? committedFolder)
    {
        if (!string.Equals(folder, committedFolder, StringComparison.Ordinal))
        {
            TryDeleteFolder(FolderPath(folder));
        }
    }

    private static async Task WriteAtomicallyAsync(string target, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temp = target + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDeleteFile(temp);
            throw;
        }
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next commit to remove; a folder another process still reads may not be deletable yet.
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary file left behind is harmless: readers only follow the manifest.
        }
    }
}
