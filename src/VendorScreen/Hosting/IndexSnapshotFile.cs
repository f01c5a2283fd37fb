using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Screening;
using VendorScreen.Sources;

namespace VendorScreen;

/// <summary>
/// An index snapshot file (<c>.vsidx</c>): the loaded <see cref="ListSnapshot"/> of every source and the candidate index built over
/// them, in one file, so that an engine starts without reading the original list files again, running their readers and mappers,
/// normalising the names or building the index.
/// </summary>
/// <remarks>
/// <para>Layout: the magic bytes <c>VSIDX</c> and a zero byte, the format version (4 bytes, little-endian), the length of the
/// library version (2 bytes) and the library version (UTF-8), the payload length (8 bytes), the SHA-256 of the payload
/// (32 bytes), then the payload: the length of the sources section (8 bytes), the sources section (the snapshots without their
/// entities, in binary with each distinct string once: relations, list definitions and provenance, that is source name, version,
/// SHA-256, location, fetched-at, rejected records, warning, as loaded), the length of the entities section (8 bytes), the entities of every source
/// in a compact binary form with each distinct string once, then the candidate index in a compact binary form (the normalised
/// name variants, the postings, the trigram table of the typo vocabulary, the identifier map, the misspelling look-ups worked out for the words of the names, and the Latin words of the look-up by sound with their sound codes).</para>
/// <para>Reading refuses, naming the file, one with other magic bytes or another format version (format version 1, written before
/// the index was stored, format version 2, whose typo vocabulary was numbered otherwise, format version 3, which stored the sound look-up as buckets, format version 4, without the spelling sketches of the typo vocabulary or without the sound look-up's words, format version 5, which did not mark the second romanisation of Hangul names, format version 6, whose sources section was compressed JSON, format version 7, whose posting and trigram lists did not state their number of ids, format version 8, whose typo vocabulary kept the posting order within a length, format version 9, without the misspelling look-ups worked out for the words of the names, and format version 10, whose names had no product scope, included: build the file again), one cut short, and one whose payload does not match its SHA-256.</para>
/// <para>The stored index is used when the engine screens exactly the stored sources, as stored, and the file was written by the
/// same version of the library; otherwise (another source added, a snapshot refused, another library version) the index is built
/// again from the stored entities, which gives the same results more slowly.</para>
/// <para>The type is stateless and safe for concurrent use.</para>
/// </remarks>
public static class IndexSnapshotFile
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 12;

    private static readonly byte[] Magic = "VSIDX\0"u8.ToArray();

    /// <summary>Writes the snapshots an engine screens against, and its candidate index, to a file, replacing it: every source
    /// with its name, in order.</summary>
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
        var generation = engine.Datasets.Current ?? throw new InvalidOperationException("The engine has not loaded its sources.");
        var sources = generation.Sources;
        var snapshots = generation.Dataset.Snapshots;
        if (sources.FirstOrDefault(s => !s.IsUsable) is { } unusable)
        {
            throw new InvalidOperationException($"Source \"{unusable.SourceName}\" is not usable: {unusable.Error}");
        }

        if (sources.Count != snapshots.Count)
        {
            throw new InvalidOperationException($"The engine reports {sources.Count} sources but screens {snapshots.Count} snapshots.");
        }

        Write(path, sources.Select((s, i) => new StoredSource(s.SourceName, snapshots[i])).ToList(), generation.State.Index);
    }

    /// <summary>Writes sources, their snapshots and the candidate index over them to a file, replacing it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sources">The sources, in the order the engine loads them.</param>
    /// <param name="index">The index over the merged entities of the snapshots; <see langword="null"/> to build it here.</param>
    internal static void Write(string path, IReadOnlyList<StoredSource> sources, CandidateIndex? index = null)
    {
        index ??= new CandidateIndex(ScreeningDataset.Create(sources.Select(s => s.Snapshot)).Entities, NameScoringRules.Default);
        byte[] payload;
        using (var buffer = new MemoryStream())
        {
            // The sources without their entities, the entities, then the index, each in binary.
            buffer.Write(new byte[8]);
            using (var writer = new SnapshotBinaryWriter(buffer))
            {
                SnapshotEntityCodec.WriteSources(writer, sources);
            }

            var sourcesLength = buffer.Length - 8;
            buffer.Write(new byte[8]);
            using (var writer = new SnapshotBinaryWriter(buffer))
            {
                SnapshotEntityCodec.Write(writer, sources.Select(s => s.Snapshot));
            }

            var entitiesLength = buffer.Length - 16 - sourcesLength;
            using (var writer = new SnapshotBinaryWriter(buffer))
            {
                index.WriteTo(writer);
            }

            payload = buffer.ToArray();
            BinaryPrimitives.WriteInt64LittleEndian(payload, sourcesLength);
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(8 + (int)sourcesLength), entitiesLength);
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

    /// <summary>Reads the sources and the index of a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The sources and their snapshots, as they were written, and the index when it can be used.</returns>
    /// <exception cref="SanctionListSourceException">The file cannot be read, is not an index snapshot, has another format version,
    /// is cut short or is corrupt; the message names the file.</exception>
    /// <remarks>The file is read through one handle held open, each part a window at a time by the thread that reads it,
    /// rather than copied whole into memory first (a pipe, which cannot be read that way, is copied whole). A file replaced
    /// while it is read (as <see cref="Write(string, ScreeningEngine)"/> replaces one, by renaming) is read as it was when
    /// opened; one written over in place is refused, whether or not its parts could be read: its length or time of last
    /// writing differ after the reading from before.</remarks>
    internal static StoredIndexSnapshot Read(string path) => Read(path, whileOpen: null);

    /// <summary>Reads the sources and the index of a file, as <see cref="Read(string)"/> does, doing something else once the
    /// file is open and before its parts are read: for tests that change the file while it is read.</summary>
    /// <param name="path">The file.</param>
    /// <param name="whileOpen">What to do once the file is open, its length and time of last writing taken.</param>
    /// <returns>The sources and their snapshots, and the index when it can be used.</returns>
    internal static StoredIndexSnapshot Read(string path, Action? whileOpen)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            // Others may read the file, and rename or delete it (a new file renamed over it): this handle reads the old one.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0);
            if (!stream.CanSeek)
            {
                // A pipe (a snapshot given as <(...)) cannot be read in place: it is read whole as it comes, then parsed.
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return Parse(copy.GetBuffer().AsMemory(0, (int)copy.Length), path);
            }

            var file = stream.SafeFileHandle;
            var length = RandomAccess.GetLength(file);
            var written = File.GetLastWriteTimeUtc(file);
            if (length > int.MaxValue)
            {
                throw Fail(path, $"cannot be read: {length} bytes, more than the {int.MaxValue} a snapshot may hold");
            }

            whileOpen?.Invoke();
            bool WrittenOver() => RandomAccess.GetLength(file) != length || File.GetLastWriteTimeUtc(file) != written;
            StoredIndexSnapshot stored;
            try
            {
                stored = Parse(SnapshotRegion.Of(file, 0, (int)length), path);
            }
            catch (Exception ex) when ((ex is SanctionListSourceException or IOException or InvalidDataException) && WrittenOver())
            {
                // Parts of two files do not make a corrupt file: the change is the problem to report.
                throw WrittenOverWhileRead(path, ex);
            }

            return WrittenOver() ? throw WrittenOverWhileRead(path, null) : stored;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // InvalidDataException: the file ended early while it was read (cut short after it was opened).
            throw new SanctionListSourceException($"index snapshot {path}: cannot be read: {ex.Message}", ex);
        }
    }

    private static SanctionListSourceException WrittenOverWhileRead(string path, Exception? inner) =>
        new($"index snapshot {path}: the file was written over while it was read; read it again once it is written", inner);

    /// <summary>Gets the version of this library, as written in the header.</summary>
    internal static string LibraryVersion { get; } =
        typeof(IndexSnapshotFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(IndexSnapshotFile).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Reads the snapshots and the index from the bytes of a file.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="path">The file, for messages.</param>
    /// <returns>The snapshots, and the index when the file was written by this version of the library.</returns>
    /// <exception cref="SanctionListSourceException">The bytes are not a usable index snapshot.</exception>
    internal static StoredIndexSnapshot Parse(ReadOnlyMemory<byte> bytes, string path) => Parse(SnapshotRegion.Of(bytes), path);

    // Reads the snapshots and the index from the bytes of a file, in memory or in the file.
    private static StoredIndexSnapshot Parse(SnapshotRegion bytes, string path)
    {
        // An index built by another version of the library may normalise or index names differently: the stored entities are
        // used and the index is built again.
        var sections = SplitUnchecked(bytes, path);
        if (!string.Equals(sections.Library, LibraryVersion, StringComparison.Ordinal))
        {
            CheckSum(sections, path);
            return new StoredIndexSnapshot(path, ReadSources(sections, path), null) { WrittenByOtherVersion = sections.Library };
        }

        // The checksum is computed, and the sources, their merged entities and model-prefix table are read and made, while the
        // parts of the index are read side by side. A checksum that does not match is the problem reported whatever else fails
        // (every count read is bounded by the bytes left, so damaged data cannot ask for more memory than that), then a problem of
        // the sources.
        IReadOnlyList<StoredSource> sources = [];
        Entity[] entities = [];
        (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] modelPrefixes = [];
        StoredTables? tables = null;
        CandidateIndex.RunSideBySide(
            () => CheckSum(sections, path),
            () =>
            {
                sources = ReadSources(sections, path);
                entities = MergedEntities(sources);
                modelPrefixes = CandidateIndex.ModelPrefixTable(entities);
            },
            () => tables = ReadTables(sections, path));
        return new StoredIndexSnapshot(path, sources, Link(tables!, entities, modelPrefixes, path));
    }

    /// <summary>Checks the header and the checksum of a file and finds its sections.</summary>
    /// <param name="bytes">The bytes of the file.</param>
    /// <param name="path">The file, for messages.</param>
    /// <returns>The library version that wrote the file and the two sections of the payload.</returns>
    /// <exception cref="SanctionListSourceException">The bytes are not an index snapshot of this format, are cut short or corrupt.</exception>
    internal static IndexSnapshotSections Split(ReadOnlyMemory<byte> bytes, string path)
    {
        var sections = SplitUnchecked(SnapshotRegion.Of(bytes), path);
        CheckSum(sections, path);
        return sections;
    }

    /// <summary>Checks the header of a file and finds its sections, without checking the SHA-256 of the payload, which
    /// <see cref="CheckSum"/> does (at the same time as the sections are read). A section whose length is out of range is reported
    /// as corruption when the checksum does not match.</summary>
    /// <param name="bytes">The bytes of the file.</param>
    /// <param name="path">The file, for messages.</param>
    /// <returns>The library version that wrote the file, the payload and its expected SHA-256, and the sections of the payload.</returns>
    /// <exception cref="SanctionListSourceException">The bytes are not an index snapshot of this format, are cut short or corrupt.</exception>
    private static IndexSnapshotSections SplitUnchecked(SnapshotRegion bytes, string path)
    {
        if (bytes.Length < Magic.Length + 6)
        {
            throw Fail(path, "not an index snapshot file (the magic bytes VSIDX are missing)");
        }

        var start = bytes.ToArray(0, Magic.Length + 6).AsSpan();
        if (!start[..Magic.Length].SequenceEqual(Magic))
        {
            throw Fail(path, "not an index snapshot file (the magic bytes VSIDX are missing)");
        }

        var at = Magic.Length;
        var format = BinaryPrimitives.ReadInt32LittleEndian(start[at..]);
        at += 4;
        var libraryLength = BinaryPrimitives.ReadUInt16LittleEndian(start[at..]);
        at += 2;
        if (bytes.Length < at + libraryLength)
        {
            throw Fail(path, "the file is cut short (truncated header)");
        }

        var library = Encoding.UTF8.GetString(bytes.ToArray(at, libraryLength));
        at += libraryLength;
        if (format != FormatVersion)
        {
            var rebuild = format < 2 ? "an older format, without the stored index" : format < FormatVersion ? "an older format" : "a newer format";
            throw Fail(path, $"format version {format} (written by VendorScreen {library}), {rebuild}; this library reads format version {FormatVersion} only: build the snapshot again (vendorscreen index build, or IndexSnapshotFile.Write)");
        }

        if (bytes.Length < at + 8 + 32)
        {
            throw Fail(path, "the file is cut short (truncated header)");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(bytes.ToArray(at, 8));
        at += 8;
        ReadOnlyMemory<byte> expected = bytes.ToArray(at, 32);
        at += 32;
        var payload = bytes.Slice(at);
        if (length < 0 || payload.Length < length)
        {
            throw Fail(path, $"the file is cut short: the payload has {payload.Length} of {length} bytes");
        }

        if (payload.Length > length)
        {
            throw Fail(path, $"{payload.Length - length} unexpected bytes after the payload");
        }

        try
        {
            return Sections(library, payload, expected, path);
        }
        catch (SanctionListSourceException)
        {
            CheckSum(new IndexSnapshotSections(library, default, default, default) { Payload = payload, Sha256 = expected }, path);
            throw;
        }
    }

    /// <summary>Checks the SHA-256 of the payload against the header.</summary>
    /// <param name="sections">The sections of the file.</param>
    /// <param name="path">The file, for messages.</param>
    /// <exception cref="SanctionListSourceException">The SHA-256 does not match: the file is corrupt.</exception>
    private static void CheckSum(IndexSnapshotSections sections, string path)
    {
        if (!sections.Payload.Sha256().AsSpan().SequenceEqual(sections.Sha256.Span))
        {
            throw Fail(path, "the file is corrupt: the SHA-256 of the payload does not match the header");
        }
    }

    // The sections of a payload, by the lengths it holds.
    private static IndexSnapshotSections Sections(string library, SnapshotRegion payload, ReadOnlyMemory<byte> sha256, string path)
    {
        var sourcesLength = payload.Length < 8 ? -1 : BinaryPrimitives.ReadInt64LittleEndian(payload.ToArray(0, 8));
        if (sourcesLength < 0 || sourcesLength > payload.Length - 16)
        {
            throw Fail(path, "the payload cannot be read: the length of the sources section is out of range");
        }

        var rest = payload.Slice(8 + (int)sourcesLength);
        var entitiesLength = BinaryPrimitives.ReadInt64LittleEndian(rest.ToArray(0, 8));
        if (entitiesLength < 0 || entitiesLength > rest.Length - 8)
        {
            throw Fail(path, "the payload cannot be read: the length of the entities section is out of range");
        }

        return new IndexSnapshotSections(library, payload.Slice(8, (int)sourcesLength), rest.Slice(8, (int)entitiesLength), rest.Slice(8 + (int)entitiesLength))
        {
            Payload = payload,
            Sha256 = sha256,
        };
    }

    /// <summary>Reads the stored sources of a file.</summary>
    /// <param name="sections">The sections of the file.</param>
    /// <param name="path">The file, for messages.</param>
    /// <returns>The sources, in order.</returns>
    /// <exception cref="SanctionListSourceException">The sources section cannot be read.</exception>
    internal static IReadOnlyList<StoredSource> ReadSources(IndexSnapshotSections sections, string path)
    {
        try
        {
            var stored = SnapshotEntityCodec.ReadSources(new SnapshotBinaryReader(sections.Sources, "sources"));
            if (stored.Length == 0)
            {
                throw Fail(path, "the payload holds no sources");
            }

            var entities = SnapshotEntityCodec.Read(new SnapshotBinaryReader(sections.Entities, "entities"), stored.Length);
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] = stored[i] with { Snapshot = stored[i].Snapshot with { Entities = entities[i] } };
            }

            return stored;
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            throw new SanctionListSourceException($"index snapshot {path}: the payload cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the stored candidate index of a file over its stored sources.</summary>
    /// <param name="sections">The sections of the file.</param>
    /// <param name="sources">The stored sources, as read.</param>
    /// <param name="path">The file, for messages.</param>
    /// <returns>The index over the merged entities of the sources.</returns>
    /// <exception cref="SanctionListSourceException">The index section cannot be read.</exception>
    internal static CandidateIndex ReadIndex(IndexSnapshotSections sections, IReadOnlyList<StoredSource> sources, string path)
    {
        var entities = MergedEntities(sources);
        return Link(ReadTables(sections, path), entities, CandidateIndex.ModelPrefixTable(entities), path);
    }

    // The entities of the sources as an engine merges them (ScreeningDataset.Create: in order, an id supplied by an earlier
    // source kept from that one), over which the index was built.
    private static Entity[] MergedEntities(IReadOnlyList<StoredSource> sources)
    {
        var count = 0;
        foreach (var source in sources)
        {
            count += source.Snapshot.Entities.Count;
        }

        var merged = new List<Entity>(count);
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var entity in source.Snapshot.Entities)
            {
                if (seen.Add(entity.Id))
                {
                    merged.Add(entity);
                }
            }
        }

        return [.. merged];
    }

    private static StoredTables ReadTables(IndexSnapshotSections sections, string path)
    {
        try
        {
            return CandidateIndex.ReadTables(new SnapshotBinaryReader(sections.Index, "candidate index"));
        }
        catch (InvalidDataException ex)
        {
            throw new SanctionListSourceException($"index snapshot {path}: the payload cannot be read: {ex.Message}", ex);
        }
    }

    private static CandidateIndex Link(
        StoredTables tables,
        IReadOnlyList<Entity> entities,
        (int EntityIndex, EntityIdentifier Identifier, ModelPrefixPattern Pattern)[] modelPrefixes,
        string path)
    {
        try
        {
            return CandidateIndex.Link(tables, entities, NameScoringRules.Default, modelPrefixes);
        }
        catch (InvalidDataException ex)
        {
            throw new SanctionListSourceException($"index snapshot {path}: the payload cannot be read: {ex.Message}", ex);
        }
    }

    private static SanctionListSourceException Fail(string path, string problem) => new($"index snapshot {path}: {problem}");
}

/// <summary>The sections of an index snapshot file whose header and checksum were checked.</summary>
/// <param name="Library">The version of the library that wrote the file.</param>
/// <param name="Sources">The sources section: binary (<see cref="SnapshotEntityCodec.WriteSources"/>), the snapshots without their entities.</param>
/// <param name="Entities">The entities section: binary (<see cref="SnapshotEntityCodec"/>).</param>
/// <param name="Index">The candidate index section: binary.</param>
internal readonly record struct IndexSnapshotSections(string Library, SnapshotRegion Sources, SnapshotRegion Entities, SnapshotRegion Index)
{
    /// <summary>Gets the whole payload.</summary>
    public SnapshotRegion Payload { get; init; }

    /// <summary>Gets the SHA-256 of the payload that the header gives.</summary>
    public ReadOnlyMemory<byte> Sha256 { get; init; }
}

/// <summary>What an index snapshot file holds: the stored sources and, when it can be used, the candidate index over their merged
/// entities.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
internal sealed class StoredIndexSnapshot
{
    /// <summary>Initializes a new instance of the <see cref="StoredIndexSnapshot"/> class.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sources">The stored sources, in order.</param>
    /// <param name="index">The stored index, or <see langword="null"/> when it cannot be used.</param>
    public StoredIndexSnapshot(string path, IReadOnlyList<StoredSource> sources, CandidateIndex? index)
    {
        Path = path;
        Sources = sources;
        Index = index;
        SnapshotSources = sources.Select(s => new StoredSnapshotSource(s, this)).ToArray();
    }

    /// <summary>Gets the file.</summary>
    public string Path { get; }

    /// <summary>Gets the stored sources, in order.</summary>
    public IReadOnlyList<StoredSource> Sources { get; }

    /// <summary>Gets the stored index, or <see langword="null"/> when the file was written by another version of the library.</summary>
    public CandidateIndex? Index { get; }

    /// <summary>Gets the version of the library that wrote the file when it is another version than this one (its index is then
    /// built again at each load); <see langword="null"/> otherwise.</summary>
    public string? WrittenByOtherVersion { get; init; }

    /// <summary>Gets a source per stored source, serving its snapshot under its stored name.</summary>
    public IReadOnlyList<StoredSnapshotSource> SnapshotSources { get; }

    /// <summary>Gets the stored index when a dataset is exactly the stored snapshots, merged in order.</summary>
    /// <param name="dataset">The dataset a loader built.</param>
    /// <returns>The index, or <see langword="null"/> when the dataset holds other snapshots or the index cannot be used.</returns>
    public CandidateIndex? IndexFor(ScreeningDataset dataset)
    {
        if (Index is not { } index || dataset.Snapshots.Count != Sources.Count || dataset.Entities.Count != index.Entities.Count)
        {
            return null;
        }

        for (var i = 0; i < Sources.Count; i++)
        {
            if (!ReferenceEquals(dataset.Snapshots[i], Sources[i].Snapshot))
            {
                return null;
            }
        }

        return index;
    }
}

/// <summary>One source of an index snapshot file: the name the engine knew it by, and its snapshot.</summary>
/// <param name="Name">The source name (<see cref="ISanctionListSource.Name"/>).</param>
/// <param name="Snapshot">The snapshot.</param>
internal sealed record StoredSource(string Name, ListSnapshot Snapshot);

/// <summary>A source that serves a snapshot read from an index snapshot file under its stored name.</summary>
/// <param name="stored">The stored source.</param>
/// <param name="file">The file it was read from, with the stored index.</param>
internal sealed class StoredSnapshotSource(StoredSource stored, StoredIndexSnapshot file) : ISanctionListSource
{
    /// <summary>Gets the file the snapshot was read from.</summary>
    public StoredIndexSnapshot File => file;

    /// <inheritdoc />
    public string Name => stored.Name;

    /// <inheritdoc />
    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(stored.Snapshot);
    }
}
