using FluentAssertions;
using VendorScreen.Normalization;
using Xunit;

namespace VendorScreen.Tests.Normalization;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData("Brigade Forty-Four", "brigade 44")]
    [InlineData("Brigade Fourty four", "brigade 44")]
    [InlineData("Brigade Forty 4", "brigade 44")]
    [InlineData("Brigade 44", "brigade 44")]
    [InlineData("Three Percenters", "3 percenters")]
    [InlineData("1st International Bank", "1 international bank")]
    [InlineData("First International Bank", "1 international bank")]
    [InlineData("Twenty Ltd", "20 ltd")]
    [InlineData("Seventh Heaven", "7 heaven")]
    [InlineData("Fourthright", "fourthright")]
    public void Normalize_NumberWordsAndOrdinals_BecomeDigits(string name, string key) =>
        NameNormalizer.Key(name).Should().Be(key);

    [Fact]
    public void Rewrite_NullList_Throws() =>
        FluentActions.Invoking(() => NumberWords.Rewrite(null!)).Should().Throw<ArgumentNullException>();
}
