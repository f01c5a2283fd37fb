using FluentAssertions;
using VendorScreen.Quality;

namespace VendorScreen.Tests.Quality;

public class MetricsTests
{
    private static readonly ScoredCase[] Cases =
    [
        new(0.95, true),
        new(0.85, true),
        new(0.60, true),
        new(0.90, false),
        new(0.40, false),
        new(0.10, false),
    ];

    [Fact]
    public void At_MixedCases_CountsEachCell()
    {
        var counts = Metrics.At(Cases, 0.80);

        counts.Should().Be(new ConfusionCounts(TruePositives: 2, FalsePositives: 1, TrueNegatives: 2, FalseNegatives: 1));
        counts.Precision.Should().BeApproximately(2 / 3.0, 1e-9);
        counts.Recall.Should().BeApproximately(2 / 3.0, 1e-9);
        counts.F1.Should().BeApproximately(2 / 3.0, 1e-9);
        counts.FalsePositiveRate.Should().BeApproximately(1 / 3.0, 1e-9);
    }

    [Fact]
    public void At_ScoreEqualToThreshold_CountsAsMatch()
    {
        var counts = Metrics.At([new ScoredCase(0.80, true), new ScoredCase(0.80, false)], 0.80);

        counts.TruePositives.Should().Be(1);
        counts.FalsePositives.Should().Be(1);
    }

    [Fact]
    public void Rates_NoPredictionsOrLabels_AreZeroNotNaN()
    {
        var counts = ConfusionCounts.Empty;

        counts.Precision.Should().Be(0);
        counts.Recall.Should().Be(0);
        counts.F1.Should().Be(0);
        counts.FalsePositiveRate.Should().Be(0);
    }

    [Fact]
    public void BestF1_SeparableScores_FindsThresholdThatSeparatesThem()
    {
        ScoredCase[] cases = [new(0.92, true), new(0.75, true), new(0.70, false), new(0.20, false)];

        var (threshold, counts) = Metrics.BestF1(cases);

        counts.F1.Should().Be(1);
        threshold.Should().BeApproximately(0.75, 1e-9, "ties keep the highest threshold that reaches the best F1");
    }

    [Fact]
    public void RecallAt_RanksAndMisses_CountsRanksWithinCutOff()
    {
        int?[] ranks = [1, 3, null, 11];

        Metrics.RecallAt(ranks, 1).Should().Be(0.25);
        Metrics.RecallAt(ranks, 10).Should().Be(0.5);
        Metrics.RecallAt([], 10).Should().Be(0);
    }

    [Fact]
    public void PerThousand_AlertsAndScreened_ScalesToThousand()
    {
        Metrics.PerThousand(3, 1500).Should().Be(2);
        Metrics.PerThousand(5, 0).Should().Be(0);
    }

    [Fact]
    public void McNemar_DiscordantPairs_CountsAndCorrectsForContinuity()
    {
        var outcomes = new List<(bool, bool)>();
        outcomes.AddRange(Enumerable.Repeat((true, false), 10));
        outcomes.AddRange(Enumerable.Repeat((false, true), 2));
        outcomes.AddRange(Enumerable.Repeat((true, true), 5));

        var (onlyFirst, onlySecond, chi) = Metrics.McNemar(outcomes);

        onlyFirst.Should().Be(10);
        onlySecond.Should().Be(2);
        chi.Should().BeApproximately(49 / 12.0, 1e-9);
    }
}
