using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

public sealed class BirthDatesTests
{
    [Theory]
    [InlineData("1965", "1965", false)]
    [InlineData("1965-03-02", "1965-03-02", false)]
    [InlineData("00/00/1965", "1965", false)]
    [InlineData("00/08/1979", "1979-08", false)]
    [InlineData("01/08/1979", "1979-08-01", false)]
    [InlineData("circa 1965", "1965", true)]
    [InlineData("12 Jan 1965", "1965-01-12", false)]
    [InlineData("Nov. 1973", "1973-11", false)]
    [InlineData("1960 to 1962", "1960 to 1962", false)]
    [InlineData("1974-1975", "1974 to 1975", false)]
    public void Normalize_PrintedDate_IsoForm(string text, string expected, bool approximate)
    {
        BirthDates.Normalize(text, out var circa).Should().Be(expected);
        circa.Should().Be(approximate);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("24/06/1402 (Hijri Calendar)")]
    [InlineData("30-35 years old")]
    [InlineData("Between Aug. and Sep. 1977")]
    [InlineData("1962 to 1960")]
    public void Normalize_NotADate_Null(string text)
    {
        BirthDates.Normalize(text, out _).Should().BeNull();
    }

    [Fact]
    public void TryParseRange_Range_SpansBothYears()
    {
        BirthDates.TryParseRange("1960 to 1962", null, out var start, out var end, out var approximate, out var range).Should().BeTrue();

        (start, end, approximate, range).Should().Be((new DateOnly(1960, 1, 1), new DateOnly(1962, 12, 31), false, true));
    }

    [Fact]
    public void TryParseRange_CircaNote_Approximate()
    {
        BirthDates.TryParseRange("1970", "circa", out var start, out _, out var approximate, out _).Should().BeTrue();

        (start, approximate).Should().Be((new DateOnly(1970, 1, 1), true));
    }
}
