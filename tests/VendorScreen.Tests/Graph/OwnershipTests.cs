using FluentAssertions;
using VendorScreen.Graph;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Graph;

/// <summary>Aggregate ownership on hand-made graphs: the OFAC 50% rule adds up blocked owners' shares along and across chains.</summary>
public sealed class OwnershipTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 29);

    private static readonly Entity Ivan = Person("t:ivan", "Ivan Blockedov");
    private static readonly Entity Petra = Person("t:petra", "Petra Sanctionova");

    [Fact]
    public async Task TwoBlockedOwnersOf25PercentEach_AddUpTo50_Blocks()
    {
        var result = await ScreenAsync("Twin Holdings Ltd",
            [Company("t:twin", "Twin Holdings Ltd")],
            [Owned("t:twin", Ivan.Id, 25), Owned("t:twin", Petra.Id, 25)]);

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.DecidingRule.Should().Be("ofac-50-percent");
        var sum = result.Hits[0].Ownership!;
        sum.SharePercent.Should().Be(50m);
        sum.ThresholdPercent.Should().Be(50m);
        sum.Terms.Select(t => (t.OwnerId, t.SharePercent)).Should().BeEquivalentTo([(Ivan.Id, (decimal?)25m), (Petra.Id, (decimal?)25m)]);
        result.Reason.Should().Contain("50%").And.Contain("Ivan Blockedov").And.Contain("Petra Sanctionova");
    }

    [Fact]
    public async Task ThirtyDirectPlusFortyThroughAWhollyOwnedCompany_Is70_Blocks()
    {
        var result = await ScreenAsync("Seventy Trading",
            [Company("t:seventy", "Seventy Trading"), Company("t:wholly", "Wholly Holding")],
            [Owned("t:seventy", Ivan.Id, 30), Owned("t:seventy", "t:wholly", 40), Owned("t:wholly", Ivan.Id, 100)]);

        result.Decision.Should().Be(ScreeningDecision.Block);
        var hit = result.Hits.First(h => h.Ownership is not null);
        hit.Ownership!.SharePercent.Should().Be(70m);
        hit.Ownership.Terms.Should().HaveCount(2);
        var through = hit.Ownership.Terms.Single(t => t.OwnerId == "t:wholly");
        through.SharePercent.Should().Be(40m);
        through.Blocked.Should().BeTrue();
        through.Basis.Should().Contain("owned 100% in aggregate by blocked persons");
        through.Path.Should().ContainSingle().Which.Should().Match<PathStep>(s => s.FromId == "t:seventy" && s.ToId == "t:wholly" && s.Relation.SharePercent == 40m);
    }

    [Fact]
    public async Task Aggregate49Point9_IsNotBlockedByThe50PercentRule()
    {
        var result = await ScreenAsync("Almost Half Industries",
            [Company("t:almost", "Almost Half Industries")],
            [Owned("t:almost", Ivan.Id, 24.9m), Owned("t:almost", Petra.Id, 25)]);

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.DecidingRule.Should().Be("minority-ownership");
        result.Hits.Should().OnlyContain(h => h.Decision == ScreeningDecision.Review);
        result.Hits[0].Ownership!.SharePercent.Should().Be(49.9m);
    }

    [Fact]
    public async Task MissingShare_IsUnknownNotZero_AndReviews()
    {
        var result = await ScreenAsync("Unknown Share Ltd",
            [Company("t:unknown", "Unknown Share Ltd")],
            [new Relation("t:unknown", Ivan.Id, RelationKind.OwnedBy), Owned("t:unknown", Petra.Id, 10)]);

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.DecidingRule.Should().Be("ownership-share-unknown");
        var sum = result.Hits[0].Ownership!;
        sum.HasUnknownShares.Should().BeTrue();
        sum.SharePercent.Should().Be(10m, "only the known share is added; the unknown one is reported, not counted as zero");
        sum.Terms.Should().Contain(t => t.OwnerId == Ivan.Id && t.SharePercent == null);
    }

    [Fact]
    public void Cycle_Terminates_AndMultipliesAlongTheChain()
    {
        var index = Index(
            [Company("t:a", "Loop A"), Company("t:b", "Loop B")],
            [Owned("t:a", "t:b", 30), Owned("t:b", "t:a", 40), Owned("t:b", Ivan.Id, 30)]);

        var exposure = index.Find("t:a", AsOf)!;

        exposure.Terms.Should().ContainSingle().Which.SharePercent.Should().Be(9m, "30% of B, which Ivan owns 30% of");
        index.Find("t:b", AsOf)!.Terms.Should().ContainSingle().Which.SharePercent.Should().Be(30m);
    }

    [Fact]
    public void BlockedIntermediate_CountsWhole_AsTheOfacRuleReadsIt()
    {
        // Ivan owns 60% of Mid, so Mid is blocked; Mid owns 60% of Bottom, so Bottom is blocked too (36% by multiplication alone).
        var index = Index(
            [Company("t:mid", "Mid Co"), Company("t:bottom", "Bottom Co")],
            [Owned("t:mid", Ivan.Id, 60), Owned("t:bottom", "t:mid", 60)]);

        var table = index.At(AsOf);

        table.BlockedByRule.Keys.Should().BeEquivalentTo(["t:mid", "t:bottom"]);
        var term = index.Find("t:bottom", AsOf)!.Terms.Should().ContainSingle().Which;
        term.OwnerId.Should().Be("t:mid");
        term.SharePercent.Should().Be(60m);
    }

    [Fact]
    public void ControllingRelation_PassesTheHoldingOnWhole_OthersInProportion()
    {
        var index = Index(
            [Company("t:t", "Target"), Company("t:sub", "Sub"), Company("t:minor", "Minor")],
            [Owned("t:t", "t:sub", 30), new Relation("t:sub", Ivan.Id, RelationKind.SubsidiaryOf), Owned("t:t", "t:minor", 50), Owned("t:minor", Petra.Id, 20)]);

        index.Find("t:t", AsOf)!.Terms.Select(t => (t.OwnerId, t.SharePercent)).Should().BeEquivalentTo([(Ivan.Id, (decimal?)30m), (Petra.Id, (decimal?)10m)]);
    }

    [Fact]
    public void AsOfDate_CountsOnlyRelationsValidThen_AndTablesAreSharedWithinASpan()
    {
        var index = Index(
            [Company("t:sold", "Sold Co")],
            [Owned("t:sold", Ivan.Id, 60) with { ValidFrom = FactDate.Parse("2018"), ValidTo = FactDate.Parse("2023-02") }]);

        index.Find("t:sold", new DateOnly(2017, 12, 31)).Should().BeNull();
        index.Find("t:sold", new DateOnly(2020, 1, 1))!.Terms.Should().ContainSingle().Which.SharePercent.Should().Be(60m);
        index.Find("t:sold", new DateOnly(2023, 3, 1)).Should().BeNull();
        index.At(new DateOnly(2019, 1, 1)).Should().BeSameAs(index.At(new DateOnly(2022, 6, 30)), "no relation or listing changes in between");
    }

    [Fact]
    public void DatasetGeneration_WorksOutTheOwnershipOfTheDayItIsMade_BeforeAnyScreening()
    {
        var snapshot = new ListSnapshot("own-test", "v1")
        {
            Entities = [Ivan, Company("t:sold", "Sold Co")],
            Relations = [Owned("t:sold", Ivan.Id, 60) with { ValidFrom = FactDate.Parse("2018"), ValidTo = FactDate.Parse("2023-02") }],
        };
        var made = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);

        var generation = new ScreeningDatasetGeneration(1, VendorScreen.Screening.ScreeningDataset.Create([snapshot]),
            [new SourceStatus("own-test") { Version = "v1", IsUsable = true, Entities = 2 }], made);

        var ownership = generation.State.Ownership;
        ownership.IsWorkedOut(new DateOnly(2020, 1, 1)).Should().BeTrue("the generation works out the span of its own day");
        ownership.IsWorkedOut(new DateOnly(2022, 6, 30)).Should().BeTrue("the same span: no relation or listing changes in between");
        ownership.IsWorkedOut(new DateOnly(2023, 3, 1)).Should().BeFalse("another span is worked out when first asked for");
        ownership.Find("t:sold", new DateOnly(2023, 3, 1)).Should().BeNull();
        ownership.IsWorkedOut(new DateOnly(2023, 3, 1)).Should().BeTrue();
    }

    [Fact]
    public void RestatedHolding_BetweenTheSamePair_CountsOnce_WithTheLargestShare()
    {
        var index = Index([Company("t:r", "Restated")], [Owned("t:r", Ivan.Id, 48), Owned("t:r", Ivan.Id, 51), Owned("t:r", Ivan.Id, 50)]);

        index.Find("t:r", AsOf)!.Terms.Should().ContainSingle().Which.SharePercent.Should().Be(51m);
    }

    [Fact]
    public void FanOutLimit_IsReported()
    {
        var owners = Enumerable.Range(0, 5).Select(i => Person($"t:o{i}", $"Owner {i}")).ToArray();
        var index = new OwnershipIndex(owners.Select(o => Owned("t:x", o.Id, 10)).ToArray(), Resolver([Company("t:x", "X"), .. owners]), KnownLists.Get,
            new OwnershipLimits(MaxDepth: 8, MaxOwners: 3, MaxTerms: 100));

        var exposure = index.Find("t:x", AsOf)!;

        exposure.Terms.Should().HaveCount(3);
        exposure.LimitReached.Should().Contain("5 owners").And.Contain("3 largest");
    }

    [Fact]
    public async Task AffiliateShare_FccMoreThan10Percent_Section889Majority()
    {
        var maker = new Entity("t:maker", EntityKind.Organization, "Covered Maker Corp")
        {
            Listings = [new Listing("us-fcc-covered-list"), new Listing("us-ndaa-889")],
        };
        var fcc = await ScreenAsync("Minority Camera Works", [maker, Company("t:minority", "Minority Camera Works")], [Owned("t:minority", maker.Id, 20)]);
        var tiny = await ScreenAsync("Tiny Stake Optics", [maker, Company("t:tiny", "Tiny Stake Optics")], [Owned("t:tiny", maker.Id, 5)]);

        fcc.Decision.Should().Be(ScreeningDecision.Block);
        fcc.DecidingRule.Should().Be("prohibited-affiliate");
        fcc.Hits[0].Listings.Select(l => l.ListId).Should().Equal("us-fcc-covered-list");
        fcc.Hits[0].Ownership!.SharePercent.Should().Be(20m);
        tiny.Decision.Should().Be(ScreeningDecision.Review);
        tiny.DecidingRule.Should().Be("minority-holding");
    }

    [Fact]
    public async Task OwnershipOptions_AreConfigurable()
    {
        var result = await ScreenAsync("Twin Holdings Ltd",
            [Company("t:twin", "Twin Holdings Ltd")],
            [Owned("t:twin", Ivan.Id, 25), Owned("t:twin", Petra.Id, 25)],
            o => o.Ownership.SanctionsPercent = 60);

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits[0].Ownership!.ThresholdPercent.Should().Be(60m);
    }

    /// <summary>The real OpenSanctions cluster around Zala Aero (LLC CST) and Alexander Zakharov: the shares the registry states,
    /// added up at several dates, checked against the file.</summary>
    [SharedDataFact]
    public async Task ZalaCluster_SharesAndPathsMatchTheData()
    {
        var snapshot = await SourceFormats.Get("ftm-json").Open(SharedData.DataPath("opensanctions/zala_cluster.entities.ftm.json")).LoadAsync();
        var dataset = VendorScreen.Screening.ScreeningDataset.Create([snapshot]);
        var index = new OwnershipIndex(dataset.Relations, dataset.FindEntity, dataset.GetList, OwnershipLimits.Default);
        const string Cst = "opensanctions:NK-abdzbEBkqyT29GyREbiURZ";
        const string Zakharov = "opensanctions:NK-aU5ybkbRFJucf8YMwsJvDw";
        const string Izhmash = "opensanctions:NK-nR5AXM9AVPq4pQaSPSaVam";

        // Today: Zakharov 51% (since 2015-11-25) and Kalashnikov (IZHMASH) 49% (since 2016-03-29), both sanctioned: 100%.
        var today = index.Find(Cst, AsOf)!;
        today.Terms.Select(t => (t.OwnerId, t.SharePercent, t.Blocked)).Should().BeEquivalentTo([(Zakharov, (decimal?)51m, true), (Izhmash, (decimal?)49m, true)]);
        today.Terms.Should().OnlyContain(t => t.Path.Count == 1 && t.Path[0].FromId == Cst && t.Path[0].Kind == RelationKind.OwnedBy);
        today.Terms.Single(t => t.OwnerId == Zakharov).Path[0].Relation.ValidFrom.Should().Be(FactDate.Parse("2015-11-25"));

        // 2023-01-01: the registry's overlapping statements (Zakharov 50%, 48%, 51%; Zakharova 1%; TransKomplektHolding 2%) add up
        // to more than 100%; one holding per owner counts (the largest), and the sum shows the conflict instead of hiding it.
        var before = index.Find(Cst, new DateOnly(2023, 1, 1))!;
        before.Terms.Sum(t => t.SharePercent!.Value).Should().Be(103m);
        before.Terms.Single(t => t.OwnerId == Zakharov).SharePercent.Should().Be(51m);

        // Zakharov held 75% of SPS from 2020-01-10 to 2022-11-22: blocked by the 50% rule then, not after.
        const string Sps = "opensanctions:NK-9Xa4Kg7Y7nfccE7VcZt6Q6";
        index.Find(Sps, new DateOnly(2021, 6, 1))!.Terms.Should().ContainSingle().Which.SharePercent.Should().Be(75m);
        index.At(new DateOnly(2021, 6, 1)).BlockedByRule.Should().ContainKey(Sps);
        index.Find(Sps, AsOf).Should().BeNull();

        // Izhtelekom: owned by Zakharov 2002-12-31 to 2012-06-30 with no percentage: unknown, not zero.
        index.Find("opensanctions:NK-56Edov9bas9puzaChH5pBy", new DateOnly(2010, 1, 1))!.Terms.Should().ContainSingle().Which.SharePercent.Should().BeNull();

        using var engine = new ScreeningEngineBuilder().Configure(o => o.UseDefaultDataset = false).AddSource(new InMemorySanctionListSource(snapshot)).Build();
        await engine.RefreshAsync();
        var spsName = dataset.FindEntity(Sps)!.PrimaryName;
        var held = await engine.ScreenAsync(ScreeningRequest.ForParty(spsName) with { AsOf = new DateOnly(2021, 6, 1) });
        var ended = await engine.ScreenAsync(ScreeningRequest.ForParty(spsName) with { AsOf = new DateOnly(2024, 1, 1) });

        held.Decision.Should().Be(ScreeningDecision.Block);
        held.DecidingRule.Should().Be("ofac-50-percent");
        held.Hits[0].Ownership!.Terms.Should().ContainSingle(t => t.OwnerId == Zakharov && t.SharePercent == 75m);
        ended.Decision.Should().Be(ScreeningDecision.Review);
        ended.DecidingRule.Should().Be("ended-relation");
    }

    private static async Task<ScreeningResult> ScreenAsync(string name, IReadOnlyList<Entity> entities, IReadOnlyList<Relation> relations, Action<ScreeningOptions>? configure = null)
    {
        var snapshot = new ListSnapshot("own-test", "v1") { Entities = [Ivan, Petra, .. entities.Where(e => e.Id != Ivan.Id && e.Id != Petra.Id)], Relations = relations };
        using var engine = new ScreeningEngineBuilder()
            .Configure(o =>
            {
                o.UseDefaultDataset = false;
                configure?.Invoke(o);
            })
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();
        await engine.RefreshAsync();
        return await engine.ScreenAsync(ScreeningRequest.ForParty(name) with { AsOf = AsOf });
    }

    private static OwnershipIndex Index(IReadOnlyList<Entity> entities, IReadOnlyList<Relation> relations) =>
        new(relations, Resolver([Ivan, Petra, .. entities]), KnownLists.Get, OwnershipLimits.Default);

    private static Func<string, Entity?> Resolver(IReadOnlyList<Entity> entities)
    {
        var byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        return id => byId.GetValueOrDefault(id);
    }

    private static Entity Person(string id, string name) =>
        new(id, EntityKind.Person, name) { Listings = [new Listing("us-ofac-sdn") { Program = "TEST" }] };

    private static Entity Company(string id, string name) => new(id, EntityKind.Organization, name);

    private static Relation Owned(string from, string to, decimal share) => new(from, to, RelationKind.OwnedBy) { SharePercent = share };
}
