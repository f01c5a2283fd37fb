using VendorScreen.Sources;

namespace VendorScreen.Tests.Infrastructure;

/// <summary>Screens a party's name against a few parties listed on the OFAC SDN list, in an engine without the embedded data:
/// for the tests of how a name written one way finds a listed name written another. Organisations are listed under one
/// primary name; <see cref="EngineAsync"/> lists parties of any kind, each under a primary name and its aliases.</summary>
internal static class ListedOrganisations
{
    /// <summary>Screens a party's name against organisations listed under their names.</summary>
    /// <param name="name">The party's name.</param>
    /// <param name="listed">The listed organisations, each by its id and its one name.</param>
    /// <returns>The result.</returns>
    public static async Task<ScreeningResult> ScreenAsync(string name, params (string Id, string Name)[] listed)
    {
        using var engine = await EngineAsync([.. listed.Select(l => (l.Id, EntityKind.Organization, new[] { l.Name }))]);
        return await engine.ScreenAsync(ScreeningRequest.ForParty(name));
    }

    /// <summary>Builds and refreshes an engine over listed parties, each under its first name (primary) and the others (aliases).</summary>
    /// <param name="listed">The listed parties, each by its id, its kind and its names.</param>
    /// <returns>The engine, which the caller disposes.</returns>
    public static async Task<ScreeningEngine> EngineAsync(params (string Id, EntityKind Kind, string[] Names)[] listed)
    {
        var snapshot = new ListSnapshot("listed-organisations", "v1")
        {
            Entities = [.. listed.Select(l => new Entity(l.Id, l.Kind, l.Names[0])
            {
                Names = [.. l.Names.Select((n, i) => new EntityName(n, i == 0 ? NameKind.Primary : NameKind.Alias))],
                Listings = [new Listing("us-ofac-sdn")],
            })],
        };
        var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();
        await engine.RefreshAsync();
        return engine;
    }
}
