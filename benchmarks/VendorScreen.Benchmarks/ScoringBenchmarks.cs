using BenchmarkDotNet.Attributes;
using FuzzySharp;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Benchmarks;

/// <summary>The candidate pairs a stage benchmark scores: each query form with the names the index returns for it, as the engine
/// pairs them.</summary>
internal static class CandidatePairs
{
    /// <summary>How many pairs a scoring benchmark scores per invocation.</summary>
    public const int Count = 1000;

    public static (NameMatchInput Query, NameMatchInput Candidate)[] For(string script)
    {
        var data = StageData.Instance;
        var index = data.State.Index;
        var pairs = new List<(NameMatchInput, NameMatchInput)>();
        foreach (var name in data.Queries.Where(q => q.Script == script).Select(q => q.Name))
        {
            foreach (var form in NameNormalizer.Normalize(name))
            {
                foreach (var id in index.FindCandidates(form, 64))
                {
                    var candidate = index.Names[id];
                    pairs.Add((new NameMatchInput(name, form), new NameMatchInput(candidate.Name.Value, candidate.Normalized)));
                }
            }

            if (pairs.Count >= Count)
            {
                return [.. pairs.Take(Count)];
            }
        }

        throw new InvalidOperationException($"The {script} queries give {pairs.Count} candidate pairs; the benchmarks need {Count}.");
    }
}

/// <summary>Scoring: the default name-matching algorithm on 1,000 candidate pairs of Latin-script queries (the score only, as
/// for candidates that are not returned, and with the explanation written, as for a returned hit), against FuzzySharp's
/// WeightedRatio and TokenSetRatio on the same pairs' written names. Times are per pair.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private (NameMatchInput Query, NameMatchInput Candidate)[] _pairs = [];
    private NameMatchAlgorithm _algorithm = null!;
    private CandidateIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pairs = CandidatePairs.For("latin");
        _algorithm = NameMatchAlgorithms.Default;
        _index = StageData.Instance.State.Index;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CandidatePairs.Count)]
    public double DefaultAlgorithm()
    {
        var sum = 0.0;
        foreach (var (query, candidate) in _pairs)
        {
            sum += _algorithm.Score(query, candidate, _index).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CandidatePairs.Count)]
    public int DefaultAlgorithmExplained()
    {
        var features = 0;
        foreach (var (query, candidate) in _pairs)
        {
            features += _algorithm.Compare(query, candidate, _index).Features.Count;
        }

        return features;
    }

    [Benchmark(OperationsPerInvoke = CandidatePairs.Count)]
    public int FuzzySharpWeightedRatio()
    {
        var sum = 0;
        foreach (var (query, candidate) in _pairs)
        {
            sum += Fuzz.WeightedRatio(query.Text, candidate.Text);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CandidatePairs.Count)]
    public int FuzzySharpTokenSetRatio()
    {
        var sum = 0;
        foreach (var (query, candidate) in _pairs)
        {
            sum += Fuzz.TokenSetRatio(query.Text, candidate.Text);
        }

        return sum;
    }
}

/// <summary>Scoring across scripts: the default algorithm on 1,000 candidate pairs of Cyrillic, Han and Hangul queries (their
/// transliterated and sound forms against the Latin names the index returns). FuzzySharp compares characters, so it has no
/// place here. Times are per pair.</summary>
[MemoryDiagnoser]
public class CrossScriptScoringBenchmarks
{
    private (NameMatchInput Query, NameMatchInput Candidate)[] _pairs = [];
    private NameMatchAlgorithm _algorithm = null!;
    private CandidateIndex _index = null!;

    /// <summary>Gets or sets the script of the queries.</summary>
    [Params("cyrillic", "han", "hangul")]
    public string Script { get; set; } = "han";

    [GlobalSetup]
    public void Setup()
    {
        _pairs = CandidatePairs.For(Script);
        _algorithm = NameMatchAlgorithms.Default;
        _index = StageData.Instance.State.Index;
    }

    [Benchmark(OperationsPerInvoke = CandidatePairs.Count)]
    public double DefaultAlgorithm()
    {
        var sum = 0.0;
        foreach (var (query, candidate) in _pairs)
        {
            sum += _algorithm.Compare(query, candidate, _index).Score;
        }

        return sum;
    }
}
