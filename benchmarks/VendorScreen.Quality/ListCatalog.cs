using System.Collections.Concurrent;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Sources;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Quality;

/// <summary>A list file to load through <see cref="SourceFormats"/>: a format name (empty to detect it) and one or more candidate
/// paths under shared/data (or absolute), tried in order.</summary>
internal sealed record ListSpec(string Label, string Format, params string[] Paths)
{
    /// <summary>Parses a command-line spec, <c>format:path</c> or a plain path.</summary>
    public static ListSpec Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && !Path.Exists(spec)
            ? new ListSpec(Path.GetFileName(spec[(colon + 1)..]), spec[..colon], Path.GetFullPath(spec[(colon + 1)..]))
            : new ListSpec(Path.GetFileName(spec), string.Empty, Path.GetFullPath(spec));
    }

    public string Describe(string? location) => (Format.Length == 0 ? "detected" : Format) + ":" + (location ?? string.Join(" | ", Paths));
}

/// <summary>The outcome of loading one list.</summary>
internal sealed record LoadedList(ListSpec Spec, ListSnapshot? Snapshot, string? Error, string? Location)
{
    public bool Ok => Snapshot is not null;
}

/// <summary>Loads the shared list files once through <see cref="SourceFormats"/> (the readers of the core), caching the snapshots.</summary>
internal sealed class ListCatalog
{
    /// <summary>The sanctions lists: OFAC SDN and Consolidated, UN, UK, EU.</summary>
    public static readonly IReadOnlyList<ListSpec> Sanctions =
    [
        new("OFAC SDN 2021-07", "ofac-csv", "ofac/2021-07_sdn_list", "ofac/2021-07_sdn_list/sdn.csv"),
        new("OFAC Consolidated 2025-12", "ofac-csv", "ofac/2025-12_consolidated_non_sdn", "ofac/2025-12_consolidated_non_sdn/cons_prim.csv"),
        new("UN SC 2026-02-27", "un-xml", "un/2026-02-27_UN_consolidated.xml"),
        new("UK OFSI 2018-04-13", "uk-conlist", "uk/2018-04-13_ofsi_ConList.csv"),
        new("EU FSF 2018-07-04 (extract)", "eu-csv", "eu/2018-07-04_eu_fsf_csv_v1_extract.csv"),
    ];

    /// <summary>The other restricted-party lists (BIS Denied Persons) screened in addition to the sanctions lists for "all lists".</summary>
    public static readonly IReadOnlyList<ListSpec> Others =
    [
        new("BIS DPL 2022-09", "bis-dpl", "csl/2022-09_bis_dpl.txt"),
    ];

    public static readonly ListSpec Un = Sanctions[2];

    private readonly string _dataRoot;
    private readonly ConcurrentDictionary<ListSpec, Task<LoadedList>> _cache = new();

    public ListCatalog(string dataRoot)
    {
        _dataRoot = dataRoot;
    }

    public Task<LoadedList> LoadAsync(ListSpec spec) => _cache.GetOrAdd(spec, LoadCoreAsync);

    public async Task<IReadOnlyList<LoadedList>> LoadAllAsync(IEnumerable<ListSpec> specs)
    {
        var result = new List<LoadedList>();
        foreach (var spec in specs)
        {
            result.Add(await LoadAsync(spec));
        }

        return result;
    }

    /// <summary>The embedded default dataset (covered telecom and surveillance families).</summary>
    public static LoadedList DefaultDataset() =>
        new(new ListSpec("VendorScreen default dataset", "embedded"), DefaultDatasetSource.Load(), null, "embedded");

    private async Task<LoadedList> LoadCoreAsync(ListSpec spec)
    {
        var errors = new List<string>();
        foreach (var relative in spec.Paths)
        {
            var path = Path.Combine(_dataRoot, relative);
            if (!Path.Exists(path))
            {
                errors.Add($"{relative}: no such file or folder");
                continue;
            }

            try
            {
                var source = SourceFormats.Open(spec.Format.Length == 0 ? path : spec.Format + ":" + path);
                var snapshot = await source.LoadAsync();
                return new LoadedList(spec, snapshot, null, relative);
            }
            catch (SanctionListSourceException ex)
            {
                errors.Add(ex.Message);
                if (ex.Message.Contains("unknown format", StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }
            }
#pragma warning disable CA1031 // A reader failing on one list must not end the whole run; the reason is reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add($"{ex.GetType().Name}: {ex.Message}");
            }
        }

        return new LoadedList(spec, null, string.Join("; ", errors.Distinct(StringComparer.Ordinal)), null);
    }
}

/// <summary>One entity found for a query name, with its best-scoring name.</summary>
internal sealed record ListHit(int EntityIndex, Entity Entity, string MatchedName, double Score);

/// <summary>
/// Screens names against a set of entities the way the engine's first two stages do: candidates from a
/// <see cref="CandidateIndex"/>, scored by <see cref="NameScorer"/> with the index's token statistics, best name per entity.
/// </summary>
internal sealed class ListScreener
{
    public ListScreener(IReadOnlyList<Entity> entities, int maxCandidates = 64)
    {
        Index = new CandidateIndex(entities, NameScoringRules.Default);
        MaxCandidates = maxCandidates;
    }

    public CandidateIndex Index { get; }

    public int MaxCandidates { get; }

    /// <summary>Gets the entities found for a name, best first.</summary>
    public IReadOnlyList<ListHit> Screen(string name)
    {
        var best = new Dictionary<int, ListHit>();
        foreach (var variant in NameNormalizer.Normalize(name))
        {
            foreach (var id in Index.FindCandidates(variant, MaxCandidates))
            {
                var candidate = Index.Names[id];
                var score = NameScorer.Compare(variant, candidate.Normalized, Index).Score;
                if (!best.TryGetValue(candidate.EntityIndex, out var prior) || score > prior.Score)
                {
                    best[candidate.EntityIndex] = new ListHit(candidate.EntityIndex, Index.Entities[candidate.EntityIndex], candidate.Name.Value, score);
                }
            }
        }

        return best.Values.OrderByDescending(h => h.Score).ThenBy(h => h.EntityIndex).ToList();
    }
}
