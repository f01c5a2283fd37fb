using BenchmarkDotNet.Attributes;
using VendorScreen.Graph;
using VendorScreen.Screening;

namespace VendorScreen.Benchmarks;

/// <summary>
/// The graph stage on the embedded dataset and a small corporate tree (<see cref="StageData.CorporateTree"/>): the walk from
/// each of the 100 deepest subsidiaries to the listed parties it is tied to (as the engine walks from every hit, with the
/// default path depth and window), the look-up
/// of their aggregate ownership (precomputed per dataset generation), and that precomputation itself (a new ownership index
/// and its table for today). Times of the first two are per entity.
/// </summary>
[MemoryDiagnoser]
public class GraphBenchmarks
{
    private const int Entities = 100;

    private ScreeningDataset _dataset = null!;
    private RelationGraph _graph = null!;
    private OwnershipIndex _ownership = null!;
    private Entity[] _leaves = [];
    private DateOnly _today;
    private TimeSpan _endedWithin;
    private int _maxDepth;

    [GlobalSetup]
    public void Setup()
    {
        _dataset = StageData.CorporateTree();
        _graph = new RelationGraph(_dataset.Relations, _dataset.FindEntity);
        _ownership = StageData.Ownership(_dataset);
        _today = DateOnly.FromDateTime(DateTime.UtcNow);
        var options = new ScreeningOptions();
        _endedWithin = options.RecentlyEndedRelationWindow;
        _maxDepth = options.MaxPathDepth;
        _leaves = [.. _dataset.Entities.Where(e => e.Id.Count(c => c == '/') == 3).Take(Entities)];
        if (_leaves.Length != Entities)
        {
            throw new InvalidOperationException($"The corporate tree has {_leaves.Length} subsidiaries at the third level; the benchmark needs {Entities}.");
        }

        _ownership.At(_today);
    }

    [Benchmark(OperationsPerInvoke = Entities)]
    public int FindPaths()
    {
        var paths = 0;
        foreach (var leaf in _leaves)
        {
            paths += _graph.FindPaths(leaf, _today, _endedWithin, _maxDepth, e => e.Listings.Any(l => l.AppliesAt(_today))).Count;
        }

        return paths;
    }

    [Benchmark(OperationsPerInvoke = Entities)]
    public int FindOwnership()
    {
        var terms = 0;
        foreach (var leaf in _leaves)
        {
            terms += _ownership.Find(leaf.Id, _today)?.Terms.Count ?? 0;
        }

        return terms;
    }

    [Benchmark]
    public int BuildOwnershipTable() => StageData.Ownership(_dataset).At(_today).Exposures.Count;
}
