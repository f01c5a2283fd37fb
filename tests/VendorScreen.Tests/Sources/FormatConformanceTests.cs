using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Lists;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Sources;

/// <summary>The contract every registered list format keeps, run over <see cref="SourceFormats.All"/>: a new format is covered as
/// soon as it is registered (and fails <see cref="EveryRegisteredFormat_HasAConformanceSample"/> until it has a sample here).</summary>
public sealed class FormatConformanceTests
{
    private const string CslHeader = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    /// <summary>A valid file of each format, and how to add one record to it that the format must reject and count.</summary>
    private static readonly Dictionary<string, Sample> Samples = new(StringComparer.Ordinal)
    {
        ["vendorscreen-json"] = new("erp.json", () => Resource("VendorScreen.Data.default-dataset.json"),
            text => InsertAfter(text, "\"entities\": [", "\n    { \"id\": \"bad\", \"kind\": \"spaceship\", \"name\": \"Bad Kind\" },"), PositionIsPath: true),
        ["ofac-csv"] = new("sdn.csv", () => File.ReadAllBytes(ListTestFiles.Path("Ofac/csv/sdn.csv")),
            text => InsertAfter(text, "\n", "36,\"ONLY TWO FIELDS\"\r\n")),
        ["ofac-xml"] = new("sdn.xml", () => File.ReadAllBytes(ListTestFiles.Path("Ofac/xml/sdn.xml")),
            text => InsertBefore(text, "<sdnEntry>", "<sdnEntry><uid>x</uid><lastName>BAD UID</lastName><sdnType>Entity</sdnType></sdnEntry>\n  ")),
        ["ofac-advanced-xml"] = new("sdn_advanced.xml", () => File.ReadAllBytes(ListTestFiles.Path("Ofac/xml/sdn_advanced.xml")),
            text => InsertAfter(text, "<DistinctParties>", "\n    <DistinctParty FixedRef=\"x\"></DistinctParty>")),
        ["csl-csv"] = new("csl.csv", () => Encoding.UTF8.GetBytes(CslHeader + "\n" + CslRow("1", "Example Co") + CslRow("2", "Other Example Ltd")),
            text => text + "\"3\",\"broken \"quote\" here\",\"\"\n"),
        ["csl-json"] = new("csl.json", () => File.ReadAllBytes(ListTestFiles.Path("Csl/csl-sample.json")),
            text => InsertAfter(text, "\"results\": [", "\n    42,")),
        ["bis-dpl"] = new("dpl.txt", () => File.ReadAllBytes(ListTestFiles.Path("BisDpl/dpl-sample.txt")),
            text => text.TrimEnd('\r', '\n') + "\n\"ONLY A NAME\"\n"),
        ["un-xml"] = new("consolidated.xml", () => File.ReadAllBytes(ListTestFiles.Path("Un/un-consolidated-sample.xml")),
            text => InsertAfter(text, "<INDIVIDUALS>", "\n    <INDIVIDUAL><DATAID>1</DATAID><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER></INDIVIDUAL>")),
        ["eu-xml"] = new("eu.xml", () => File.ReadAllBytes(ListTestFiles.Path("Eu/eu-fsf-sample.xml")),
            text => InsertBefore(text, "<sanctionEntity ", "<sanctionEntity logicalId=\"999999\"><subjectType code=\"enterprise\"/></sanctionEntity>\n    ")),
        ["eu-csv"] = new("eu.csv", () => File.ReadAllBytes(ListTestFiles.Path("Eu/eu-fsf-csv-v1-sample.csv")),
            text => text.TrimEnd('\r', '\n') + "\n04/07/2018;x\n"),
        ["uk-conlist"] = new("conlist.csv", () => File.ReadAllBytes(ListTestFiles.Path("Uk/conlist-sample.csv")),
            text => text.TrimEnd('\r', '\n') + "\nONLY,TWO\n"),
        ["uk-fcdo-csv"] = new("uk.csv", () => File.ReadAllBytes(ListTestFiles.Path("Uk/uk-sanctions-list-sample.csv")),
            text => text.TrimEnd('\r', '\n') + "\nONLY,TWO\n"),
        ["ftm-json"] = new("entities.ftm.json", () => File.ReadAllBytes(ListTestFiles.Path("OpenSanctions/sample.entities.ftm.json")),
            text => text.TrimEnd('\n') + "\n{not json\n"),
        ["custom-csv"] = new("erp-blocklist.csv", () => File.ReadAllBytes(ListTestFiles.Path("CustomCsv/erp-blocklist.csv")),
            text => text.TrimEnd('\r', '\n') + "\nV-9999,\n"),
    };

    public static TheoryData<string> Formats => new(SourceFormats.All.Select(f => f.Name));

    [Fact]
    public void EveryRegisteredFormat_HasAConformanceSample()
    {
        Samples.Keys.Should().BeEquivalentTo(SourceFormats.All.Select(f => f.Name), "every registered format runs the conformance suite");
        SourceFormats.All.Select(f => f.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sample_IsReadWithItsProvenance(string name)
    {
        var (format, sample) = Get(name);
        var bytes = sample.Bytes();

        var snapshot = format.Read(bytes, sample.FileName, ListTestFiles.Now, "2001-02-03");

        snapshot.Entities.Should().NotBeEmpty();
        snapshot.SourceName.Should().NotBeNullOrWhiteSpace();
        snapshot.Entities.Should().OnlyContain(e => e.SourceName == snapshot.SourceName);
        snapshot.Entities.Select(e => e.Id).Should().OnlyHaveUniqueItems();
        snapshot.Location.Should().Be(sample.FileName);
        snapshot.FetchedAt.Should().Be(ListTestFiles.Now);
        snapshot.Version.Should().NotBeNullOrWhiteSpace();
        snapshot.Sha256.Should().Be(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
        snapshot.Lists.Select(l => l.Id).Should().Contain(snapshot.Entities.SelectMany(e => e.Listings).Select(l => l.ListId).Distinct());
        snapshot.RejectedRecords.Where(r => !sample.NamesFile(r)).Should().BeEmpty("a rejected record names where it stands");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task File_LoadsAsTheSameBytesDo(string name)
    {
        var (format, sample) = Get(name);
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, sample.FileName);
        await File.WriteAllBytesAsync(path, sample.Bytes());

        var fromFile = await format.Open(path, ListTestFiles.Clock()).LoadAsync();
        var fromBytes = format.Read(sample.Bytes(), path, ListTestFiles.Now, fromFile.Version);
        await using var stream = new MemoryStream(sample.Bytes(), writable: false);
        var fromStream = format.Read(stream, path, ListTestFiles.Now, fromFile.Version);

        format.Detect(path).Should().BeTrue("a written sample is recognised by its own format");
        fromFile.FetchedAt.Should().Be(ListTestFiles.Now);
        fromFile.Location.Should().Be(path);
        foreach (var other in new[] { fromBytes, fromStream })
        {
            other.Should().BeEquivalentTo(fromFile, "a file, its bytes and a stream of them read alike");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EmptyFile_IsRefusedOrReadAsAnEmptyList(string name)
    {
        var (format, sample) = Get(name);

        var act = () => format.Read(ReadOnlyMemory<byte>.Empty, sample.FileName, ListTestFiles.Now);

        // A format whose empty file is a valid empty list (FollowTheMoney lines) reads it as one, with its provenance; the engine then
        // refuses a list without entities unless it is allowed to be empty (SourceAcceptanceTests). Every other format refuses it.
        ListSnapshot empty;
        try
        {
            empty = act();
        }
        catch (SanctionListSourceException ex)
        {
            ex.Location.Should().Contain(sample.FileName);
            return;
        }

        empty.Entities.Should().BeEmpty();
        empty.Location.Should().Be(sample.FileName);
        empty.Sha256.Should().Be(Convert.ToHexString(SHA256.HashData([])).ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void WrongHeader_IsRefusedNamingTheFile(string name)
    {
        var (format, sample) = Get(name);
        var foreign = IsXml(sample) ? "Name,Country\nExample Co,CN\n" : "<?xml version=\"1.0\"?>\n<other><row>Example Co</row></other>\n";

        var act = () => format.Read(Encoding.UTF8.GetBytes(foreign), sample.FileName, ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Which.Location.Should().Contain(sample.FileName);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void TruncatedFile_IsRefusedOrKeepsOnlyWholeRecords(string name)
    {
        var (format, sample) = Get(name);
        var bytes = sample.Bytes();
        var full = format.Read(bytes, sample.FileName, ListTestFiles.Now);
        var cut = bytes.AsMemory(0, bytes.Length / 2);

        var act = () => format.Read(cut, sample.FileName, ListTestFiles.Now);

        if (sample.EndsVisibly)
        {
            // An XML or JSON document, or an OFAC file with its end-of-file byte, shows where it ends: a cut one is refused.
            act.Should().Throw<SanctionListSourceException>().Which.Location.Should().Contain(sample.FileName);
            return;
        }

        // A line format cannot always tell a cut file from a short one: it refuses the cut (a quote left open), or reads the
        // records before the cut and counts the cut record as rejected or loses it, and invents none.
        ListSnapshot partial;
        try
        {
            partial = act();
        }
        catch (SanctionListSourceException ex)
        {
            ex.Location.Should().Contain(sample.FileName);
            return;
        }

        var cutLine = cut.Span.Count((byte)'\n') + 1;
        partial.Entities.Select(e => e.Id).Should().BeSubsetOf(full.Entities.Select(e => e.Id));
        (partial.Entities.Count < full.Entities.Count || partial.RejectedRecords.Any(r => r.Position.EndsWith($":{cutLine}", StringComparison.Ordinal)))
            .Should().BeTrue($"the cut shows as lost entities or as the record on line {cutLine} rejected");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Dtd_IsRefusedInXmlFormats(string name)
    {
        var (format, sample) = Get(name);
        if (!IsXml(sample))
        {
            format.Read(sample.Bytes(), sample.FileName, ListTestFiles.Now).Entities.Should().NotBeEmpty("the DTD case applies to XML formats only");
            return;
        }

        var text = Encoding.UTF8.GetString(sample.Bytes());
        var declarationEnd = text.StartsWith("<?xml", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var withDtd = text[..declarationEnd] + "\n<!DOCTYPE root [<!ENTITY boom \"boom\">]>" + text[declarationEnd..];

        var act = () => format.Read(Encoding.UTF8.GetBytes(withDtd), sample.FileName, ListTestFiles.Now);

        act.Should().Throw<SanctionListSourceException>().Which.Message.Should().Contain("DTD").And.Contain(sample.FileName);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void OversizeFile_IsRefusedFromBytesFilesAndStreams(string name)
    {
        var (format, sample) = Get(name);
        var bytes = sample.Bytes();
        var limit = bytes.Length - 1L;
        var expected = $"*exceeds the limit of {limit} bytes*";

        var fromBytes = () => format.Read([ListFile.FromBytes(sample.FileName, sample.FileName, bytes)], sample.FileName, ListTestFiles.Now, null, null, limit);
        var fromStream = () =>
        {
            using var stream = new ForwardOnlyStream(bytes);
            return format.Read([ListFile.FromStream(sample.FileName, sample.FileName, stream)], sample.FileName, ListTestFiles.Now, null, null, limit);
        };

        fromBytes.Should().Throw<SanctionListSourceException>().WithMessage(expected).Which.Location.Should().Be(sample.FileName);
        fromStream.Should().Throw<SanctionListSourceException>().WithMessage(expected).Which.Location.Should().Be(sample.FileName);
        format.Read([ListFile.FromBytes(sample.FileName, sample.FileName, bytes)], sample.FileName, ListTestFiles.Now, null, null, bytes.Length)
            .Entities.Should().NotBeEmpty("a file of exactly the limit is read");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void BadRecord_IsCountedNotThrown(string name)
    {
        var (format, sample) = Get(name);
        var text = Encoding.UTF8.GetString(sample.Bytes());
        var before = format.Read(Encoding.UTF8.GetBytes(text), sample.FileName, ListTestFiles.Now);

        var after = format.Read(Encoding.UTF8.GetBytes(sample.AddBadRecord(text)), sample.FileName, ListTestFiles.Now);

        after.RejectedRecords.Should().HaveCount(before.RejectedRecords.Count + 1);
        after.RejectedRecords.Where(r => !sample.NamesFile(r)).Should().BeEmpty("a rejected record names where it stands");
        after.Entities.Select(e => e.Id).Should().Equal(before.Entities.Select(e => e.Id));
    }

    private static (SourceFormat Format, Sample Sample) Get(string name) =>
        (SourceFormats.Get(name), Samples.TryGetValue(name, out var sample) ? sample : throw new InvalidOperationException($"no conformance sample for {name}"));

    private static bool IsXml(Sample sample) => sample.FileName.EndsWith(".xml", StringComparison.Ordinal);

    private static byte[] Resource(string name)
    {
        using var stream = typeof(SourceFormats).Assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string CslRow(string id, string name) =>
        $"\"{id}\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"\",\"\",\"{name}\",\"\",\"\",\"85 FR 1\",\"2020-01-01\"" + string.Concat(Enumerable.Repeat(",\"\"", 19)) + "\n";

    private static string InsertAfter(string text, string marker, string insert)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the sample holds \"{marker}\"");
        return text[..(at + marker.Length)] + insert + text[(at + marker.Length)..];
    }

    private static string InsertBefore(string text, string marker, string insert)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the sample holds \"{marker}\"");
        return text[..at] + insert + text[at..];
    }

    /// <param name="PositionIsPath">Whether rejected records are positioned by a JSON path within the document (the dataset format)
    /// rather than by file and line.</param>
    private sealed record Sample(string FileName, Func<byte[]> Bytes, Func<string, string> AddBadRecord, bool PositionIsPath = false)
    {
        public bool NamesFile(RejectedRecord record) => record.Reason.Length > 0
            && (PositionIsPath ? record.Position.StartsWith("$.", StringComparison.Ordinal) : record.Position.Contains(FileName, StringComparison.Ordinal));

        public bool EndsVisibly => FileName.EndsWith(".xml", StringComparison.Ordinal)
            || (FileName.EndsWith(".json", StringComparison.Ordinal) && !FileName.EndsWith(".ftm.json", StringComparison.Ordinal))
            || FileName == "sdn.csv";
    }

    /// <summary>A stream that does not know its length, as a network body.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vendorscreen-conformance-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
