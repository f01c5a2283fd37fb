using System.Globalization;

namespace VendorScreen.Quality;

/// <summary>A confusion matrix of a binary decision, with the usual rates.</summary>
internal readonly record struct ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    public int Positives => TruePositives + FalseNegatives;

    public int Negatives => TrueNegatives + FalsePositives;

    /// <summary>Gets TP / (TP + FP); 0 when nothing was predicted positive.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Gets TP / (TP + FN); 0 when there are no positives.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>Gets the harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Gets FP / (FP + TN); 0 when there are no negatives.</summary>
    public double FalsePositiveRate => Ratio(FalsePositives, FalsePositives + TrueNegatives);

    /// <summary>Gets the share of correct decisions; 0 when empty.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    public static ConfusionCounts Empty => default;

    public ConfusionCounts Add(bool predicted, bool actual) => (predicted, actual) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (true, false) => this with { FalsePositives = FalsePositives + 1 },
        (false, false) => this with { TrueNegatives = TrueNegatives + 1 },
        _ => this with { FalseNegatives = FalseNegatives + 1 },
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (TP {TruePositives}, FP {FalsePositives}, TN {TrueNegatives}, FN {FalseNegatives})");

    private static double Ratio(int a, int b) => b == 0 ? 0 : a / (double)b;
}

/// <summary>One scored, labelled case.</summary>
internal readonly record struct ScoredCase(double Score, bool IsMatch);

/// <summary>Metric functions over scored, labelled cases.</summary>
internal static class Metrics
{
    /// <summary>Counts the decisions "score at or above the threshold is a match" against the labels.</summary>
    public static ConfusionCounts At(IEnumerable<ScoredCase> cases, double threshold)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var counts = ConfusionCounts.Empty;
        foreach (var c in cases)
        {
            counts = counts.Add(c.Score >= threshold, c.IsMatch);
        }

        return counts;
    }

    /// <summary>Finds the threshold on a 0.01 grid in [from, to] with the best F1; ties keep the highest threshold (fewer alerts).</summary>
    public static (double Threshold, ConfusionCounts Counts) BestF1(IReadOnlyList<ScoredCase> cases, double from = 0.30, double to = 1.00)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var bestThreshold = to;
        var best = At(cases, to);
        for (var step = (int)Math.Round(to * 100) - 1; step >= (int)Math.Round(from * 100); step--)
        {
            var t = step / 100.0;
            var counts = At(cases, t);
            if (counts.F1 > best.F1 + 1e-12)
            {
                best = counts;
                bestThreshold = t;
            }
        }

        return (bestThreshold, best);
    }

    /// <summary>Gets the share of queries whose expected answer is among the first k ranked answers.</summary>
    /// <param name="ranks">For each query, the 1-based rank of the first expected answer, or null when it was not found.</param>
    /// <param name="k">The cut-off.</param>
    public static double RecallAt(IReadOnlyCollection<int?> ranks, int k)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        return ranks.Count == 0 ? 0 : ranks.Count(r => r is { } rank && rank <= k) / (double)ranks.Count;
    }

    /// <summary>Gets events per 1,000 screened.</summary>
    public static double PerThousand(int events, int screened) => screened == 0 ? 0 : events * 1000.0 / screened;

    /// <summary>Counts the cases where each of two classifiers alone is right (the discordant pairs of McNemar's test) and the
    /// chi-squared statistic with continuity correction.</summary>
    public static (int OnlyFirstRight, int OnlySecondRight, double ChiSquared) McNemar(IReadOnlyList<(bool FirstRight, bool SecondRight)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var b = outcomes.Count(o => o.FirstRight && !o.SecondRight);
        var c = outcomes.Count(o => !o.FirstRight && o.SecondRight);
        var chi = b + c == 0 ? 0 : Math.Pow(Math.Abs(b - c) - 1, 2) / (b + c);
        return (b, c, chi);
    }
}
