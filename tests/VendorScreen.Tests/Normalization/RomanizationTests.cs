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
}
