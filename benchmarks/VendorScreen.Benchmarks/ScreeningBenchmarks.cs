using BenchmarkDotNet.Attributes;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Benchmarks;

/// <summary>Normalisation of names in several scripts.</summary>
[MemoryDiagnoser]
public class NormalizationBenchmarks
{
    [Params("Hangzhou Hikvision Digital Technology Co., Ltd.", "浙江大华技术股份有限公司", "Лаборатория Касперского")]
    public string Name { get; set; } = string.Empty;

    [Benchmark]
    public int Normalize() => NameNormalizer.Normalize(Name).Count;
}

/// <summary>Stage 2 scoring: the token-alignment scorer against FuzzySharp's WeightedRatio as the baseline.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private NormalizedName _query = null!;
    private NormalizedName _candidate = null!;

    [GlobalSetup]
    public void Setup()
    {
        _query = NameNormalizer.Normalize("Hangzhou Hikvison Digital Tech Co")[0];
        _candidate = NameNormalizer.Normalize("Hangzhou Hikvision Digital Technology Co., Ltd.")[0];
    }

    [Benchmark(Baseline = true)]
    public int FuzzySharpWeightedRatio() => FuzzySharp.Fuzz.WeightedRatio("Hangzhou Hikvison Digital Tech Co", "Hangzhou Hikvision Digital Technology Co., Ltd.");

    [Benchmark]
    public double TokenAlignV1() => NameScorer.Compare(_query, _candidate).Score;
}

/// <summary>Stage 1: building the candidate index and looking up candidates, over 10k and 100k synthetic entities.</summary>
[MemoryDiagnoser]
public class CandidateIndexBenchmarks
{
    private ListSnapshot _snapshot = null!;
    private CandidateIndex _index = null!;
    private NormalizedName _query = null!;

    [Params(10_000, 100_000)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = Workload.Synthetic(Entities);
        _index = new CandidateIndex(_snapshot.Entities, NameScoringRules.Default);
        _query = NameNormalizer.Normalize(Workload.Queries(_snapshot, 2)[1])[0];
    }

    [Benchmark]
    public int Build() => new CandidateIndex(_snapshot.Entities, NameScoringRules.Default).Names.Count;

    [Benchmark]
    public int Lookup() => _index.FindCandidates(_query, 64).Count;
}

/// <summary>End to end: one party screening on the embedded dataset.</summary>
[MemoryDiagnoser]
public class ScreenEndToEndBenchmarks
{
    private ScreeningEngine _engine = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _engine = ScreeningEngineBuilder.CreateDefault();
        await _engine.RefreshAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark]
    public async Task<ScreeningDecision> ScreenParty() => (await _engine.ScreenAsync(ScreeningRequest.ForParty("Hangzhou Hikvision Digital Technology Co., Ltd."))).Decision;

    [Benchmark]
    public async Task<ScreeningDecision> ScreenProduct() => (await _engine.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "EZVIZ", Title = "EZVIZ C6N camera", FccId = "2ADTD-5604SD" })).Decision;
}
