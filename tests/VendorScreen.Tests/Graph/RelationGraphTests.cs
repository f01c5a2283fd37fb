using FluentAssertions;
using VendorScreen.Graph;

namespace VendorScreen.Tests.Graph;

public sealed class RelationGraphTests
{
    private static readonly Entity Brand = new("t:brand", EntityKind.Brand, "Brand");
    private static readonly Entity Sub = new("t:sub", EntityKind.Organization, "Sub");
    private static readonly Entity Parent = new("t:parent", EntityKind.Organization, "Parent") { Listings = [new Listing("x")] };
    private static readonly Entity NewOwner = new("t:new", EntityKind.Organization, "New owner");

    private static readonly Relation[] Relations =
    [
        new(Brand.Id, Sub.Id, RelationKind.BrandOf),
        new(Sub.Id, Parent.Id, RelationKind.OwnedBy) { ValidFrom = FactDate.Parse("2018"), ValidTo = FactDate.Parse("2023-02") },
        new(Sub.Id, NewOwner.Id, RelationKind.OwnedBy) { ValidFrom = FactDate.Parse("2023-02") },
        new(Parent.Id, Brand.Id, RelationKind.LinkedTo),
    ];

    [Fact]
    public void FindPaths_WhileOwned_ReachesListedParentThroughTwoSteps()
    {
        var paths = Paths(new DateOnly(2021, 6, 1), TimeSpan.Zero);

        paths.Should().ContainSingle();
        paths[0].Target.Should().Be(Parent);
        paths[0].Steps.Select(s => s.Kind).Should().Equal(RelationKind.BrandOf, RelationKind.OwnedBy);
    }

    [Fact]
    public void FindPaths_AfterSale_DoesNotReachFormerParent()
    {
        Paths(new DateOnly(2026, 11, 29), TimeSpan.FromDays(730)).Should().BeEmpty();
    }

    [Fact]
    public void FindPaths_ShortlyAfterSale_ReachesFormerParentWithinWindow()
    {
        var paths = Paths(new DateOnly(2024, 1, 1), TimeSpan.FromDays(730));

        paths.Should().ContainSingle().Which.Steps[^1].EndedBefore(new DateOnly(2024, 1, 1)).Should().BeTrue();
    }

    [Fact]
    public void FindPaths_BeforeAcquisition_DoesNotReachParent()
    {
        Paths(new DateOnly(2017, 1, 1), TimeSpan.FromDays(730)).Should().BeEmpty();
    }

    [Fact]
    public void FindPaths_Cycle_Terminates()
    {
        var graph = new RelationGraph(Relations, Find);

        graph.FindPaths(Parent, new DateOnly(2021, 6, 1), TimeSpan.Zero, 10, e => e == Brand).Should().ContainSingle();
    }

    [Fact]
    public void FindPaths_MaxDepth_LimitsPathLength()
    {
        var graph = new RelationGraph(Relations, Find);

        graph.FindPaths(Brand, new DateOnly(2021, 6, 1), TimeSpan.Zero, 1, e => e.Listings.Count > 0).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 6, 30)]
    [InlineData(2, 12, 31)]
    [InlineData(9999, 12, 31)]
    public void FindPaths_AsOfAtTheEndsOfTheCalendarWithAnyWindow_DoesNotThrow(int year, int month, int day)
    {
        var asOf = new DateOnly(year, month, day);
        foreach (var window in new[] { TimeSpan.Zero, TimeSpan.FromDays(730), TimeSpan.FromDays(36500), TimeSpan.MaxValue })
        {
            var act = () => Paths(asOf, window);

            act.Should().NotThrow($"as of {asOf:yyyy-MM-dd} with a window of {window}");
        }
    }

    [Fact]
    public void FindPaths_WindowReachingBeforeTheFirstDay_StillFindsARecentlyEndedRelation()
    {
        var ended = new Relation(Brand.Id, Parent.Id, RelationKind.OwnedBy) { ValidTo = FactDate.Parse("0001-03") };
        var graph = new RelationGraph([ended], Find);

        graph.FindPaths(Brand, new DateOnly(1, 6, 1), TimeSpan.FromDays(730), 4, e => e.Listings.Count > 0).Should().ContainSingle();
        graph.FindPaths(Brand, new DateOnly(1, 6, 1), TimeSpan.MaxValue, 4, e => e.Listings.Count > 0).Should().ContainSingle();
    }

    private static IReadOnlyList<GraphPath> Paths(DateOnly asOf, TimeSpan window) =>
        new RelationGraph(Relations, Find).FindPaths(Brand, asOf, window, 4, e => e.Listings.Count > 0);

    private static Entity? Find(string id) => new[] { Brand, Sub, Parent, NewOwner }.FirstOrDefault(e => e.Id == id);
}
