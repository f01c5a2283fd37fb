using System.Security.Cryptography;
using VendorScreen.Screening;

namespace VendorScreen.Sources.Ofac;

/// <summary>
/// The OFAC SDN and Consolidated (non-SDN) lists in OFAC's legacy CSV layout, read from a folder or a single file.
/// </summary>
/// <remarks>
/// <para>A folder holds <c>sdn.csv</c> (with the optional <c>add.csv</c>, <c>alt.csv</c> and <c>sdn_comments.csv</c>) and/or
/// <c>cons_prim.csv</c> (with <c>cons_add.csv</c>, <c>cons_alt.csv</c>, <c>cons_comments.csv</c>); file names are matched
/// case-insensitively. A single primary file works alone. Entities get ids <c>ofac-sdn:&lt;ent_num&gt;</c> and
/// <c>ofac-cons:&lt;ent_num&gt;</c> and one listing on <c>us-ofac-sdn</c> / <c>us-ofac-cons</c> per program.</para>
/// <para>A primary file that goes on after its DOS end-of-file byte (<c>0x1A</c>) holds a second list: the text after the
/// byte is read as the Consolidated list (OFAC's SDN file followed by its <c>cons_prim.csv</c>). An <c>ent_num</c> on both
/// lists becomes two entities, <c>ofac-sdn:N</c> and <c>ofac-cons:N</c>, each with its own listings.</para>
/// <para>The version is the last-write date (UTC) of the primary file, since the CSV layout carries no publication date.
/// Instances are safe for concurrent use; every <see cref="LoadAsync"/> reads the files again.</para>
/// </remarks>
public sealed class OfacCsvSource : ISanctionListSource
{
    private static readonly string[] SdnFiles = ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"];
    private static readonly string[] ConsFiles = ["cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"];

    private const byte EndMarker = 0x1A;

    private readonly string _path;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="OfacCsvSource"/> class.</summary>
    /// <param name="path">A folder with the CSV files, or one primary file.</param>
    /// <param name="timeProvider">The clock for <see cref="ListSnapshot.FetchedAt"/>; <see langword="null"/> for the system clock.</param>
    /// <param name="name">The source name; <see langword="null"/> for <c>ofac-sdn</c>, <c>ofac-cons</c> or <c>ofac</c> (both lists)
    /// by the files present.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public OfacCsvSource(string path, TimeProvider? timeProvider = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Name = string.IsNullOrWhiteSpace(name) ? DefaultName(path) : name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <exception cref="SanctionListSourceException">The path does not exist, holds no primary file, or a file cannot be read or parsed.</exception>
    public async ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var sets = FindFiles();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rejected = new List<RejectedRecord>();
        var lists = new List<OfacCsvList>();
        string? versionFile = null;
        foreach (var (kind, files) in sets)
        {
            var bytes = new byte[]?[files.Length];
            for (var i = 0; i < files.Length; i++)
            {
                bytes[i] = files[i] is { } file ? await ReadAsync(file, hash, cancellationToken).ConfigureAwait(false) : null;
            }

            CheckEndMarkers(files, bytes);
            versionFile ??= files[0];
            var primaryName = Path.GetFileName(files[0]!);
            var parts = OfacCsvReader.ReadPrimary(bytes[0]!, primaryName, rejected, Name);
            if (parts.Count == 0)
            {
                throw new SanctionListSourceException(Name, files[0], "the file holds no records");
            }

            for (var i = 0; i < parts.Count; i++)
            {
                var partKind = i == 0 ? kind : OfacListKind.Consolidated;
                var list = new OfacCsvList(partKind, parts.Count == 1 ? primaryName : $"{primaryName} part {i + 1}");
                list.Primaries.AddRange(parts[i]);
                lists.Add(list);
            }

            var first = lists[^parts.Count];
            if (bytes[1] is { } add)
            {
                first.Addresses.AddRange(OfacCsvReader.ReadAddresses(add, Path.GetFileName(files[1]!), rejected, Name));
            }

            if (bytes[2] is { } alt)
            {
                first.Aliases.AddRange(OfacCsvReader.ReadAliases(alt, Path.GetFileName(files[2]!), rejected, Name));
            }

            if (bytes[3] is { } comments)
            {
                first.Comments.AddRange(OfacCsvReader.ReadComments(comments, Path.GetFileName(files[3]!), rejected, Name));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (entities, relations) = OfacCsvMapper.Map(lists, rejected);
        var kinds = lists.Select(l => l.Kind).Distinct().Order().ToArray();
        return new ListSnapshot(Name, OfacList.Version(File.GetLastWriteTimeUtc(versionFile!)))
        {
            Entities = entities.Select(e => e with { SourceName = Name }).ToArray(),
            Relations = relations,
            Lists = kinds.Select(k => KnownLists.Get(OfacList.ListId(k))).ToArray(),
            FetchedAt = _timeProvider.GetUtcNow(),
            Sha256 = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(),
            Location = _path,
            RejectedRecords = rejected,
        };
    }

    /// <summary>Gets whether a file ends with OFAC's end-of-file byte (<c>0x1A</c>), ignoring line breaks and spaces after it.</summary>
    internal static bool EndsWithMarker(ReadOnlySpan<byte> bytes)
    {
        var trimmed = bytes.TrimEnd((ReadOnlySpan<byte>)[(byte)'\r', (byte)'\n', (byte)' ', (byte)'\t']);
        return !trimmed.IsEmpty && trimmed[^1] == EndMarker;
    }

    /// <summary>Refuses a file that OFAC ends with the end-of-file byte but that lacks it, that is a file cut short. OFAC's files
    /// published since 2021 end every primary, address and alias file with the byte (comment files not always). Older copies and
    /// extracts carry it in none of them; such a set, recognised by an address or alias file without the byte next to a primary
    /// file without it, is read as it is. A primary file alone must carry it.</summary>
    private void CheckEndMarkers(string?[] files, byte[]?[] bytes)
    {
        var marked = new bool?[3];
        for (var i = 0; i < 3; i++)
        {
            marked[i] = bytes[i] is { } b ? EndsWithMarker(b) : null;
        }

        var anyMarked = marked.Any(m => m == true);
        var hasSibling = marked[1] is not null || marked[2] is not null;
        if (!anyMarked && hasSibling)
        {
            return;
        }

        for (var i = 0; i < 3; i++)
        {
            if (marked[i] == false)
            {
                var why = anyMarked
                    ? "while other files of the same list carry it"
                    : "and no address or alias file shows that this copy never had it";
                throw new SanctionListSourceException(Name, files[i],
                    $"the file does not end with OFAC's end-of-file byte (0x1A) {why}: it is probably cut short and is not served");
            }
        }
    }

    /// <summary>Gets whether a folder holds an OFAC primary CSV file.</summary>
    internal static bool IsOfacFolder(string path) =>
        Directory.Exists(path) && (FindInFolder(path, SdnFiles[0]) is not null || FindInFolder(path, ConsFiles[0]) is not null);

    private List<(OfacListKind Kind, string?[] Files)> FindFiles()
    {
        if (Directory.Exists(_path))
        {
            var sets = new List<(OfacListKind, string?[])>();
            if (FindInFolder(_path, SdnFiles[0]) is not null)
            {
                sets.Add((OfacListKind.Sdn, SdnFiles.Select(f => FindInFolder(_path, f)).ToArray()));
            }

            if (FindInFolder(_path, ConsFiles[0]) is not null)
            {
                sets.Add((OfacListKind.Consolidated, ConsFiles.Select(f => FindInFolder(_path, f)).ToArray()));
            }

            return sets.Count > 0
                ? sets
                : throw new SanctionListSourceException(Name, _path, "the folder holds neither sdn.csv nor cons_prim.csv");
        }

        if (!File.Exists(_path))
        {
            throw new SanctionListSourceException(Name, _path, "no such file or folder");
        }

        var fileName = Path.GetFileName(_path);
        if (SdnFiles.Skip(1).Concat(ConsFiles.Skip(1)).Any(f => string.Equals(f, fileName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new SanctionListSourceException(Name, _path, "this file only adds to a primary file (sdn.csv or cons_prim.csv); open the folder instead");
        }

        return [(OfacList.KindFromFileName(_path), [_path, null, null, null])];
    }

    private async Task<byte[]> ReadAsync(string file, IncrementalHash hash, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SanctionListSourceException(Name, file, ex.Message, ex);
        }

        hash.AppendData(bytes);
        return bytes;
    }

    private static string? FindInFolder(string folder, string fileName)
    {
        var exact = Path.Combine(folder, fileName);
        if (File.Exists(exact))
        {
            return exact;
        }

        try
        {
            return Directory.EnumerateFiles(folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string DefaultName(string path)
    {
        if (Directory.Exists(path))
        {
            var sdn = FindInFolder(path, SdnFiles[0]) is not null;
            var cons = FindInFolder(path, ConsFiles[0]) is not null;
            return OfacList.SourceName(sdn || !cons, cons);
        }

        return OfacList.KindFromFileName(path) == OfacListKind.Consolidated ? OfacList.ConsolidatedSourceName : OfacList.SdnSourceName;
    }
}
