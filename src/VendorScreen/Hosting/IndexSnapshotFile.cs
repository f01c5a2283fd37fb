using System.Buffers.Binary;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using VendorScreen.Sources;

namespace VendorScreen;

/// <summary>
/// An index snapshot file (<c>.vsidx</c>): the loaded <see cref="ListSnapshot"/> of every source in one file, so that an engine
/// starts without reading the original list files again or running their readers and mappers.
/// </summary>
/// <remarks>
/// <para>Layout: the magic bytes <c>VSIDX</c> and a zero byte, the format version (4 bytes, little-endian), the length of the
/// library version (2 bytes) and the library version (UTF-8), the payload length (8 bytes), the SHA-256 of the payload
/// (32 bytes), then the payload: Brotli-compressed JSON of the snapshots, with entities, relations, list definitions and
/// provenance (source name, version, SHA-256, location, fetched-at, rejected records, warning) as loaded.</para>
/// <para>Reading refuses, naming the file, one with other magic bytes or another format version, one cut short, and one whose
/// payload does not match its SHA-256. The candidate index is built again from the stored entities when an engine loads them.</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
public static class IndexSnapshotFile
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "VSIDX\0"u8.ToArray();

    /// <summary>Writes the snapshots an engine screens against to a file, replacing it: every source with its name, in order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="engine">A loaded engine whose every source is usable.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is <see langword="null"/> or blank.</exception>
    /// <exception cref="InvalidOperationException">The engine has not loaded, or a source is not usable.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, ScreeningEngine engine)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(engine);
        var sources = engine.Sources;
        var snapshots = engine.Dataset?.Snapshots ?? throw new InvalidOperationException("The engine has not loaded its sources.");
        if (sources.FirstOrDefault(s => !s.IsUsable) is { } unusable)
        {
            throw new InvalidOperationException($"Source \"{unusable.SourceName}\" is not usable: {unusable.Error}");
        }

        if (sources.Count != snapshots.Count)
        {
            throw new InvalidOperationException($"The engine reports {sources.Count} sources but screens {snapshots.Count} snapshots.");
        }

        Write(path, sources.Select((s, i) => new StoredSource(s.SourceName, snapshots[i])).ToList());
    }

    /// <summary>Writes sources and their snapshots to a file, replacing it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sources">The sources, in the order the engine loads them.</param>
    internal static void Write(string path, IReadOnlyList<StoredSource> sources)
    {
        byte[] payload;
        using (var buffer = new MemoryStream())
        {
            using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                JsonSerializer.Serialize(brotli, new IndexSnapshotPayload(sources), IndexSnapshotJsonContext.Default.IndexSnapshotPayload);
            }

            payload = buffer.ToArray();
        }

        var library = Encoding.UTF8.GetBytes(LibraryVersion);
        var header = new byte[Magic.Length + 4 + 2 + library.Length + 8 + 32];
        var at = 0;
        Magic.CopyTo(header, at);
        at += Magic.Length;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(at), FormatVersion);
        at += 4;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(at), checked((ushort)library.Length));
        at += 2;
        library.CopyTo(header, at);
        at += library.Length;
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(at), payload.LongLength);
        at += 8;
        SHA256.HashData(payload).CopyTo(header, at);

        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(header);
            file.Write(payload);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the sources of a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The sources and their snapshots, as they were written.</returns>
    /// <exception cref="SanctionListSourceException">The file cannot be read, is not an index snapshot, has another format version,
    /// is cut short or is corrupt; the message names the file.</exception>
    internal static IReadOnlyList<StoredSource> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SanctionListSourceException($"index snapshot {path}: cannot be read: {ex.Message}", ex);
        }

        return Parse(bytes, path);
    }

    /// <summary>Gets the version of this library, as written in the header.</summary>
    internal static string LibraryVersion { get; } =
        typeof(IndexSnapshotFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(IndexSnapshotFile).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Reads the snapshots from the bytes of a file.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="path">The file, for messages.</param>
    /// <returns>The snapshots.</returns>
    /// <exception cref="SanctionListSourceException">The bytes are not a usable index snapshot.</exception>
    internal static IReadOnlyList<StoredSource> Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < Magic.Length + 6 || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw Fail(path, "not an index snapshot file (the magic bytes VSIDX are missing)");
        }

        var at = Magic.Length;
        var format = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
        at += 4;
        var libraryLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
        at += 2;
        if (bytes.Length < at + libraryLength)
        {
            throw Fail(path, "the file is cut short (truncated header)");
        }

        var library = Encoding.UTF8.GetString(bytes.Slice(at, libraryLength));
        at += libraryLength;
        if (format != FormatVersion)
        {
            throw Fail(path, $"format version {format} (written by VendorScreen {library}); this library reads format version {FormatVersion} only: build the snapshot again");
        }

        if (bytes.Length < at + 8 + 32)
        {
            throw Fail(path, "the file is cut short (truncated header)");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
        at += 8;
        var expected = bytes.Slice(at, 32);
        at += 32;
        var payload = bytes[at..];
        if (length < 0 || payload.Length < length)
        {
            throw Fail(path, $"the file is cut short: the payload has {payload.Length} of {length} bytes");
        }

        if (payload.Length > length)
        {
            throw Fail(path, $"{payload.Length - length} unexpected bytes after the payload");
        }

        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(expected))
        {
            throw Fail(path, "the file is corrupt: the SHA-256 of the payload does not match the header");
        }

        try
        {
            using var compressed = new MemoryStream(payload.ToArray(), writable: false);
            using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
            var read = JsonSerializer.Deserialize(brotli, IndexSnapshotJsonContext.Default.IndexSnapshotPayload);
            if (read?.Sources is not { } sources || sources.Any(s => s?.Snapshot is null || string.IsNullOrWhiteSpace(s.Name)))
            {
                throw Fail(path, "the payload holds no sources, or a source without a name or snapshot");
            }

            return sources;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or ArgumentException)
        {
            throw new SanctionListSourceException($"index snapshot {path}: the payload cannot be read: {ex.Message}", ex);
        }
    }

    private static SanctionListSourceException Fail(string path, string problem) => new($"index snapshot {path}: {problem}");
}

/// <summary>The payload of an index snapshot file.</summary>
/// <param name="Sources">The sources.</param>
internal sealed record IndexSnapshotPayload(IReadOnlyList<StoredSource> Sources);

/// <summary>One source of an index snapshot file: the name the engine knew it by, and its snapshot.</summary>
/// <param name="Name">The source name (<see cref="ISanctionListSource.Name"/>).</param>
/// <param name="Snapshot">The snapshot.</param>
internal sealed record StoredSource(string Name, ListSnapshot Snapshot);

/// <summary>A source that serves a snapshot read from an index snapshot file under its stored name.</summary>
/// <param name="stored">The stored source.</param>
internal sealed class StoredSnapshotSource(StoredSource stored) : ISanctionListSource
{
    /// <inheritdoc />
    public string Name => stored.Name;

    /// <inheritdoc />
    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(stored.Snapshot);
    }
}

/// <summary>The JSON contracts of the index snapshot payload.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IndexSnapshotPayload))]
internal sealed partial class IndexSnapshotJsonContext : JsonSerializerContext;
