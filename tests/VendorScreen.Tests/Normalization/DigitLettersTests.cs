using FluentAssertions;
using VendorScreen.Normalization;
using Xunit;

namespace VendorScreen.Tests.Normalization;

public sealed class DigitLettersTests
{
    [Theory]
    [InlineData("ig0r", "igor")]
    [InlineData("i9or", "igor")]
    [InlineData("sech1n", "sechin")]
    [InlineData("sech1n", "sechln")]
    [InlineData("p3t4r", "petar")]
    [InlineData("v1adimir", "vladimir")]
    [InlineData("ro5tov", "rostov")]
    [InlineData("pu7in", "putin")]
    public void Readings_WordWithDigitsBetweenLetters_ReadsThemAsLetters(string word, string reading) =>
        DigitLetters.Readings(word).Should().Contain(reading);

    [Fact]
    public void Readings_EachOne_DoublesTheReadings() =>
        DigitLetters.Readings("m1l1tary").Should().BeEquivalentTo("military", "milltary", "mllitary", "mllltary");

    [Theory]
    [InlineData("2004")]
    [InlineData("a320")]
    [InlineData("t90")]
    [InlineData("b52")]
    [InlineData("mk2")]
    [InlineData("3ers")]
    [InlineData("4x4")]
    [InlineData("ab8cd")]
    [InlineData("a1b2c3d")]
    [InlineData("s1e1r1g1e1y")]
    [InlineData("igor")]
    [InlineData("ig-0r")]
    [InlineData("IG0R")]
    [InlineData("")]
    public void Readings_NumberCodeOrPlainWord_HasNone(string word)
    {
        DigitLetters.IsCandidate(word).Should().BeFalse();
        DigitLetters.Readings(word).Should().BeEmpty();
    }

    [Fact]
    public void Readings_Null_IsRefused()
    {
        var act = () => DigitLetters.Readings(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("word");
    }
}
