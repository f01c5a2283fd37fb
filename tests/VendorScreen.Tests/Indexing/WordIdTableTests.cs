using FluentAssertions;
using VendorScreen.Indexing;

namespace VendorScreen.Tests.Indexing;

/// <summary>The table of word positions finds each listed word's position and no other word, whatever the collisions.</summary>
public sealed class WordIdTableTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50_000)]
    public void TryGetId_EveryListedWord_GivesItsPosition(int count)
    {
        var words = Enumerable.Range(0, count).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = new WordIdTable(words);

        for (var i = 0; i < words.Length; i++)
        {
            // A copy of the word, so that the table compares text rather than references.
            table.TryGetId(new string(words[i].AsSpan()), out var id).Should().BeTrue();
            id.Should().Be(i);
        }

        table.Bytes.Should().BeGreaterThanOrEqualTo(8L * Math.Max(4, count), "the table is at most half full");
    }

    [Theory]
    [InlineData("")]
    [InlineData("w")]
    [InlineData("w50000")]
    [InlineData("W1")]
    [InlineData("w1 ")]
    public void TryGetId_AWordNotListed_IsNotFound(string word)
    {
        var words = Enumerable.Range(0, 50_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = new WordIdTable(words);

        table.TryGetId(word, out var id).Should().BeFalse();
        id.Should().Be(-1);
    }

    [Fact]
    public void TryGetId_APartOfALongerWord_FindsTheWordListed()
    {
        var table = new WordIdTable(["ezviz", "home", "ezvizhome"]);

        table.TryGetId("ezvizhome".AsSpan(0, 5), out var first).Should().BeTrue();
        table.TryGetId("ezvizhome".AsSpan(5), out var second).Should().BeTrue();
        table.TryGetId("ezvizhome".AsSpan(0, 4), out var none).Should().BeFalse();
        (first, second, none).Should().Be((0, 1, -1));
    }

    [Fact]
    public void Constructor_AWordListedTwice_Throws()
    {
        var act = () => new WordIdTable(["alpha", "beta", "alpha"]);

        act.Should().Throw<ArgumentException>().WithMessage("*\"alpha\" is listed twice*");
    }

    [Fact]
    public void Constructor_ANullWord_ThrowsNamingIt()
    {
        var act = () => new WordIdTable(["alpha", null!]);

        act.Should().Throw<ArgumentNullException>().WithMessage("Word 1 is null*");
    }
}
