using VendorScreen.Graph;
using VendorScreen.Indexing;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Sources;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Benchmarks;

/// <summary>
/// What the stage benchmarks share, made once per process on first use: the real lists (<see cref="RealCorpus"/>, read from the
/// folder in the <c>VENDORSCREEN_BENCH_DATA</c> environment variable, which <c>bdn --data</c> sets), an engine over them and the
/// embedded dataset, its index, and a seeded query mix (<see cref="QueryMix"/>) split by script.
/// </summary>
internal sealed class StageData
{
    /// <summary>The environment variable that names the shared data folder.</summary>
    public const string DataVariable = "VENDORSCREEN_BENCH_DATA";

    /// <summary>How many queries of each script a benchmark runs per invocation.</summary>
    public const int QueriesPerScript = 100;

    private static readonly Lazy<StageData> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private StageData(RealCorpus corpus, ScreeningEngine engine, IReadOnlyList<Query> queries)
    {
        Corpus = corpus;
        Engine = engine;
        State = engine.Datasets.Current!.State;
        Queries = queries;
    }

    /// <summary>Gets the data of this process.</summary>
    public static StageData Instance => Shared.Value;

    public RealCorpus Corpus { get; }

    /// <summary>Gets the engine over the real lists and the embedded dataset, loaded.</summary>
    public ScreeningEngine Engine { get; }

    /// <summary>Gets the engine's dataset generation: dataset, candidate index, relation graph, ownership.</summary>
    public EngineState State { get; }

    public IReadOnlyList<Query> Queries { get; }

    /// <summary>Gets the first <see cref="QueriesPerScript"/> queries of a script (<c>latin</c>, <c>han</c>, <c>hangul</c>,
    /// <c>cyrillic</c>) from the mix, in order.</summary>
    /// <param name="script">The script.</param>
    /// <returns>The names.</returns>
    public string[] Names(string script)
    {
        var names = Queries.Where(q => q.Script == script).Select(q => q.Name).Take(QueriesPerScript).ToArray();
        return names.Length == QueriesPerScript
            ? names
            : throw new InvalidOperationException($"The query mix has {names.Length} {script} queries; the benchmarks need {QueriesPerScript}.");
    }

    /// <summary>Gets the normalised forms of each name: what the index and the scorer are given.</summary>
    /// <param name="names">The names.</param>
    /// <returns>The forms, per name.</returns>
    public static NormalizedName[][] Normalize(IEnumerable<string> names) => [.. names.Select(n => NameNormalizer.Normalize(n).ToArray())];

    private static StageData Load()
    {
        var root = Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } set ? set : Path.Combine("..", "shared", "data");
        var corpus = RealCorpus.LoadAsync(root).GetAwaiter().GetResult();
        var engine = corpus.AddSourcesTo(new ScreeningEngineBuilder()).Build();
        var status = engine.RefreshAsync().AsTask().GetAwaiter().GetResult();
        if (status.FirstOrDefault(s => !s.IsUsable) is { } unusable)
        {
            throw new InvalidOperationException($"source {unusable.SourceName} did not load: {unusable.Error}");
        }

        var queries = QueryMix.Build(corpus, 2_000, 20211);
        Console.WriteLine($"// stage data: {engine.Dataset!.Entities.Count} entities, {engine.Datasets.Current!.State.Index.Names.Length} names, {engine.Dataset.Relations.Count} relations, {queries.Count} queries (seed 20211) from {Path.GetFullPath(root)}");
        return new StageData(corpus, engine, queries);
    }

    /// <summary>Gets a dataset of the embedded data and a small corporate tree: a listed parent holding subsidiaries over three
    /// levels (five per level) with controlling, minority and unstated shares, and a second listed owner of minority stakes, so
    /// that aggregate ownership and the 50% rule have work to do.</summary>
    /// <returns>The dataset.</returns>
    public static ScreeningDataset CorporateTree()
    {
        const string list = "bench-sanctions";
        var entities = new List<Entity>
        {
            new("tree:parent", EntityKind.Organization, "Parent Holdings") { Listings = [new Listing(list)] },
            new("tree:investor", EntityKind.Organization, "Minority Investor") { Listings = [new Listing(list)] },
        };
        var relations = new List<Relation>();
        var level = new List<string> { "tree:parent" };
        decimal[] shares = [60m, 30m, 25m, 100m, 10m];
        for (var depth = 1; depth <= 3; depth++)
        {
            var next = new List<string>();
            foreach (var owner in level)
            {
                for (var i = 0; i < 5; i++)
                {
                    var id = $"{owner}/{i}";
                    entities.Add(new Entity(id, EntityKind.Organization, $"Subsidiary {id[5..]}"));
                    relations.Add(new Relation(id, owner, RelationKind.OwnedBy) { SharePercent = i == 4 && depth == 2 ? null : shares[i] });
                    if (i is 1 or 2)
                    {
                        relations.Add(new Relation(id, "tree:investor", RelationKind.OwnedBy) { SharePercent = 25m });
                    }

                    next.Add(id);
                }
            }

            level = next;
        }

        var tree = new ListSnapshot("corporate-tree", "1")
        {
            Entities = entities,
            Relations = relations,
            Lists = [new ListDefinition(list, "Benchmark sanctions", ListCategory.Sanctions)],
        };
        return ScreeningDataset.Create([DefaultDatasetSource.Load(), tree]);
    }

    /// <summary>Gets the ownership index of a dataset, as a dataset generation builds it.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The index.</returns>
    public static OwnershipIndex Ownership(ScreeningDataset dataset) =>
        new(dataset.Relations, dataset.FindEntity, dataset.GetList, OwnershipLimits.Default);
}
