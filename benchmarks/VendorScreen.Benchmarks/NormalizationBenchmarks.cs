using BenchmarkDotNet.Attributes;
using VendorScreen.Normalization;

namespace VendorScreen.Benchmarks;

/// <summary>Normalisation: a name of the query mix to its normalised forms (tokens, transliterations, sound keys), per script.
/// Times are per name (the mean over 100 names of the script).</summary>
[MemoryDiagnoser]
public class NormalizationBenchmarks
{
    private string[] _names = [];

    /// <summary>Gets or sets the script of the names.</summary>
    [Params("latin", "cyrillic", "han", "hangul")]
    public string Script { get; set; } = "latin";

    [GlobalSetup]
    public void Setup() => _names = StageData.Instance.Names(Script);

    [Benchmark(OperationsPerInvoke = StageData.QueriesPerScript)]
    public int Normalize()
    {
        var forms = 0;
        foreach (var name in _names)
        {
            forms += NameNormalizer.Normalize(name).Count;
        }

        return forms;
    }
}
