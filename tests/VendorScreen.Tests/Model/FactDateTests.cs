using FluentAssertions;

namespace VendorScreen.Tests.Model;

public sealed class FactDateTests
{
    [Theory]
    [InlineData("2015", "2015-01-01", "2015-12-31")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2020-11-17", "2020-11-17", "2020-11-17")]
    public void Parse_KnownPrecision_GivesStartAndEnd(string text, string start, string end)
    {
        var date = FactDate.Parse(text);

        date.Start.Should().Be(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        date.End.Should().Be(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        date.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("2021-13")]
    [InlineData("2021-02-30")]
    [InlineData("June 2021")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        FactDate.TryParse(text, out _).Should().BeFalse();
        FluentActions.Invoking(() => FactDate.Parse(text)).Should().Throw<FormatException>().WithMessage($"*{text}*");
    }

    [Fact]
    public void Relation_IsValidAt_UsesMonthPrecisionInclusively()
    {
        var relation = new Relation("a", "b", RelationKind.OwnedBy) { ValidFrom = FactDate.Parse("2018"), ValidTo = FactDate.Parse("2023-02") };

        relation.IsValidAt(new DateOnly(2018, 1, 1)).Should().BeTrue();
        relation.IsValidAt(new DateOnly(2023, 2, 28)).Should().BeTrue();
        relation.IsValidAt(new DateOnly(2023, 3, 1)).Should().BeFalse();
        relation.IsValidAt(new DateOnly(2017, 12, 31)).Should().BeFalse();
        relation.EndedBefore(new DateOnly(2023, 3, 1)).Should().BeTrue();
    }

    [Fact]
    public void Listing_AppliesAt_RespectsListedAndRemovedDates()
    {
        var listing = new Listing("x") { ListedOn = FactDate.Parse("2021-06-03"), RemovedOn = FactDate.Parse("2024-01-31") };

        listing.AppliesAt(new DateOnly(2021, 6, 2)).Should().BeFalse();
        listing.AppliesAt(new DateOnly(2021, 6, 3)).Should().BeTrue();
        listing.AppliesAt(new DateOnly(2024, 1, 31)).Should().BeFalse();
    }
}
