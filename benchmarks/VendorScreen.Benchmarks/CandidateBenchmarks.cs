using BenchmarkDotNet.Attributes;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Benchmarks;

/// <summary>Candidates: the candidate index look-up for every normalised form of a query, with the engine's default of 64
/// candidates, per script. Times are per query (the mean over 100 queries of the script).</summary>
[MemoryDiagnoser]
public class CandidateBenchmarks
{
    private NormalizedName[][] _queries = [];
    private CandidateIndex _index = null!;

    /// <summary>Gets or sets the script of the queries.</summary>
    [Params("latin", "cyrillic", "han", "hangul")]
    public string Script { get; set; } = "latin";

    [GlobalSetup]
    public void Setup()
    {
        _index = StageData.Instance.State.Index;
        _queries = StageData.Normalize(StageData.Instance.Names(Script));
    }

    [Benchmark(OperationsPerInvoke = StageData.QueriesPerScript)]
    public int FindCandidates()
    {
        var found = 0;
        foreach (var forms in _queries)
        {
            foreach (var form in forms)
            {
                found += _index.FindCandidates(form, 64).Count;
            }
        }

        return found;
    }
}

/// <summary>Building the candidate index over the real lists and the embedded dataset (what a new dataset generation pays,
/// besides the relation graph and the ownership index).</summary>
[MemoryDiagnoser]
public class CandidateIndexBuildBenchmarks
{
    private IReadOnlyList<Entity> _entities = [];

    [GlobalSetup]
    public void Setup() => _entities = StageData.Instance.State.Dataset.Entities;

    [Benchmark]
    public int BuildIndex() => new CandidateIndex(_entities, NameScoringRules.Default).Names.Length;
}
