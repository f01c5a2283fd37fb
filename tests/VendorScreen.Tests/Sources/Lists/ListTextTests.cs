using FluentAssertions;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Tests.Sources.Lists;

public sealed class ListTextTests
{
    [Theory]
    [InlineData("13/04/2018", "2018-04-13")]
    [InlineData("00/00/1980", "1980")]
    [InlineData("00/05/1980", "1980-05")]
    [InlineData("31/02/2020", null)]
    [InlineData("dd/mm/1958", null)]
    public void DayFirstDate_ListDates_KeepTheirPrecision(string text, string? expected) =>
        ListText.DayFirstDate(text)?.ToString().Should().Be(expected);

    [Theory]
    [InlineData("08/24/2022", "2022-08-24")]
    [InlineData("6/27/03", "2003-06-27")]
    public void MonthFirstDate_DplDates_Parse(string text, string expected) => ListText.MonthFirstDate(text).ToString().Should().Be(expected);

    [Fact]
    public void Clean_C1ControlCharacter_BecomesWindows1252Punctuation() =>
        ListText.Clean("  Gui\u0092an   New\tDistrict ").Should().Be("Gui\u2019an New District");

    [Theory]
    [InlineData("Иван Петров", "Cyrl")]
    [InlineData("محمد حسن", "Arab")]
    [InlineData("华为技术有限公司", "Hani")]
    [InlineData("Huawei", null)]
    public void NonLatinScript_Name_GivesIso15924(string text, string? expected) => ListText.NonLatinScript(text).Should().Be(expected);
}
