using FluentAssertions;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A supplier's name as a vendor master writes it, with the abbreviations of the words of organisations' names ("MERIDIAN TRDG CO",
/// "ZORBEX INTL GRP"), finds the listed name written out, and a listed name written with an abbreviation is still found when a
/// query misspells it.
/// </summary>
public sealed class AbbreviationScreeningTests
{
    [Theory]
    [InlineData("Meridian Trdg Co", "t:1")]
    [InlineData("MERIDIAN TRDG. CO.", "t:1")]
    [InlineData("Zorbex Intl Grp", "t:2")]
    [InlineData("Zorbex Int'l Group", "t:2")]
    [InlineData("Caspian Natl Shpg Co", "t:3")]
    [InlineData("Al Rahmah Welfare Org", "t:4")]
    [InlineData("Anand Dev Co", "t:7")]
    [InlineData("Kestrel Dev Bank", "t:8")]
    public async Task ScreenAsync_NameWrittenWithAbbreviations_FindsTheNameWrittenOut(string name, string id) =>
        await ShouldFindAsync(name, id);

    [Theory]
    [InlineData("SAF TEECH S.L.", "t:5")]
    [InlineData("SAF TECHNOLOGY S.L.", "t:5")]
    [InlineData("AL TAIBAH, ITL.", "t:6")]
    [InlineData("AL TAIBAH INTERNATIONAL", "t:6")]
    public async Task ScreenAsync_ListedNameWithAnAbbreviation_IsFoundWrittenOutOrWithTheAbbreviationMisspelt(string name, string id)
    {
        // The listed names write "TECH" and "INTL": read as "technology" and "international", and also kept as written, so
        // that "TEECH" and "ITL", one letter from the abbreviation and far from the word, still find them.
        await ShouldFindAsync(name, id);
    }

    [Fact]
    public async Task ScreenAsync_GivenNameThatIsNotAnAbbreviation_IsNotReadAsAWord()
    {
        // "Dev" is a given name: "Dev Anand" does not become "development anand", which would meet "Anand Development Co".
        var result = await ScreenAsync("Dev Anand");

        result.Hits.Should().NotContain(h => h.EntityId == "t:7");
    }

    // Asserts that a name is not Clear and finds the listed entity.
    private static async Task ShouldFindAsync(string name, string id)
    {
        var result = await ScreenAsync(name);

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        result.Hits.Should().Contain(h => h.EntityId == id);
    }

    private static Task<ScreeningResult> ScreenAsync(string name) =>
        ListedOrganisations.ScreenAsync(
            name,
            ("t:1", "MERIDIAN TRADING COMPANY"),
            ("t:2", "ZORBEX INTERNATIONAL GROUP"),
            ("t:3", "CASPIAN NATIONAL SHIPPING COMPANY"),
            ("t:4", "AL RAHMAH WELFARE ORGANIZATION"),
            ("t:5", "SAF TECH S.L."),
            ("t:6", "AL TAIBAH, INTL."),
            ("t:7", "ANAND DEVELOPMENT CO"),
            ("t:8", "KESTREL DEVELOPMENT BANK"));
}
