using System.Text;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Lists;

namespace VendorScreen.Tests.Fuzz;

/// <summary>A seed input of one format: the files (a folder when <see cref="Folder"/> is set) whose mutations are fed to the reader.</summary>
internal sealed record FuzzSeed(string Format, string Origin, IReadOnlyList<CorpusFile> Files, bool Folder = false)
{
    public override string ToString() => $"{Format} ({Origin})";
}

/// <summary>The fuzz seeds: real list files from <c>../shared/data</c>, cut at a record boundary to keep a run fast, and for the
/// formats with no real file there, the project's own fixtures under TestData.</summary>
internal static class FuzzCorpus
{
    /// <summary>Names of the seeds built from real files (see <see cref="Shared"/>).</summary>
    public static TheoryData<string> SharedNames { get; } = new("ofac-csv", "ofac-cons-csv", "csl-csv", "csl-csv-legacy", "bis-dpl", "un-xml", "eu-csv", "uk-conlist", "ftm-json", "ftm-json-cluster");

    /// <summary>Names of the seeds built from project fixtures (see <see cref="Fixture"/>).</summary>
    public static TheoryData<string> FixtureNames { get; } = new("ofac-csv-joined", "ofac-xml", "ofac-advanced-xml", "csl-json", "eu-xml", "uk-fcdo-csv", "custom-csv", "vendorscreen-json");

    public static FuzzSeed Shared(string name) => name switch
    {
        "ofac-csv" => new("ofac-csv", "ofac/tiny_fixture", new[] { "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv" }
            .Select(f => new CorpusFile(f, File.ReadAllBytes(SharedData.DataPath("ofac/tiny_fixture/" + f)))).ToArray(), Folder: true),
        "ofac-cons-csv" => new("ofac-csv", "ofac/2025-12_consolidated_non_sdn/cons_prim.csv, first 40 records",
            [new("cons_prim.csv", WithOfacEndByte(CutCsv(SharedFile("ofac/2025-12_consolidated_non_sdn/cons_prim.csv"), 40)))]),
        "csl-csv" => new("csl-csv", "csl/2025-06_consolidated_sample.csv", [new("consolidated.csv", SharedFile("csl/2025-06_consolidated_sample.csv"))]),
        "csl-csv-legacy" => new("csl-csv", "csl/2019-12_csl_sample_legacy_layout.csv, first 40 records",
            [new("csl.csv", CutCsv(SharedFile("csl/2019-12_csl_sample_legacy_layout.csv"), 41))]),
        "bis-dpl" => new("bis-dpl", "csl/2022-09_bis_dpl.txt, first 60 records", [new("dpl.txt", CutCsv(SharedFile("csl/2022-09_bis_dpl.txt"), 61))]),
        "un-xml" => new("un-xml", "un/2026-02-27_UN_consolidated.xml, first 12 individuals and 8 entities",
            [new("consolidated.xml", CutUnXml(SharedFile("un/2026-02-27_UN_consolidated.xml"), 12, 8))]),
        "eu-csv" => new("eu-csv", "eu/2018-07-04_eu_fsf_csv_v1_extract.csv, first 60 records",
            [new("eu.csv", CutCsv(SharedFile("eu/2018-07-04_eu_fsf_csv_v1_extract.csv"), 61))]),
        "uk-conlist" => new("uk-conlist", "uk/2018-04-13_ofsi_ConList.csv, first 60 records",
            [new("ConList.csv", CutCsv(SharedFile("uk/2018-04-13_ofsi_ConList.csv"), 62))]),
        "ftm-json" => new("ftm-json", "opensanctions/t1.entities.ftm.json", [new("entities.ftm.json", SharedFile("opensanctions/t1.entities.ftm.json"))]),
        "ftm-json-cluster" => new("ftm-json", "opensanctions/zala_cluster.entities.ftm.json, first 30 lines",
            [new("entities.ftm.json", CutLines(SharedFile("opensanctions/zala_cluster.entities.ftm.json"), 30))]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown seed"),
    };

    public static FuzzSeed Fixture(string name) => name switch
    {
        "ofac-csv-joined" => FromFixture("ofac-csv", "Ofac/joined_sdn_plus_cons.csv", "sdn.csv"),
        "ofac-xml" => FromFixture("ofac-xml", "Ofac/xml/sdn.xml", "sdn.xml"),
        "ofac-advanced-xml" => FromFixture("ofac-advanced-xml", "Ofac/xml/sdn_advanced.xml", "sdn_advanced.xml"),
        "csl-json" => FromFixture("csl-json", "Csl/csl-sample.json", "consolidated.json"),
        "eu-xml" => FromFixture("eu-xml", "Eu/eu-fsf-sample.xml", "eu.xml"),
        "uk-fcdo-csv" => FromFixture("uk-fcdo-csv", "Uk/uk-sanctions-list-sample.csv", "UK-Sanctions-List.csv"),
        "custom-csv" => FromFixture("custom-csv", "CustomCsv/erp-blocklist.csv", "blocklist.csv"),
        "vendorscreen-json" => new("vendorscreen-json", "embedded default dataset, first 40 entities", [new("dataset.json", DefaultDatasetCut(40))]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown seed"),
    };

    private static FuzzSeed FromFixture(string format, string relative, string fileName) =>
        new(format, "TestData/" + relative, [new(fileName, File.ReadAllBytes(ListTestFiles.Path(relative)))]);

    private static byte[] SharedFile(string relative) => File.ReadAllBytes(SharedData.DataPath(relative));

    /// <summary>A cut OFAC CSV file ends, as the published file does, with the end-of-file byte 0x1A (a file without it is
    /// refused as cut short).</summary>
    private static byte[] WithOfacEndByte(byte[] bytes) => [.. bytes, 0x1A];

    /// <summary>The first <paramref name="records"/> records of a CSV or tab-separated file: cut after a line end outside quotes.</summary>
    public static byte[] CutCsv(byte[] bytes, int records)
    {
        var inQuotes = false;
        var seen = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (bytes[i] == (byte)'\n' && !inQuotes && ++seen == records)
            {
                return bytes[..(i + 1)];
            }
        }

        return bytes;
    }

    private static byte[] CutLines(byte[] bytes, int lines)
    {
        var seen = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' && ++seen == lines)
            {
                return bytes[..(i + 1)];
            }
        }

        return bytes;
    }

    /// <summary>The UN list with only its first individuals and entities, still well-formed.</summary>
    private static byte[] CutUnXml(byte[] bytes, int individuals, int entities)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var head = text[..(text.IndexOf("<INDIVIDUALS>", StringComparison.Ordinal) + "<INDIVIDUALS>".Length)];
        return Encoding.UTF8.GetBytes(head + Elements(text, "INDIVIDUAL", individuals) + "\n  </INDIVIDUALS>\n  <ENTITIES>"
            + Elements(text, "ENTITY", entities) + "\n  </ENTITIES>\n</CONSOLIDATED_LIST>\n");
    }

    private static string Elements(string text, string name, int count)
    {
        var sb = new StringBuilder();
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var start = text.IndexOf($"<{name}>", at, StringComparison.Ordinal);
            var end = text.IndexOf($"</{name}>", start, StringComparison.Ordinal) + name.Length + 3;
            sb.Append("\n    ").Append(text.AsSpan(start, end - start));
            at = end;
        }

        return sb.ToString();
    }

    /// <summary>The embedded default dataset with only its first entities (and the relations among them), re-serialised.</summary>
    private static byte[] DefaultDatasetCut(int entities)
    {
        using var stream = typeof(ScreeningEngine).Assembly.GetManifestResourceStream("VendorScreen.Data.default-dataset.json")
            ?? throw new InvalidOperationException("The embedded default dataset is missing.");
        var root = System.Text.Json.Nodes.JsonNode.Parse(stream)!.AsObject();
        var list = root["entities"]!.AsArray();
        while (list.Count > entities)
        {
            list.RemoveAt(list.Count - 1);
        }

        var ids = list.Select(e => (string?)e!["id"]).ToHashSet(StringComparer.Ordinal);
        if (root["relations"] is System.Text.Json.Nodes.JsonArray relations)
        {
            for (var i = relations.Count - 1; i >= 0; i--)
            {
                var r = relations[i]!;
                if (!ids.Contains((string?)r["from"]) || !ids.Contains((string?)r["to"]))
                {
                    relations.RemoveAt(i);
                }
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
