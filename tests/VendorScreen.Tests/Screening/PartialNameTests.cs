using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Indexing;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Screening;

/// <summary>Partial names as an analyst searches a list: a rare surname alone, the distinctive word of an organisation, a
/// nickname without its article; never a common word, a given name, a legal form or a generic word.</summary>
public sealed class PartialNameTests
{
    private static readonly string[] CommonSurnameParts =
        ["ALBA", "BRAVO", "CAMPOS", "DURAN", "ESPINO", "FUENTES", "GALVAN", "HUERTA", "IBARRA", "JUAREZ", "LEDESMA", "MONTES"];

    [Theory]
    [InlineData("QUENTARO VILLADA", "t:p1")]
    [InlineData("Quentaro", "t:p1")]
    [InlineData("MASKORAN", "t:o1")]
    [InlineData("Shindoryo", "t:o2")]
    [InlineData("Mayito", "t:p3")]
    [InlineData("ZELTORIK", "t:o3")]
    public async Task ScreenAsync_RareDistinctivePart_ReviewsWithPartialFeature(string query, string entityId)
    {
        var result = await ScreenAsync(query);

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().Contain(h => h.EntityId == entityId).Subject;
        hit.Rule.Should().Be("partial-name");
        hit.Score.Should().BeInRange(new ScreeningOptions().ReviewThreshold, new ScreeningOptions().MatchThreshold);
        hit.Features.Should().ContainSingle(f => f.Feature == "partial").Which.Detail.Should().Contain(query).And.Contain("never blocked");
    }

    [Fact]
    public async Task ScreenAsync_NicknameWithItsArticle_ReviewsNeverBlocks()
    {
        var result = await ScreenAsync("El Mayito");

        result.Decision.Should().Be(ScreeningDecision.Review, "\"El Mayito\" is the nickname in \"ZORBADA, El Mayito\", not the whole name");
        result.Hits.Should().Contain(h => h.EntityId == "t:p3");
    }

    [Fact]
    public async Task ScreenAsync_SurnameOfAFamily_FindsEveryMember()
    {
        var result = await ScreenAsync("QUENTARO VILLADA");

        result.Hits.Select(h => h.EntityId).Should().Contain(["t:p1", "t:p2"]);
        result.Hits.Should().OnlyContain(h => h.Decision == ScreeningDecision.Review);
    }

    [Theory]
    [InlineData("GARCIA")]
    [InlineData("Ramon")]
    [InlineData("Ramon Eduardo")]
    [InlineData("BANK")]
    [InlineData("TRADING")]
    [InlineData("MASKORAN LLC")]
    [InlineData("GOLD")]
    [InlineData("PARVANEH")]
    [InlineData("ZELTARIS")]
    [InlineData("BANKA")]
    [InlineData("KORVANTIS")]
    [InlineData("El")]
    public async Task ScreenAsync_CommonGivenGenericOrLegalFormQuery_HasNoPartialHit(string query)
    {
        var result = await ScreenAsync(query);

        result.Hits.Should().NotContain(h => h.Rule == "partial-name" || h.Features.Any(f => f.Feature == "partial"));
    }

    [Fact]
    public async Task ScreenAsync_CommonGivenGenericQueries_AreClear()
    {
        foreach (var query in (string[])["GARCIA", "Ramon", "BANK", "BANKA", "TRADING", "GOLD", "PARVANEH", "ZELTARIS", "KORVANTIS"])
        {
            (await ScreenAsync(query)).Decision.Should().Be(ScreeningDecision.Clear, query);
        }
    }

    [Fact]
    public async Task ScreenAsync_OrganisationWithTwoRareWords_IsNotMatchedOnOne()
    {
        var result = await ScreenAsync("ZELTARIS");

        result.Hits.Should().NotContain(h => h.EntityId == "t:o8", "PARVANEH is as rare as ZELTARIS: the query lacks a distinctive word of the name");
    }

    [Fact]
    public async Task ScreenAsync_PartialNamesSwitchedOff_IsClear()
    {
        var result = await ScreenAsync("MASKORAN", o => o.MatchPartialNames = false);

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_RarerPart_ScoresHigher()
    {
        var unique = (await ScreenAsync("MASKORAN")).Hits.Single(h => h.EntityId == "t:o1");
        var family = (await ScreenAsync("QUENTARO VILLADA")).Hits.First(h => h.EntityId == "t:p1");

        unique.Score.Should().BeGreaterThan(family.Score);
        unique.Features.Single(f => f.Feature == "partial").Score.Should().BeGreaterThan(family.Features.Single(f => f.Feature == "partial").Score);
    }

    [Fact]
    public async Task ScreenAsync_FullName_IsNotPartialAndBlocks()
    {
        var result = await ScreenAsync("BANKA MASKORAN");

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].Features.Should().NotContain(f => f.Feature == "partial");
    }

    [Fact]
    public async Task ScreenAsync_ProductBrand_IsNotMatchedPartly()
    {
        using var engine = await BuildAsync();

        var result = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "MASKORAN" });

        result.Hits.Should().NotContain(h => h.Rule == "partial-name");
    }

    [Fact]
    public void EntityFrequency_EntityWithSeveralNames_CountsOnce()
    {
        var index = new CandidateIndex(Entities(), NameScoringRules.Default);

        index.EntityFrequency("quentaro", 100).Should().Be(2);
        index.EntityFrequency("quentarovillada", 100).Should().Be(2, "adjacent tokens are counted written together");
        index.EntityFrequency("garcia", 100).Should().Be(CommonSurnameParts.Length + 1);
        index.EntityFrequency("garcia", 5).Should().Be(5, "counting stops at the limit");
        index.EntityFrequency("nowhere", 100).Should().Be(0);
    }

    private static async Task<ScreeningResult> ScreenAsync(string name, Action<ScreeningOptions>? configure = null)
    {
        using var engine = await BuildAsync(configure);
        return await engine.ScreenAsync(ScreeningRequest.ForParty(name));
    }

    private static async Task<ScreeningEngine> BuildAsync(Action<ScreeningOptions>? configure = null)
    {
        var snapshot = new ListSnapshot("partial-test", "v1") { Entities = Entities() };
        var engine = new ScreeningEngineBuilder()
            .Configure(o =>
            {
                o.UseDefaultDataset = false;
                configure?.Invoke(o);
            })
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();
        await engine.RefreshAsync();
        return engine;
    }

    private static List<Entity> Entities()
    {
        var entities = new List<Entity>
        {
            Listed("t:p1", EntityKind.Person, "QUENTARO VILLADA, Ramon Eduardo", new EntityName("QUENTARO VILLADA, Ramon", NameKind.Alias)),
            Listed("t:p2", EntityKind.Person, "QUENTARO VILLADA, Benjamin"),
            Listed("t:p3", EntityKind.Person, "ZORBADA GARCIA, Ismael", new EntityName("ZORBADA, El Mayito", NameKind.Alias)),
            Listed("t:o1", EntityKind.Organization, "BANKA MASKORAN"),
            Listed("t:o2", EntityKind.Organization, "AUM SHINDORYO"),
            Listed("t:o3", EntityKind.Organization, "BANKA ZELTORIK"),
            Listed("t:o8", EntityKind.Organization, "PARVANEH ZELTARIS"),
            Listed("t:o4", EntityKind.Organization, "PARVANEH KOSHTAR"),
            Listed("t:o5", EntityKind.Organization, "PARVANEH AMINOLAH"),
            Listed("t:o6", EntityKind.Organization, "SULTANOV GOLD"),
            Listed("t:o7", EntityKind.Organization, "ORIENT TRADING"),
            Listed("t:v1", EntityKind.Vessel, "KORVANTIS STAR"),
        };
        for (var i = 0; i < CommonSurnameParts.Length; i++)
        {
            entities.Add(Listed($"t:g{i}", EntityKind.Person, $"GARCIA {CommonSurnameParts[i]}, Jose"));
            entities.Add(Listed($"t:b{i}", EntityKind.Organization, $"BANKA {CommonSurnameParts[i]}"));
        }

        return entities;
    }

    private static Entity Listed(string id, EntityKind kind, string name, params EntityName[] aliases) => new(id, kind, name)
    {
        Names = [new EntityName(name, NameKind.Primary), .. aliases],
        Listings = [new Listing("us-ofac-sdn")],
    };
}
