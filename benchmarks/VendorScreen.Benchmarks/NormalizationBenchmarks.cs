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

    private NormalizedName[][] _forms = [];

    [GlobalSetup]
    public void Setup()
    {
        _names = StageData.Instance.Names(Script);
        _forms = StageData.Normalize(_names);
    }

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

    /// <summary>The index's reading of a name's forms with a word that runs two of its words together read apart
    /// (<c>EZVIZHOME</c>): what screening adds to normalisation, on the names already normalised.</summary>
    /// <returns>The count of forms.</returns>
    [Benchmark(OperationsPerInvoke = StageData.QueriesPerScript)]
    public int ListedWordsApart()
    {
        var index = StageData.Instance.State.Index;
        var forms = 0;
        foreach (var name in _forms)
        {
            forms += index.WithListedWordsApart(name).Count;
        }

        return forms;
    }
}
