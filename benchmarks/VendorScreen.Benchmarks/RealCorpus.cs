using System.Text.Json;
using VendorScreen.Sources;

namespace VendorScreen.Benchmarks;

/// <summary>
/// The real lists under <c>shared/data</c> that the throughput harness screens against (the embedded dataset is added by the
/// engine itself), and the unlisted names it screens as negatives. Every list is read through the library's own readers.
/// </summary>
internal sealed class RealCorpus
{
    /// <summary>The lists: format and path under the data folder. A missing or unreadable list stops the run with its path.</summary>
    public static readonly IReadOnlyList<(string Label, string Format, string Path)> Lists =
    [
        ("OFAC SDN 2021-07", "ofac-csv", "ofac/2021-07_sdn_list"),
        ("UN SC 2026-02-27", "un-xml", "un/2026-02-27_UN_consolidated.xml"),
        ("UK OFSI 2018-04-13", "uk-conlist", "uk/2018-04-13_ofsi_ConList.csv"),
        ("EU FSF 2018-07-04 (extract)", "eu-csv", "eu/2018-07-04_eu_fsf_csv_v1_extract.csv"),
        ("CSL 2025-06 (sample)", "csl-csv", "csl/2025-06_consolidated_sample.csv"),
        ("CSL 2019-12 (sample, legacy layout)", "csl-csv", "csl/2019-12_csl_sample_legacy_layout.csv"),
        ("BIS DPL 2022-09", "bis-dpl", "csl/2022-09_bis_dpl.txt"),
    ];

    private RealCorpus(string dataRoot, IReadOnlyList<ListSnapshot> snapshots, TimeSpan loadTime)
    {
        DataRoot = dataRoot;
        Snapshots = snapshots;
        LoadTime = loadTime;
    }

    public string DataRoot { get; }

    public IReadOnlyList<ListSnapshot> Snapshots { get; }

    /// <summary>Gets the time spent reading and mapping the list files (not part of the index build).</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Gets the number of entities in the lists (without the embedded dataset).</summary>
    public int EntityCount => Snapshots.Sum(s => s.Entities.Count);

    /// <summary>Gets the same corpus with other snapshots (a grown copy of the lists), keeping the data folder.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <returns>The corpus.</returns>
    public RealCorpus WithSnapshots(IReadOnlyList<ListSnapshot> snapshots) => new(DataRoot, snapshots, LoadTime);

    /// <summary>Adds every list as an in-memory source; two lists read by one reader get distinct source names.</summary>
    /// <param name="builder">The engine builder.</param>
    /// <returns>The builder.</returns>
    public ScreeningEngineBuilder AddSourcesTo(ScreeningEngineBuilder builder)
    {
        foreach (var (snapshot, i) in Snapshots.Select((s, i) => (s, i)))
        {
            var named = Snapshots.Take(i).Any(s => s.SourceName == snapshot.SourceName) ? snapshot with { SourceName = snapshot.SourceName + "-" + i } : snapshot;
            builder.AddSource(new InMemorySanctionListSource(named));
        }

        return builder;
    }

    /// <summary>Reads every list, or writes why one cannot be read to standard error.</summary>
    /// <param name="dataRoot">The shared data folder.</param>
    /// <param name="command">The harness command, named in the message.</param>
    /// <returns>The corpus, or <see langword="null"/> when a list cannot be read.</returns>
    public static async Task<RealCorpus?> LoadOrReportAsync(string dataRoot, string command)
    {
        try
        {
            return await LoadAsync(dataRoot);
        }
        catch (Exception ex) when (ex is IOException or SanctionListSourceException)
        {
            await Console.Error.WriteLineAsync(command + ": " + ex.Message);
            return null;
        }
    }

    public static async Task<RealCorpus> LoadAsync(string dataRoot)
    {
        if (!Directory.Exists(dataRoot))
        {
            throw new DirectoryNotFoundException($"--data: the folder \"{Path.GetFullPath(dataRoot)}\" does not exist; pass the shared data folder (../shared/data).");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var snapshots = new List<ListSnapshot>();
        foreach (var (label, format, relative) in Lists)
        {
            var path = Path.Combine(dataRoot, relative);
            if (!Path.Exists(path))
            {
                throw new FileNotFoundException($"{label}: \"{path}\" does not exist.", path);
            }

            var snapshot = await SourceFormats.Open(format + ":" + path).LoadAsync();
            snapshots.Add(snapshot);
        }

        watch.Stop();
        return new RealCorpus(dataRoot, snapshots, watch.Elapsed);
    }

    /// <summary>Gets the names of companies listed on US exchanges (SEC EDGAR company tickers): mostly not on any list.</summary>
    public IReadOnlyList<string> SecCompanies()
    {
        var path = Path.Combine(DataRoot, "eval", "sec-edgar-company-tickers", "company_tickers_exchange.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.GetProperty("data").EnumerateArray().Select(row => row[1].GetString()).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets single names written in a script (the Wikidata transliteration pairs; the characters are joined again).</summary>
    /// <param name="file">The file name, such as <c>wd_chinese_20.tsv</c>.</param>
    public IReadOnlyList<string> NativeNames(string file)
    {
        var path = Path.Combine(DataRoot, "eval", "wikidata-name-transliteration", file);
        return [.. File.ReadLines(path)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 2)
            .Select(parts => parts[1].Replace(" ", string.Empty, StringComparison.Ordinal))
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }
}
