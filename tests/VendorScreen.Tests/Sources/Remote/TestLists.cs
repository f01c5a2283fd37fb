using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace VendorScreen.Tests.Sources.Remote;

/// <summary>Small lists written by the tests, and simple readers for them.</summary>
internal static class TestLists
{
    /// <summary>A line list: the first line is <c>version X</c>, each further line an entity name, a line starting with
    /// <c>!</c> a record the reader rejects.</summary>
    public static byte[] Lines(string version, int entities, int rejected = 0)
    {
        var text = new StringBuilder().Append("version ").Append(version).Append('\n');
        for (var i = 1; i <= entities; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Entity Number {i}\n");
        }

        for (var i = 1; i <= rejected; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"!broken record {i}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads <see cref="Lines"/>; a document that does not start with a version line is unusable.</summary>
    public static ListSnapshot ReadLines(ReadOnlyMemory<byte> bytes, string location, DateTimeOffset fetchedAt)
    {
        var lines = Encoding.UTF8.GetString(bytes.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("version ", StringComparison.Ordinal))
        {
            throw new SanctionListSourceException("lines", location, "the first line must be \"version <x>\"");
        }

        var entities = new List<Entity>();
        var rejected = new List<RejectedRecord>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('!'))
            {
                rejected.Add(new RejectedRecord($"{location} line {i + 1}", "marked broken"));
            }
            else
            {
                entities.Add(new Entity($"lines:{i}", EntityKind.Organization, lines[i]) { Names = [new EntityName(lines[i], NameKind.Primary)] });
            }
        }

        return new ListSnapshot("lines", lines[0]["version ".Length..])
        {
            Entities = entities,
            RejectedRecords = rejected,
            FetchedAt = fetchedAt,
            Location = location,
        };
    }

    /// <summary>A document in the library's own format whose entities are on the OFAC SDN list (a blocking list).</summary>
    public static byte[] Dataset(string source, string version, params string[] names)
    {
        var document = new
        {
            format = "vendorscreen-dataset/1",
            source,
            version,
            lists = new[] { new { id = "us-ofac-sdn", name = "OFAC SDN", category = "sanctions" } },
            entities = names.Select(n => new
            {
                id = n.ToLowerInvariant().Replace(' ', '-'),
                kind = "organization",
                name = n,
                listings = new[] { new { list = "us-ofac-sdn" } },
            }).ToArray(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    /// <summary>Reads the UN consolidated XML far enough to count its records: one entity per INDIVIDUAL or ENTITY element,
    /// versioned by the <c>dateGenerated</c> attribute.</summary>
    public static ListSnapshot ReadUnXml(ReadOnlyMemory<byte> bytes, string location, DateTimeOffset fetchedAt)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var entities = new List<Entity>();
        string? version = null;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.Name == "CONSOLIDATED_LIST")
            {
                version = xml.GetAttribute("dateGenerated");
            }
            else if (xml.Name is "INDIVIDUAL" or "ENTITY")
            {
                entities.Add(new Entity($"un:{entities.Count + 1}", xml.Name == "INDIVIDUAL" ? EntityKind.Person : EntityKind.Organization, $"record {entities.Count + 1}"));
            }
        }

        return new ListSnapshot("un", version ?? "unknown") { Entities = entities, FetchedAt = fetchedAt, Location = location };
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();
}

/// <summary>A temporary folder removed at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vendorscreen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>A source whose loads a test controls.</summary>
internal sealed class DelegateSource(string name, Func<CancellationToken, ValueTask<ListSnapshot>> load) : VendorScreen.Sources.ISanctionListSource
{
    private int _loads;

    public DelegateSource(string name, Func<ListSnapshot> load)
        : this(name, _ => ValueTask.FromResult(load()))
    {
    }

    public string Name => name;

    public int Loads => Volatile.Read(ref _loads);

    public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _loads);
        return load(cancellationToken);
    }

    /// <summary>A snapshot of <paramref name="count"/> entities named "Entity Number i", each on the OFAC SDN list.</summary>
    public static ListSnapshot Snapshot(string source, string version, int count, DateTimeOffset fetchedAt = default, int rejected = 0) =>
        new(source, version)
        {
            Entities = Enumerable.Range(1, count).Select(i => new Entity($"{source}:{i}", EntityKind.Organization, $"Entity Number {i}")
            {
                Names = [new EntityName($"Entity Number {i}", NameKind.Primary)],
                Listings = [new Listing("us-ofac-sdn")],
            }).ToArray(),
            RejectedRecords = Enumerable.Range(1, rejected).Select(i => new RejectedRecord($"record {i}", "broken")).ToArray(),
            FetchedAt = fetchedAt,
        };
}
