using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

public sealed class NameNormalizerFailClosedTests
{
    private const string Emoji = "\U0001F600";

    [Fact]
    public void Normalize_NameLongerThanTheFormerCut_KeepsItsEnd()
    {
        var name = Filler(1500 - " EZVIZ C6N camera".Length) + " EZVIZ C6N camera";

        var tokens = NameNormalizer.Normalize(name)[0].Tokens.Select(t => t.Text).ToList();

        tokens.Should().EndWith(["ezviz", "c6n", "camera"]);
    }

    [Fact]
    public void Normalize_NameAtTheLimit_IsNormalisedWhole()
    {
        var name = Filler(NameNormalizer.MaxNameLength - " zte".Length) + " zte";

        name.Length.Should().Be(NameNormalizer.MaxNameLength);
        NameNormalizer.Normalize(name)[0].Tokens[^1].Text.Should().Be("zte");
    }

    // Lone surrogates are built in code, not passed as theory data: test runners may replace them when they serialise data.
    private static readonly string[] LoneSurrogateNames =
    [
        "\uD800", "\uDC00", "ZTE \uD83D", "\uDE00 ZTE", "Z\uDBFFT\uDFFFE", "\uDC00\uD800", "海康\uD800威视", "김\uDC00정은", "\u0410\uD800\u0411",
    ];

    [Fact]
    public void Normalize_LoneSurrogates_DoNotThrowAndKeepTheRestOfTheName()
    {
        for (var i = 0; i < LoneSurrogateNames.Length; i++)
        {
            var name = LoneSurrogateNames[i];
            var act = () => NameNormalizer.Normalize(name);

            act.Should().NotThrow($"name {i}");
            NameNormalizer.Key(name).Should().NotContain("\uFFFD");
        }
    }

    [Fact]
    public void FirstLoneSurrogate_FindsTheFirstSurrogateWithoutItsPair_AtTheEdgesOfTheRange()
    {
        NameNormalizer.FirstLoneSurrogate("ZTE \uD7FF\uE000\uFFFD").Should().Be(-1, "U+D7FF and U+E000 lie just outside the surrogates");
        NameNormalizer.FirstLoneSurrogate("ZTE " + Emoji).Should().Be(-1, "a high surrogate followed by a low one is a pair");
        NameNormalizer.FirstLoneSurrogate("ZTE \uD800").Should().Be(4);
        NameNormalizer.FirstLoneSurrogate("ZTE \uDFFF").Should().Be(4);
        NameNormalizer.FirstLoneSurrogate(Emoji + "\uDBFF x").Should().Be(2);
        NameNormalizer.FirstLoneSurrogate("\uDC00\uD800").Should().Be(0, "a low surrogate before a high one pairs with nothing");
        NameNormalizer.FirstLoneSurrogate(new string('a', 100) + Emoji + "\uDC00").Should().Be(102, "the search reaches past a vector's width");
    }

    [Fact]
    public void Normalize_LoneSurrogate_SeparatesWords()
    {
        NameNormalizer.Key("ZTE\uD800Corporation").Should().Be("zte corp");
    }

    [Fact]
    public void Normalize_EmojiAtEveryPositionAroundTheLimitAndTheFormerCut_DoesNotThrow()
    {
        foreach (var around in new[] { 1024, NameNormalizer.MaxNameLength })
        {
            for (var at = around - 3; at <= around + 2; at++)
            {
                var name = Filler(at) + Emoji + " zte";
                var lone = Filler(at) + Emoji[..1] + " zte";

                var act = () => (NameNormalizer.Normalize(name), NameNormalizer.Normalize(lone), NameNormalizer.FoldIdentifier(lone), NameNormalizer.DominantScript(lone));

                act.Should().NotThrow($"an emoji at {at}");
                NameNormalizer.Normalize(name)[0].Tokens[^1].Text.Should().Be("zte");
            }
        }
    }

    [Fact]
    public void Normalize_LettersOutsideTheBasicPlane_AreKeptAsLetters()
    {
        // A Han ideograph of extension B is one code point in two UTF-16 units.
        NameNormalizer.Key("ab\U00020000cd").Should().Contain("\U00020000");
    }

    [Fact]
    public void FoldIdentifier_LoneSurrogate_DoesNotThrow()
    {
        NameNormalizer.FoldIdentifier("2AD\uD800TD-5604").Should().Be("2ADTD5604");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("ZTE", false)]
    public void ExceedsMaxLength_ShortNames_AreWithinTheLimit(string? name, bool expected)
    {
        NameNormalizer.ExceedsMaxLength(name).Should().Be(expected);
    }

    [Fact]
    public void ExceedsMaxLength_OneCharacterOverTheLimit_IsOver()
    {
        NameNormalizer.ExceedsMaxLength(new string('a', NameNormalizer.MaxNameLength)).Should().BeFalse();
        NameNormalizer.ExceedsMaxLength(new string('a', NameNormalizer.MaxNameLength + 1)).Should().BeTrue();
    }

    [Fact]
    public void MaxNameLength_IsTheRequestTextLimit()
    {
        NameNormalizer.MaxNameLength.Should().Be(ScreeningRequest.MaxTextLength).And.Be(4096);
    }

    private static string Filler(int length)
    {
        const string Words = "wireless outdoor security kit with night vision ";
        var text = string.Concat(Enumerable.Repeat(Words, (length / Words.Length) + 1));
        return text[..length];
    }
}
