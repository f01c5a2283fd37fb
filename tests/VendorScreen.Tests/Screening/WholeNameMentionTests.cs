using FluentAssertions;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// Vendor masters write a supplier's name with other words around it: "SHIRAZ ELECTRONICS INDUSTRIES ACCOUNTS PAYABLE",
/// "... - TEHRAN BRANCH", "S.E.I. (...)". A whole listed name of two words or more, word for word and in order, inside a
/// party's name is that party: it is reviewed against any list (the mention of a one-word name, or of words scattered through
/// the party's name, is still a coincidence against a sanctions list). A status marker ("(OLD)", "- DO NOT USE") is no word of
/// the name at all, and "DBA", "C/O", "AKA" join names each screened in full: the listed name among them is matched.
/// </summary>
public sealed class WholeNameMentionTests
{
    [Theory]
    [InlineData("SHIRAZ ELECTRONICS INDUSTRIES ACCOUNTS PAYABLE")]
    [InlineData("SHIRAZ ELECTRONICS INDUSTRIES/ACCT 4471")]
    [InlineData("ATTN ACCOUNTS PAYABLE SHIRAZ ELECTRONICS INDUSTRIES")]
    [InlineData("S.E.I. (SHIRAZ ELECTRONICS INDUSTRIES)")]
    [InlineData("Kestrel Marine Services Ltd - Tehran Branch")]
    public async Task ScreenAsync_WholeListedNameWithOtherWords_ReviewsItAsANameMention(string name)
    {
        var result = await ScreenAsync(name);

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().ContainSingle().Subject;
        hit.Rule.Should().Be("name-mention");
        hit.Reason.Should().Contain("in a longer name");
        hit.Features.Should().ContainSingle(f => f.Feature == "mention").Which.Detail.Should().Contain("whole name");
    }

    [Theory]
    [InlineData("SHIRAZ ELECTRONICS INDUSTRIES DBA SEI TRADING")]
    [InlineData("SEI TRADING DBA SHIRAZ ELECTRONICS INDUSTRIES")]
    [InlineData("SHIRAZ ELECTRONICS INDUSTRIES C/O JOHN SMITH")]
    [InlineData("JOHN SMITH C/O SHIRAZ ELECTRONICS INDUSTRIES")]
    [InlineData("SHIRAZ ELECTRONICS INDUSTRIES FORMERLY KNOWN AS XYZ")]
    [InlineData("XYZ AKA SHIRAZ ELECTRONICS INDUSTRIES")]
    [InlineData("SHIRAZ ELECTRONICS INDUSTRIES (OLD)")]
    [InlineData("SHIRAZ ELECTRONICS INDUSTRIES - DO NOT USE")]
    [InlineData("*** DO NOT USE *** SHIRAZ ELECTRONICS INDUSTRIES")]
    public async Task ScreenAsync_ListedNameJoinedWithAnotherOrWithAStatusMarker_IsTheListedName(string name)
    {
        // "DBA", "C/O", "AKA", "formerly known as" join the names of a party, or a party and its addressee, each screened in full;
        // a status marker is no word of the name. The listed name matches as it does alone, not as a mention.
        var result = await ScreenAsync(name);

        var hit = result.Hits.Should().ContainSingle().Subject;
        hit.Score.Should().Be(1.0);
        hit.Rule.Should().NotBe("name-mention");
    }

    [Theory]
    [InlineData("Zagros Marine Supply")]
    [InlineData("Shiraz Thumb Electronics Industries")]
    public async Task ScreenAsync_OneWordNameOrWordsNotInARun_StaysClear(string name)
    {
        // "ZAGROS" alone is a one-word name inside a longer one; the words of "SHIRAZ ELECTRONICS INDUSTRIES" scattered through a
        // name are not that name written with other words.
        var result = await ScreenAsync(name);

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Theory]
    [InlineData("shiraz electronics industries old", "SHIRAZ ELECTRONICS INDUSTRIES", true)]
    [InlineData("old shiraz electronics industries", "SHIRAZ ELECTRONICS INDUSTRIES CO", true)]
    [InlineData("kestrel marine services ltd tehran branch", "KESTREL MARINE SERVICES LIMITED", true)]
    [InlineData("shiraz thumb electronics industries", "SHIRAZ ELECTRONICS INDUSTRIES", false)]
    [InlineData("zagros holdings inc", "ZAGROS LTD", false)]
    [InlineData("electronics", "SHIRAZ ELECTRONICS", false)]
    public void HoldsWholeName_RunOfTheNamesWordsOtherThanLegalForms(string query, string name, bool expected)
    {
        Screener.HoldsWholeName(NameNormalizer.Normalize(query)[0], NameNormalizer.Normalize(name)[0]).Should().Be(expected);
    }

    [Fact]
    public void HoldsWholeName_QueryTransliteratedFromAnAbjad_HoldsNone()
    {
        // Arabic is read without its vowels: "nsr ldyn" (Ansar Eddine) is a run of "Nasr al-Din" by chance.
        var query = NameNormalizer.Normalize("صدر الدين نصر الدين بن لادن").Single(v => v.IsTransliteration);
        var name = NameNormalizer.Normalize("انصار الدين").Single(v => v.IsTransliteration);

        Screener.HoldsWholeName(query, name).Should().BeFalse();
    }

    private static Task<ScreeningResult> ScreenAsync(string name) =>
        ListedOrganisations.ScreenAsync(name, ("t:1", "SHIRAZ ELECTRONICS INDUSTRIES"), ("t:2", "KESTREL MARINE SERVICES LIMITED"), ("t:3", "ZAGROS"));
}
