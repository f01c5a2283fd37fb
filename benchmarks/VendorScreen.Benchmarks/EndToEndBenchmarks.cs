using BenchmarkDotNet.Attributes;

namespace VendorScreen.Benchmarks;

/// <summary>End to end through the public API on the real lists and the embedded dataset: <c>engine.ScreenAsync</c> on a party
/// (default options and policy) and <c>engine.SearchAsync</c> (top 10, minimum score 0.5), per script of the query. Times are per
/// query (the mean over 100 queries of the script).</summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private string[] _names = [];
    private ScreeningEngine _engine = null!;

    /// <summary>Gets or sets the script of the queries.</summary>
    [Params("latin", "cyrillic", "han", "hangul")]
    public string Script { get; set; } = "latin";

    [GlobalSetup]
    public void Setup()
    {
        _engine = StageData.Instance.Engine;
        _names = StageData.Instance.Names(Script);
    }

    [Benchmark(OperationsPerInvoke = StageData.QueriesPerScript)]
    public async Task<int> ScreenParty()
    {
        var hits = 0;
        foreach (var name in _names)
        {
            hits += (await _engine.ScreenAsync(ScreeningRequest.ForParty(name))).Hits.Count;
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = StageData.QueriesPerScript)]
    public async Task<int> Search()
    {
        var hits = 0;
        foreach (var name in _names)
        {
            hits += (await _engine.SearchAsync(name, top: 10, minScore: 0.5)).Hits.Count;
        }

        return hits;
    }
}
