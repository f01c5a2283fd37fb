using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("irq", "IQ")]
    [InlineData("IRQ", "IQ")]
    [InlineData("Syrian Arab Republic", "SY")]
    [InlineData("Democratic People's Republic of Korea", "KP")]
    [InlineData("Democratic People’s Republic of Korea", "KP")]
    [InlineData("DPRK", "KP")]
    [InlineData("Iran (Islamic Republic of)", "IR")]
    [InlineData("Pakistan (as at Apr 2009)", "PK")]
    [InlineData("Syrian Arab Republic as of September 2015", "SY")]
    [InlineData("  Democratic Republic of the Congo", "CD")]
    [InlineData("United Republic of Tanzania", "TZ")]
    [InlineData("Libyan Arab Jamahiriya", "LY")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("RUSSIAN FEDERATION", "RU")]
    public void ToIso2_ListSpelling_GivesCode(string text, string expected) => Countries.ToIso2(text).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("UNKNOWN")]
    [InlineData("Atlantis")]
    [InlineData("In Syria as at June 2013")]
    public void ToIso2_NotACountry_GivesNull(string? text) => Countries.ToIso2(text).Should().BeNull();
}
