using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

public sealed class MatchingFailClosedTests
{
    // Built in code, not passed as theory data: test runners may replace lone surrogates when they serialise data.
    private static readonly string[] Texts = ["\uD800", "ZTE\uDC00 Corp", "\U0001F600ZTE", "ZTE \uD83D", "海康\uDBFF威视"];

    [Fact]
    public void OfacParityScorer_LoneSurrogates_DoNotThrow()
    {
        foreach (var text in Texts)
        {
            var act = () => (OfacParityScorer.Tokenize(text), OfacParityScorer.Score(text, "ZTE CORPORATION"), OfacParityScorer.Score("ZTE CORPORATION", text));

            act.Should().NotThrow();
        }

        OfacParityScorer.Tokenize("ZTE\uD800CORP").Should().Equal("ZTE", "CORP");
    }

    [Fact]
    public void NameScorer_LoneSurrogatesOnEitherSide_ScoreWithinZeroAndOne()
    {
        foreach (var a in Texts)
        {
            foreach (var b in Texts.Append("ZTE Corporation"))
            {
                foreach (var x in NameNormalizer.Normalize(a))
                {
                    foreach (var y in NameNormalizer.Normalize(b))
                    {
                        NameScorer.Compare(x, y).Score.Should().BeInRange(0, 1);
                        NameScorer.Compare(y, x).Score.Should().BeInRange(0, 1);
                    }
                }
            }
        }
    }
}
