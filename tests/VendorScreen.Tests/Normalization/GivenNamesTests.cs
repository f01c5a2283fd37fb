using FluentAssertions;
using VendorScreen.Normalization;
using Xunit;

namespace VendorScreen.Tests.Normalization;

public sealed class GivenNamesTests
{
    [Theory]
    [InlineData("ted", "theodore")]
    [InlineData("theodore", "ted")]
    [InlineData("ted", "edward")]
    [InlineData("ben", "benjamin")]
    [InlineData("bibi", "benjamin")]
    [InlineData("bill", "william")]
    [InlineData("sasha", "aleksandr")]
    [InlineData("hans", "johannes")]
    [InlineData("pepe", "jose")]
    public void AreEquivalent_FullFormAndShortForm_AreOneName(string a, string b) =>
        GivenNames.AreEquivalent(a, b).Should().BeTrue();

    [Theory]
    [InlineData("john", "juan")]
    [InlineData("frederick", "friedrich")]
    [InlineData("bob", "rob")]
    [InlineData("edward", "theodore")]
    [InlineData("john", "john")]
    [InlineData("john", "smith")]
    [InlineData("smith", "jones")]
    [InlineData("", "john")]
    public void AreEquivalent_TwoFullFormsTwoShortFormsOrUnlisted_AreNot(string a, string b) =>
        GivenNames.AreEquivalent(a, b).Should().BeFalse();

    [Fact]
    public void Contains_ListedAndUnlistedWords_TellsThemApart()
    {
        GivenNames.Contains("theodore").Should().BeTrue();
        GivenNames.Contains("netanyahu").Should().BeFalse();
    }

    [Fact]
    public void Table_EveryLine_ParsesAndEveryNameIsInCompareForm()
    {
        var groups = GivenNames.Parse(GivenNames.Table);

        groups.Should().NotBeEmpty();
        groups.Keys.Should().OnlyContain(k => k.Length > 0 && k.All(char.IsAsciiLetterLower));
        groups.Keys.Should().OnlyContain(k => NameNormalizer.Key(k) == k, "a name of the table is compared in compare form");
    }

    [Theory]
    [InlineData("john juan", "exactly one '|'")]
    [InlineData("john | jack | johnny", "exactly one '|'")]
    [InlineData("| jack johnny", "no full form")]
    [InlineData("john |", "one name only")]
    [InlineData("John juan | jack", "\"John\" is not a name in compare form")]
    [InlineData("jose josé | pepe", "\"josé\" is not a name in compare form")]
    [InlineData("john juan | john", "\"john\" appears twice")]
    public void Parse_MalformedLine_FailsNamingTheLineAndTheFault(string line, string fault)
    {
        var act = () => GivenNames.Parse(["ted theodore | teddy", line]);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain("line 2").And.Contain(fault);
    }

    [Fact]
    public void Parse_NullLine_FailsNamingTheLine()
    {
        var act = () => GivenNames.Parse([null!]);

        act.Should().Throw<FormatException>().WithMessage("*line 1*");
    }
}
