using VendorScreen.Sources;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Benchmarks;

/// <summary>A synthetic workload for the BenchmarkDotNet micro benchmarks only (companies from a 37-word vocabulary, queries that
/// mix hits, misspellings and clean names). The throughput harness screens the real lists instead (<see cref="RealCorpus"/>).</summary>
internal static class Workload
{
    private static readonly string[] Words =
    [
        "Alpine", "Harbor", "Crescent", "Summit", "Meridian", "Granite", "Falcon", "Cedar", "Beacon", "Orchid", "Vertex", "Nimbus",
        "Atlas", "Coral", "Delta", "Ember", "Fjord", "Glacier", "Horizon", "Ionic", "Juniper", "Kestrel", "Lumen", "Mosaic",
        "Nova", "Onyx", "Prairie", "Quartz", "Raven", "Sierra", "Tundra", "Umber", "Vista", "Willow", "Xenon", "Yarrow", "Zephyr",
    ];

    private static readonly string[] Kinds = ["Trading", "Electronics", "Security", "Logistics", "Optics", "Networks", "Systems", "Imaging"];
    private static readonly string[] Forms = ["Co., Ltd.", "LLC", "Inc.", "GmbH", "Limited", "S.A.", "Corp."];

    public static ListSnapshot Synthetic(int count, int seed = 42)
    {
        var random = new Random(seed);
        var entities = new List<Entity>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Name(random, i);
            entities.Add(new Entity($"synthetic:{i}", EntityKind.Organization, name)
            {
                Names = [new EntityName(name, NameKind.Primary)],
                Listings = [new Listing("synthetic-list")],
            });
        }

        return new ListSnapshot("synthetic", count.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Entities = entities,
            Lists = [new ListDefinition("synthetic-list", "Synthetic sanctions", ListCategory.Sanctions)],
        };
    }

    public static IReadOnlyList<string> Queries(ListSnapshot synthetic, int count, int seed = 7)
    {
        var random = new Random(seed);
        var defaults = DefaultDatasetSource.Load().Entities.SelectMany(e => e.Names).Select(n => n.Value).ToArray();
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            queries.Add((i % 4) switch
            {
                0 => defaults[random.Next(defaults.Length)],
                1 => Misspell(synthetic.Entities[random.Next(synthetic.Entities.Count)].PrimaryName, random),
                2 => synthetic.Entities[random.Next(synthetic.Entities.Count)].PrimaryName,
                _ => Name(random, -1) + " Holdings",
            });
        }

        return queries;
    }

    public static ISanctionListSource Source(ListSnapshot snapshot) => new InMemorySanctionListSource(snapshot);

    private static string Name(Random random, int i) =>
        $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}{(i >= 0 ? " " + (i % 97 == 0 ? "No. " + i : string.Empty) : string.Empty)} {Kinds[random.Next(Kinds.Length)]} {Forms[random.Next(Forms.Length)]}".Replace("  ", " ", StringComparison.Ordinal);

    private static string Misspell(string name, Random random)
    {
        var at = 1 + random.Next(Math.Max(1, name.Length - 2));
        return name.Remove(at, 1);
    }
}
