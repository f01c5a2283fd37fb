using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Sources.Ofac;

/// <summary>
/// The OFAC SDN and Consolidated (non-SDN) lists in OFAC's legacy CSV layout, read from a folder, a single file, or the files of a
/// remote list.
/// </summary>
/// <remarks>
/// <para>A folder holds <c>sdn.csv</c> (with the optional <c>add.csv</c>, <c>alt.csv</c> and <c>sdn_comments.csv</c>) and/or
/// <c>cons_prim.csv</c> (with <c>cons_add.csv</c>, <c>cons_alt.csv</c>, <c>cons_comments.csv</c>); file names are matched
/// case-insensitively. A single primary file works alone. Entities get ids <c>ofac-sdn:&lt;ent_num&gt;</c> and
/// <c>ofac-cons:&lt;ent_num&gt;</c> and one listing on <c>us-ofac-sdn</c> / <c>us-ofac-cons</c> per program.</para>
/// <para>A primary file that goes on after its DOS end-of-file byte (<c>0x1A</c>) holds a second list: the text after the
/// byte is read as the Consolidated list (OFAC's SDN file followed by its <c>cons_prim.csv</c>). An <c>ent_num</c> on both
/// lists becomes two entities, <c>ofac-sdn:N</c> and <c>ofac-cons:N</c>, each with its own listings.</para>
/// <para>The version is the last-write date (UTC) of the primary file, since the CSV layout carries no publication date.</para>
/// </remarks>
internal sealed class OfacCsvFormat : SourceFormat
{
    private static readonly string[] SdnFiles = ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"];
    private static readonly string[] ConsFiles = ["cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv"];

    private OfacCsvFormat()
        : base("ofac-csv", "OFAC SDN / Consolidated legacy CSV (sdn.csv, add.csv, alt.csv, sdn_comments.csv; cons_*.csv), a folder or one primary file")
    {
    }

    /// <summary>Gets the format.</summary>
    public static OfacCsvFormat Instance { get; } = new();

    /// <summary>A folder with <c>sdn.csv</c> or <c>cons_prim.csv</c>, or a <c>.csv</c> file whose first record has 12 fields and
    /// a numeric <c>ent_num</c>.</summary>
    internal override bool Recognises(string path)
    {
        if (Directory.Exists(path))
        {
            return FindInFolder(path, SdnFiles[0]) is not null || FindInFolder(path, ConsFiles[0]) is not null;
        }

        if (!ListProbe.HasExtension(path, ".csv"))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[64 * 1024];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            using var reader = new StringReader(ListInput.Decode(buffer.AsSpan(0, read)));
            using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, DetectDelimiter = false });
            if (!parser.Read() || parser.Record is not { Length: 12 } record)
            {
                return false;
            }

            return int.TryParse(record[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }
        catch (CsvHelperException)
        {
            return false;
        }
    }

    /// <summary><c>ofac-sdn</c>, <c>ofac-cons</c> or <c>ofac</c> (both lists) by the files present.</summary>
    internal override string DefaultSourceName(string location, IReadOnlyList<string> fileNames)
    {
        var sdn = fileNames.Any(f => IsNamed(f, SdnFiles[0]));
        var cons = fileNames.Any(f => IsNamed(f, ConsFiles[0]));
        return sdn || cons
            ? OfacList.SourceName(sdn || !cons, cons)
            : OfacList.IdPrefix(OfacList.KindFromFileName(location));
    }

    internal override IReadOnlyList<string> FilesOf(string path, string sourceName)
    {
        if (Directory.Exists(path))
        {
            var files = new List<string>();
            foreach (var set in new[] { SdnFiles, ConsFiles })
            {
                if (FindInFolder(path, set[0]) is not null)
                {
                    files.AddRange(set.Select(f => FindInFolder(path, f)).OfType<string>());
                }
            }

            return files.Count > 0
                ? files
                : throw new SanctionListSourceException(sourceName, path, "the folder holds neither sdn.csv nor cons_prim.csv");
        }

        return File.Exists(path) ? [path] : throw new SanctionListSourceException(sourceName, path, "no such file or folder");
    }

    internal override ListSnapshot Read(ListContent content)
    {
        var name = content.SourceName;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rejected = new List<RejectedRecord>();
        var lists = new List<OfacCsvList>();
        foreach (var (kind, files) in Sets(content))
        {
            var bytes = new ReadOnlyMemory<byte>?[files.Length];
            for (var i = 0; i < files.Length; i++)
            {
                if (files[i] is { } file)
                {
                    var read = file.Bytes(name, content.MaxBytes);
                    hash.AppendData(read.Span);
                    bytes[i] = read;
                }
            }

            CheckEndMarkers(name, files, bytes);
            var primaryName = files[0]!.Name;
            var parts = OfacCsvReader.ReadPrimary(bytes[0]!.Value.Span, primaryName, rejected, name);
            if (parts.Count == 0)
            {
                throw new SanctionListSourceException(name, files[0]!.Location, "the file holds no records");
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
                first.Addresses.AddRange(OfacCsvReader.ReadAddresses(add.Span, files[1]!.Name, rejected, name));
            }

            if (bytes[2] is { } alt)
            {
                first.Aliases.AddRange(OfacCsvReader.ReadAliases(alt.Span, files[2]!.Name, rejected, name));
            }

            if (bytes[3] is { } comments)
            {
                first.Comments.AddRange(OfacCsvReader.ReadComments(comments.Span, files[3]!.Name, rejected, name));
            }
        }

        content.CancellationToken.ThrowIfCancellationRequested();
        var (entities, relations) = OfacCsvMapper.Map(lists, rejected);
        var kinds = lists.Select(l => l.Kind).Distinct().Order().ToArray();
        return new ListSnapshot(name, content.Version())
        {
            Entities = entities.Select(e => e with { SourceName = name }).ToArray(),
            Relations = relations,
            Lists = kinds.Select(k => KnownLists.Get(OfacList.ListId(k))).ToArray(),
            FetchedAt = content.FetchedAt,
            Sha256 = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(),
            Location = content.Location,
            RejectedRecords = rejected,
        };
    }

    /// <summary>Gets whether a file ends with OFAC's end-of-file byte (<c>0x1A</c>), ignoring line breaks and spaces after it.</summary>
    internal static bool EndsWithMarker(ReadOnlySpan<byte> bytes)
    {
        var trimmed = bytes.TrimEnd((ReadOnlySpan<byte>)[(byte)'\r', (byte)'\n', (byte)' ', (byte)'\t']);
        return !trimmed.IsEmpty && trimmed[^1] == OfacCsvReader.EndOfFileByte;
    }

    /// <summary>Groups the files into the SDN and Consolidated sets (primary, address, alias and comment file, by name), or one
    /// primary file alone.</summary>
    private static List<(OfacListKind Kind, ListFile?[] Files)> Sets(ListContent content)
    {
        ListFile? Find(string fileName) => content.Files.FirstOrDefault(f => IsNamed(f.Name, fileName));

        var sets = new List<(OfacListKind, ListFile?[])>();
        if (Find(SdnFiles[0]) is not null)
        {
            sets.Add((OfacListKind.Sdn, SdnFiles.Select(Find).ToArray()));
        }

        if (Find(ConsFiles[0]) is not null)
        {
            sets.Add((OfacListKind.Consolidated, ConsFiles.Select(Find).ToArray()));
        }

        if (sets.Count > 0)
        {
            return sets;
        }

        var single = content.Single;
        if (SdnFiles.Skip(1).Concat(ConsFiles.Skip(1)).Any(f => IsNamed(single.Name, f)))
        {
            throw new SanctionListSourceException(content.SourceName, single.Location, "this file only adds to a primary file (sdn.csv or cons_prim.csv); open the folder instead");
        }

        return [(OfacList.KindFromFileName(single.Name), [single, null, null, null])];
    }

    /// <summary>Refuses a file that OFAC ends with the end-of-file byte but that lacks it, that is a file cut short. OFAC's files
    /// published since 2021 end every primary, address and alias file with the byte (comment files not always). Older copies and
    /// extracts carry it in none of them; such a set, recognised by an address or alias file without the byte next to a primary
    /// file without it, is read as it is. A primary file alone must carry it.</summary>
    private static void CheckEndMarkers(string sourceName, ListFile?[] files, ReadOnlyMemory<byte>?[] bytes)
    {
        var marked = new bool?[3];
        for (var i = 0; i < 3; i++)
        {
            marked[i] = bytes[i] is { } b ? EndsWithMarker(b.Span) : null;
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
                throw new SanctionListSourceException(sourceName, files[i]!.Location,
                    $"the file does not end with OFAC's end-of-file byte (0x1A) {why}: it is probably cut short and is not served");
            }
        }
    }

    private static bool IsNamed(string fileName, string expected) => string.Equals(fileName, expected, StringComparison.OrdinalIgnoreCase);

    private static string? FindInFolder(string folder, string fileName)
    {
        var exact = Path.Combine(folder, fileName);
        if (File.Exists(exact))
        {
            return exact;
        }

        try
        {
            return Directory.EnumerateFiles(folder).FirstOrDefault(f => IsNamed(Path.GetFileName(f), fileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// The OFAC SDN or Consolidated list in one of OFAC's XML layouts: the flat <c>SDN.XML</c> / <c>CONSOLIDATED.XML</c>
/// (root <c>sdnList</c>) or the advanced <c>SDN_ADVANCED.XML</c> / <c>CONS_ADVANCED.XML</c> (root <c>Sanctions</c>).
/// Both formats read either layout, recognised from the root element; they differ only in which files they detect.
/// </summary>
/// <remarks>
/// <para>XML is read with DTDs prohibited, no external resolution and a size limit; a malformed or oversized document
/// throws <see cref="SanctionListSourceException"/> naming the source, file, line and position.</para>
/// <para>Entities get ids <c>ofac-sdn:&lt;uid&gt;</c> (entries on the SDN list) or <c>ofac-cons:&lt;uid&gt;</c>. In the flat
/// layout the list is known from the file name (names starting with <c>cons</c> are the Consolidated list); in the advanced
/// layout from each entry's sanctions entry. The version is the publication date of the file, else its last-write date.</para>
/// </remarks>
internal sealed class OfacXmlFormat : SourceFormat
{
    private readonly bool _advanced;
    private readonly long _maxCharacters;

    /// <summary>Initializes a format; <paramref name="maxCharacters"/> is the document size limit (tests lower it).</summary>
    internal OfacXmlFormat(bool advanced, long maxCharacters = ListInput.MaxXmlChars)
        : base(
            advanced ? "ofac-advanced-xml" : "ofac-xml",
            advanced ? "OFAC SDN_ADVANCED.XML / CONS_ADVANCED.XML (root Sanctions)" : "OFAC SDN.XML / CONSOLIDATED.XML (root sdnList)")
    {
        _advanced = advanced;
        _maxCharacters = maxCharacters;
    }

    /// <summary>Gets the flat layout's format.</summary>
    public static OfacXmlFormat Flat { get; } = new(advanced: false);

    /// <summary>Gets the advanced layout's format.</summary>
    public static OfacXmlFormat Advanced { get; } = new(advanced: true);

    /// <summary>An <c>.xml</c> file whose root is <c>sdnList</c> (flat) or <c>Sanctions</c> in an OFAC or UN sanctions namespace (advanced).</summary>
    internal override bool Recognises(string path)
    {
        if (!ListProbe.HasExtension(path, ".xml"))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        if (OfacXml.Root(stream) is not { } r)
        {
            return false;
        }

        return _advanced
            ? r.LocalName == OfacAdvancedXmlReader.RootName
                && (r.Namespace.Length == 0 || r.Namespace.Contains("ofac", StringComparison.OrdinalIgnoreCase) || r.Namespace.Contains("un.org/sanctions", StringComparison.OrdinalIgnoreCase))
            : r.LocalName == OfacSdnXmlReader.RootName;
    }

    /// <summary><c>ofac-cons</c> when the file name starts with <c>cons</c>, else <c>ofac-sdn</c>.</summary>
    internal override string DefaultSourceName(string location, IReadOnlyList<string> fileNames) =>
        OfacList.IdPrefix(OfacList.KindFromFileName(fileNames.Count == 1 ? fileNames[0] : location));

    internal override ListSnapshot Read(ListContent content)
    {
        var file = content.Single;
        var snapshot = Read(file.Bytes(content.SourceName, content.MaxBytes), file.Location, content.SourceName, _maxCharacters);
        return snapshot with
        {
            Version = content.Version(snapshot.Version.Length > 0 ? snapshot.Version : null),
            FetchedAt = content.FetchedAt,
            Location = content.Location,
        };
    }

    /// <summary>Reads an OFAC XML document of either layout. The version is empty when the document has no publication date.</summary>
    internal static ListSnapshot Read(ReadOnlyMemory<byte> bytes, string location, string sourceName, long maxCharacters = ListInput.MaxXmlChars)
    {
        var defaultList = OfacList.KindFromFileName(location);
        var rejected = new List<RejectedRecord>();
        string? root;
        using (var stream = ListInput.AsStream(bytes))
        {
            root = OfacXml.RootName(stream);
        }

        var document = root switch
        {
            OfacAdvancedXmlReader.RootName => OfacAdvancedXmlReader.Read(bytes, location, defaultList, rejected, maxCharacters, sourceName),
            OfacSdnXmlReader.RootName => OfacSdnXmlReader.Read(bytes, location, defaultList, rejected, maxCharacters, sourceName),
            null => OfacSdnXmlReader.Read(bytes, location, defaultList, rejected, maxCharacters, sourceName), // reports where the XML breaks
            _ => throw new SanctionListSourceException(sourceName, location, $"the root element is <{root}>; an OFAC XML file has <{OfacSdnXmlReader.RootName}> or <{OfacAdvancedXmlReader.RootName}>"),
        };

        var (entities, relations) = OfacXmlMapper.Map(document.Entries, rejected);
        var kinds = entities.SelectMany(e => e.Listings).Select(l => l.ListId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new ListSnapshot(sourceName, document.PublishDate ?? string.Empty)
        {
            Entities = entities.Select(e => e with { SourceName = sourceName }).ToArray(),
            Relations = relations,
            Lists = kinds.Select(KnownLists.Get).ToArray(),
            Sha256 = ListText.Sha256(bytes.Span),
            Location = location,
            RejectedRecords = rejected,
        };
    }
}
