using FluentAssertions;
using VendorScreen.Cli.Output;

namespace VendorScreen.Tests.Cli;

/// <summary>
/// The command line writes scores from their number of ten-thousandths rather than through the general number format: the text
/// must be the one that format gives (<c>0.####</c> of the score rounded to four decimals) for every score.
/// </summary>
public sealed class ScoreFormatTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.85, "0.85")]
    [InlineData(0.8123, "0.8123")]
    [InlineData(0.81234, "0.8123")]
    [InlineData(0.81235, "0.8124")]
    [InlineData(0.99996, "1")]
    [InlineData(0.00004, "0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.105, "0.105")]
    [InlineData(12.3, "12.3")]
    public void FormatScore_KnownScores_WritesUpToFourDecimals(double score, string expected) =>
        ResultWriter.FormatScore(score).Should().Be(expected);

    [Fact]
    public void FormatScore_EveryTenThousandthAndRandomScores_AgreesWithTheGeneralFormat()
    {
        var scores = new List<double> { -0.0, -0.25, -1e-5, 1e9, 1e12, 999_999_999.99994, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 0.00005, 0.00015, 0.12345, 2.5e-5 };
        for (var k = 0; k <= 20_000; k++)
        {
            scores.Add(k / 10_000.0);
            scores.Add((k + 0.5) / 10_000.0);
            scores.Add(k * 0.0001);
        }

        var random = new Random(20261205);
        for (var k = 0; k < 100_000; k++)
        {
            scores.Add(random.NextDouble());
            scores.Add(random.NextDouble() * 1000);
        }

        var disagreements = scores.Where(s => ResultWriter.FormatScore(s) != ResultWriter.FormatScoreInGeneral(s))
            .Select(s => $"{s:R}: {ResultWriter.FormatScore(s)} / {ResultWriter.FormatScoreInGeneral(s)}").Take(10).ToList();
        disagreements.Should().BeEmpty();
    }
}
