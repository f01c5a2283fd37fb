using System.Buffers.Binary;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VendorScreen.Sources.Snapshot;

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

    /// <summary>Writes snapshots to a file, replacing it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="snapshots">The snapshots, in the order the engine loads them.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<ListSnapshot> snapshots)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(snapshots);
        byte[] payload;
        using (var buffer = new MemoryStream())
        {
            using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                JsonSerializer.Serialize(brotli, new IndexSnapshotPayload(snapshots), IndexSnapshotJsonContext.Default.IndexSnapshotPayload);
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

    /// <summary>Reads the snapshots of a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The snapshots, as they were written.</returns>
    /// <exception cref="SanctionListSourceException">The file cannot be read, is not an index snapshot, has another format version,
    /// is cut short or is corrupt; the message names the file.</exception>
    public static IReadOnlyList<ListSnapshot> Read(string path)
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
    internal static IReadOnlyList<ListSnapshot> Parse(ReadOnlySpan<byte> bytes, string path)
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
            if (read?.Snapshots is not { } snapshots || snapshots.Any(s => s is null))
            {
                throw Fail(path, "the payload holds no snapshots");
            }

            return snapshots;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or ArgumentException)
        {
            throw new SanctionListSourceException($"index snapshot {path}: the payload cannot be read: {ex.Message}", ex);
        }
    }

    private static SanctionListSourceException Fail(string path, string problem) => new($"index snapshot {path}: {problem}");
}

/// <summary>The payload of an index snapshot file.</summary>
/// <param name="Snapshots">The snapshots.</param>
internal sealed record IndexSnapshotPayload(IReadOnlyList<ListSnapshot> Snapshots);

/// <summary>The JSON contracts of the index snapshot payload.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IndexSnapshotPayload))]
internal sealed partial class IndexSnapshotJsonContext : JsonSerializerContext;
