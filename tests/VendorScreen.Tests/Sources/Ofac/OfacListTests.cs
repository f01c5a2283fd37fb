using FluentAssertions;
using VendorScreen.Sources.Ofac;

namespace VendorScreen.Tests.Sources.Ofac;

public sealed class OfacListTests
{
    [Theory]
    [InlineData("SDGT", new[] { "SDGT" })]
    [InlineData("SDGT] [NS-PLC", new[] { "SDGT", "NS-PLC" })]
    [InlineData("IRGC] [IFSR] [IRAN-HR", new[] { "IRGC", "IFSR", "IRAN-HR" })]
    [InlineData("[IFSR] [SDNTK] [FTO] [SDGT", new[] { "IFSR", "SDNTK", "FTO", "SDGT" })]
    [InlineData("SDNTK] [FTO] [SDGT; IFSR]", new[] { "SDNTK", "FTO", "SDGT", "IFSR" })]
    [InlineData("SDGT] [SDGT", new[] { "SDGT" })]
    [InlineData("-0- ", new string[0])]
    [InlineData(null, new string[0])]
    public void SplitPrograms_OfacProgramField_ReturnsProgramsWithoutBrackets(string? field, string[] expected)
    {
        OfacList.SplitPrograms(field).Should().Equal(expected);
    }

    [Theory]
    [InlineData("-0-", null)]
    [InlineData("-0- ", null)]
    [InlineData(" -0-", null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    [InlineData(" Panama ", "Panama")]
    [InlineData("GOOD ENTITY\r\nWITH  A BREAK", "GOOD ENTITY WITH A BREAK")]
    [InlineData("-0-X", "-0-X")]
    public void Value_NullMarkerWithOrWithoutSpace_IsNull(string? field, string? expected)
    {
        OfacList.Value(field).Should().Be(expected);
    }

    [Fact]
    public void RawValue_KeepsTextExactlyButDropsTheNullMarker()
    {
        OfacList.RawValue(" part of a remark ").Should().Be(" part of a remark ");
        OfacList.RawValue("-0- ").Should().BeNull();
    }

    [Theory]
    [InlineData("28 Jul 1963", "1963-07-28", false)]
    [InlineData("Jul 1963", "1963-07", false)]
    [InlineData("1963", "1963", false)]
    [InlineData("circa 1963", "1963", true)]
    [InlineData("1960 to 1962", null, false)]
    [InlineData("31 Feb 1963", null, false)]
    public void NormalizeDate_OfacDates_BecomeFactDates(string text, string? expected, bool approximate)
    {
        OfacList.NormalizeDate(text, out var circa).Should().Be(expected);
        circa.Should().Be(approximate);
    }

    [Theory]
    [InlineData("individual", EntityKind.Person)]
    [InlineData("-0- ", EntityKind.Organization)]
    [InlineData("Entity", EntityKind.Organization)]
    [InlineData("vessel", EntityKind.Vessel)]
    [InlineData("Aircraft", EntityKind.Aircraft)]
    [InlineData("submarine", EntityKind.Unknown)]
    public void KindOf_SdnType_MapsToEntityKind(string type, EntityKind expected)
    {
        OfacList.KindOf(type).Should().Be(expected);
    }

    [Theory]
    [InlineData("Korea, North", "KP")]
    [InlineData("Bahamas, The", "BS")]
    [InlineData("Congo, Democratic Republic of the", "CD")]
    [InlineData("Man, Isle of", "IM")]
    [InlineData("Netherlands Antilles", "AN")]
    [InlineData("St. Kitts & Nevis", "KN")]
    [InlineData("Region: Gaza", "PS")]
    [InlineData("region: West Bank", "PS")]
    [InlineData(" Macau. ", "MO")]
    public void CountryCode_OfacSpelling_GivesTheSharedTablesCode(string text, string expected)
    {
        OfacList.CountryCode(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("Region: Crimea")]
    [InlineData("Region: Kafia Kingi")]
    [InlineData("Region: ")]
    [InlineData("undetermined")]
    [InlineData("possibly Palestinian")]
    [InlineData(null)]
    public void CountryCode_RegionOrNoCountry_GivesNull(string? text)
    {
        OfacList.CountryCode(text).Should().BeNull();
    }

    [Fact]
    public void NameKey_PunctuationCaseAndDiacritics_AreIgnored()
    {
        OfacList.NameKey("D'S SUPERMARKET CO., LTD.").Should().Be(OfacList.NameKey("d s supermarket co ltd"));
        OfacList.NameKey("CAFÉ EXAMPLE").Should().Be(OfacList.NameKey("Cafe Example"));
        OfacList.NameKey("EXAMPLE ONE").Should().NotBe(OfacList.NameKey("EXAMPLE TWO"));
    }

    [Fact]
    public void Decode_InvalidUtf8_FallsBackToLatin1()
    {
        VendorScreen.Sources.Lists.ListInput.Decode([0xEF, 0xBB, 0xBF, (byte)'A']).Should().Be("A");
        VendorScreen.Sources.Lists.ListInput.Decode([(byte)'C', 0xE9]).Should().Be("Cé");
    }
}
