using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A name exactly as a list writes it is flagged, and nearly always finds the entity listed under it. On the real lists,
/// screened against OFAC, UN and UK together as the command line screens them: a name is looked up among the names holding its
/// words and their near spellings, and a listed name whose near spellings many other names share must still be among the
/// candidates ("ANSARU", whose near spellings "ansar" and "ansaral" both appear in "ANSAR AL-DINE" and dozens of other names,
/// was once screened Clear).
/// </summary>
public sealed class ListedNameRecallTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task ScreenBatchAsync_EveryPrimaryAndStrongAliasOfTheRealLists_FindsItsEntity()
    {
        ListSnapshot[] lists =
        [
            await SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")).LoadAsync(),
            await SourceFormats.Get("un-xml").Open(SharedData.DataPath("un/2026-02-27_UN_consolidated.xml")).LoadAsync(),
            await SourceFormats.Get("uk-conlist").Open(SharedData.DataPath("uk/2018-04-13_ofsi_ConList.csv")).LoadAsync(),
        ];
        var builder = new ScreeningEngineBuilder();
        foreach (var list in lists)
        {
            builder.AddSource(new InMemorySanctionListSource(list));
        }

        using var engine = builder.Build();
        await engine.RefreshAsync();

        // Each distinct name once per entity: the primary name and the strong aliases (a weak alias is never decisive alone).
        var named = lists
            .SelectMany(list => list.Entities)
            .SelectMany(e => e.Names
                .Where(n => n.Kind is NameKind.Primary or NameKind.Alias)
                .Select(n => n.Value)
                .Append(e.PrimaryName)
                .Distinct(StringComparer.Ordinal)
                .Select(name => (Name: name, e.Id)))
            .ToList();

        var results = (await engine.ScreenBatchAsync(named.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n.Name)).ToList())).Results;

        var missed = named
            .Zip(results)
            .Where(p => !p.Second.Hits.Any(h => h.EntityId == p.First.Id))
            .Select(p => $"{p.First.Name} [{p.First.Id}]: {p.Second.Decision}, {Hits(p.Second)}")
            .ToList();
        output.WriteLine($"{named.Count} names screened, {missed.Count} without their entity");
        foreach (var line in missed)
        {
            output.WriteLine(line);
        }

        named.Count.Should().BeGreaterThan(20_000);
        named.Zip(results).Where(p => p.Second.Decision == ScreeningDecision.Clear).Select(p => $"{p.First.Name} [{p.First.Id}]").Should()
            .BeEmpty("a name as a list writes it is never cleared");

        // A name that several entities carry may find others in its place where more names share it than are kept as
        // candidates (ALHARAMAIN, an alias of several Al-Haramain entities): still flagged, each one listed above.
        missed.Count.Should().BeLessThan(named.Count / 1000, "nearly every listed name finds its own entity");
    }

    private static string Hits(ScreeningResult result) => result.Hits.Count == 0
        ? "no hit"
        : $"{result.Hits.Count} hits, the first {result.Hits[0].EntityId} as \"{result.Hits[0].MatchedName}\" ({result.Hits[0].Score})";
}
