using VendorScreen.Sources;

namespace VendorScreen.Tests.Infrastructure;

/// <summary>Screens a party's name against a few organisations listed on the OFAC SDN list, each under one primary name, in an
/// engine without the embedded data: for the tests of how a name written one way finds a listed name written another.</summary>
internal static class ListedOrganisations
{
    /// <summary>Screens a party's name against organisations listed under their names.</summary>
    /// <param name="name">The party's name.</param>
    /// <param name="listed">The listed organisations, each by its id and its one name.</param>
    /// <returns>The result.</returns>
    public static async Task<ScreeningResult> ScreenAsync(string name, params (string Id, string Name)[] listed)
    {
        var snapshot = new ListSnapshot("listed-organisations", "v1")
        {
            Entities = [.. listed.Select(l => new Entity(l.Id, EntityKind.Organization, l.Name)
            {
                Names = [new EntityName(l.Name, NameKind.Primary)],
                Listings = [new Listing("us-ofac-sdn")],
            })],
        };
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();
        await engine.RefreshAsync();
        return await engine.ScreenAsync(ScreeningRequest.ForParty(name));
    }
}
