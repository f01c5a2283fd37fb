using FluentAssertions;
using VendorScreen.Normalization;
using Xunit;

namespace VendorScreen.Tests.Normalization;

public sealed class RomanizationTests
{
    [Theory]
    [InlineData("zhang", true)]
    [InlineData("xi", true)]
    [InlineData("cheng", true)]
    [InlineData("a", true)]
    [InlineData("er", true)]
    [InlineData("cook", false)]
    [InlineData("putin", false)]
    [InlineData("gates", false)]
    [InlineData("zhangwei", false)]
    [InlineData("", false)]
    public void IsPinyinSyllable_ByShape_RecognisesSyllables(string token, bool expected) =>
        Romanization.IsPinyinSyllable(token).Should().Be(expected);

    // A token is told apart by its last letter before it is looked up: a syllable ending in each letter a final can end with is
    // still one, in both look-ups, and words ending in other letters are not.
    [Theory]
    [InlineData("ma", true)]
    [InlineData("bo", true)]
    [InlineData("de", true)]
    [InlineData("li", true)]
    [InlineData("wu", true)]
    [InlineData("lv", true)]
    [InlineData("nve", true)]
    [InlineData("huan", true)]
    [InlineData("huang", true)]
    [InlineData("er", true)]
    [InlineData("ahmed", false)]
    [InlineData("bank", false)]
    [InlineData("mak", false)]
    [InlineData("liz", false)]
    public void IsPinyinSyllable_ByLastLetter_RecognisesSyllablesOfEveryEndingInBothLookUps(string token, bool expected)
    {
        Romanization.IsPinyinSyllable(token).Should().Be(expected);
        Romanization.IsPinyinSyllable(token.AsSpan()).Should().Be(expected);
    }

    [Theory]
    [InlineData("gim", "kim")]
    [InlineData("jeong", "jong")]
    [InlineData("eun", "un")]
    [InlineData("byeong", "pyong")]
    [InlineData("cheol", "chol")]
    [InlineData("lyong", "ryong")]
    [InlineData("bag", "pak")]
    [InlineData("song", "song")]
    [InlineData("co", "co")]
    public void ToNorthKoreanSpelling_RevisedRomanizationSyllable_IsRespelt(string syllable, string expected) =>
        Romanization.ToNorthKoreanSpelling(syllable).Should().Be(expected);

    [Theory]
    [InlineData("김정은", "Kim Jong Un")]
    [InlineData("리병철", "Ri Pyong Chol")]
    [InlineData("최룡해", "Choe Ryong Hae")]
    public void Normalize_HangulName_AlsoGetsTheNorthKoreanSpelling(string hangul, string listed) =>
        NameNormalizer.Normalize(hangul).Select(v => v.Key).Should().Contain(NameNormalizer.Key(listed));
}
