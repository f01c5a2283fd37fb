using FluentAssertions;
using VendorScreen.Sources;
using VendorScreen.Sources.Ofac;
using VendorScreen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VendorScreen.Tests.Sources.Ofac;

/// <summary>Reads each real OFAC file of ../shared/data once, on first use.</summary>
public sealed class OfacRealDataFixture : IDisposable
{
    private readonly Lazy<Task<ListSnapshot>> _sdn2021 = new(() => LoadAsync("ofac/2021-07_sdn_list"));
    private readonly Lazy<Task<ListSnapshot>> _sdn2019 = new(() => LoadAsync("ofac/2019-01_sdn_list"));
    private readonly Lazy<Task<ListSnapshot>> _cons2025 = new(() => LoadAsync("ofac/2025-12_consolidated_non_sdn"));
    private readonly Lazy<Task<ListSnapshot>> _joined2022 = new(() => LoadAsync("ofac/2022-11_sdn_list/USASanctions_sdn_plus_cons_prim.csv"));
    private readonly Lazy<Task<ListSnapshot>> _tiny = new(() => LoadAsync("ofac/tiny_fixture"));
    private readonly Lazy<ScreeningEngine> _engine2021 = new(() => new ScreeningEngineBuilder()
        .Configure(o => o.UseDefaultDataset = false)
        .AddSource(SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")))
        .Build());

    public Task<ListSnapshot> Sdn2021 => _sdn2021.Value;

    public Task<ListSnapshot> Sdn2019 => _sdn2019.Value;

    public Task<ListSnapshot> Cons2025 => _cons2025.Value;

    public Task<ListSnapshot> Joined2022 => _joined2022.Value;

    public Task<ListSnapshot> Tiny => _tiny.Value;

    public ScreeningEngine Engine2021 => _engine2021.Value;

    public void Dispose()
    {
        if (_engine2021.IsValueCreated)
        {
            _engine2021.Value.Dispose();
        }
    }

    private static async Task<ListSnapshot> LoadAsync(string relative) => await SourceFormats.Get("ofac-csv").Open(SharedData.DataPath(relative)).LoadAsync();
}

/// <summary>The OFAC readers on the real files described in ../shared/data/SOURCES.md, asserting the counts measured there.</summary>
public sealed class OfacRealDataTests(OfacRealDataFixture data, ITestOutputHelper output) : IClassFixture<OfacRealDataFixture>
{
    [SharedDataFact]
    public async Task Sdn2021_Records_MatchTheMeasuredCounts()
    {
        var snapshot = await data.Sdn2021;

        snapshot.Entities.Should().HaveCount(8976);
        KindCounts(snapshot).Should().BeEquivalentTo(new Dictionary<EntityKind, int>
        {
            [EntityKind.Person] = 4620,
            [EntityKind.Organization] = 3673,
            [EntityKind.Vessel] = 406,
            [EntityKind.Aircraft] = 277,
        });
        snapshot.Entities.Should().OnlyContain(e => e.Id.StartsWith("ofac-sdn:", StringComparison.Ordinal) && e.Listings.Count > 0);
        Report(snapshot);
    }

    [SharedDataFact]
    public async Task Sdn2021_EveryAliasOfAltCsv_IsOnItsEntity()
    {
        var snapshot = await data.Sdn2021;
        var aliases = OfacCsvReader.ReadAliases(File.ReadAllBytes(SharedData.DataPath("ofac/2021-07_sdn_list/alt.csv")), "alt.csv", []);

        aliases.Should().HaveCount(11910);
        aliases.Select(a => a.EntNum).Distinct().Should().HaveCount(4139);
        var names = snapshot.Entities.ToDictionary(e => e.Id, e => e.Names.Where(n => n.Kind != NameKind.WeakAlias).Select(n => n.Value).ToHashSet(StringComparer.OrdinalIgnoreCase));
        aliases.Where(a => !names[$"ofac-sdn:{a.EntNum}"].Contains(a.Name)).Should().BeEmpty();
        snapshot.Entities.Count(e => e.Names.Any(n => n.Kind is NameKind.Alias or NameKind.Former)).Should().Be(4138, "the one alias of ofac-sdn:20125 repeats its primary name");
    }

    [SharedDataFact]
    public async Task Sdn2021_LashkarETayyiba_HasAllItsAliases()
    {
        var snapshot = await data.Sdn2021;
        var expected = OfacCsvReader.ReadAliases(File.ReadAllBytes(SharedData.DataPath("ofac/2021-07_sdn_list/alt.csv")), "alt.csv", [])
            .Where(a => a.EntNum == 7140).Select(a => a.Name).ToArray();

        var entity = snapshot.Entities.Single(e => e.Id == "ofac-sdn:7140");

        expected.Should().HaveCount(44);
        entity.PrimaryName.Should().Be("LASHKAR E-TAYYIBA");
        entity.Names.Where(n => n.Kind == NameKind.Alias).Select(n => n.Value).Should().BeEquivalentTo(expected);
        entity.Names.Where(n => n.Kind == NameKind.WeakAlias).Select(n => n.Value).Should().Equal("JUD", "TAJK", "MML");
        entity.Listings.Select(l => l.Program).Should().Equal("FTO", "SDGT");
    }

    [SharedDataFact]
    public async Task Sdn2021_Relations_ResolveAndOnlyRelationTargetsAreRejected()
    {
        var snapshot = await data.Sdn2021;

        snapshot.Relations.Should().HaveCount(3403);
        var supermarket = snapshot.Entities.Single(e => e.PrimaryName == "D'S SUPERMARKET COMPANY LTD.");
        snapshot.Relations.Should().Contain(r => r.FromId == "ofac-sdn:15102" && r.Kind == RelationKind.LinkedTo && r.ToId == supermarket.Id);
        snapshot.RejectedRecords.Should().HaveCount(15);
        snapshot.RejectedRecords.Should().OnlyContain(r => r.Reason.Contains("Linked To", StringComparison.Ordinal) || r.Reason.Contains("Vess_owner", StringComparison.Ordinal));
        snapshot.RejectedRecords.Should().OnlyContain(r => r.Position.StartsWith("sdn.csv:", StringComparison.Ordinal));
    }

    [SharedDataFact]
    public async Task Sdn2021_AliasOnlyInAltCsv_IsFoundThroughTheEngine()
    {
        var result = await data.Engine2021.ScreenAsync(ScreeningRequest.ForParty("Army of the Righteous"));

        Print(result);
        result.Hits.Should().Contain(h => h.EntityId == "ofac-sdn:7140" && h.MatchedName == "ARMY OF THE RIGHTEOUS");
        result.Decision.Should().Be(ScreeningDecision.Block);
    }

    [SharedDataFact]
    public async Task Sdn2021_AliasOnlyInRemarks_IsFoundThroughTheEngine()
    {
        var result = await data.Engine2021.ScreenAsync(ScreeningRequest.ForParty("HAVA PEYMA SAZI-E IRAN"));

        Print(result);
        result.Hits.Should().Contain(h => h.EntityId == "ofac-sdn:11195" && h.MatchedName == "HAVA PEYMA SAZI-E IRAN" && h.MatchedNameKind == NameKind.WeakAlias);
        result.Decision.Should().NotBe(ScreeningDecision.Clear);
    }

    [SharedDataFact]
    public async Task Sdn2019_Records_MatchTheMeasuredCounts()
    {
        var snapshot = await data.Sdn2019;

        snapshot.Entities.Should().HaveCount(7379);
        KindCounts(snapshot).Should().BeEquivalentTo(new Dictionary<EntityKind, int>
        {
            [EntityKind.Person] = 3845,
            [EntityKind.Organization] = 2994,
            [EntityKind.Vessel] = 323,
            [EntityKind.Aircraft] = 217,
        });
        snapshot.Entities.Sum(e => e.Identifiers.Count(i => i.Scheme == IdentifierSchemes.Address)).Should().BeGreaterThan(9000);
        snapshot.RejectedRecords.Should().NotContain(r => r.Reason.Contains("not in the primary file", StringComparison.Ordinal));
        Report(snapshot);
    }

    [SharedDataFact]
    public async Task Cons2025_Records_MatchTheMeasuredCounts()
    {
        var snapshot = await data.Cons2025;

        snapshot.SourceName.Should().Be("ofac-cons");
        snapshot.Entities.Should().HaveCount(442);
        KindCounts(snapshot).Should().BeEquivalentTo(new Dictionary<EntityKind, int> { [EntityKind.Person] = 79, [EntityKind.Organization] = 363 });
        snapshot.Entities.Should().OnlyContain(e => e.Id.StartsWith("ofac-cons:", StringComparison.Ordinal) && e.Listings.All(l => l.ListId == "us-ofac-cons"));
        snapshot.Lists.Should().ContainSingle().Which.Id.Should().Be("us-ofac-cons");
        var folder = SharedData.DataPath("ofac/2025-12_consolidated_non_sdn");
        var aliases = OfacCsvReader.ReadAliases(File.ReadAllBytes(Path.Combine(folder, "cons_alt.csv")), "cons_alt.csv", []);
        aliases.Should().HaveCount(1073);
        aliases.Select(a => a.EntNum).Distinct().Should().HaveCount(395);
        OfacCsvReader.ReadAddresses(File.ReadAllBytes(Path.Combine(folder, "cons_add.csv")), "cons_add.csv", []).Should().HaveCount(574);
        OfacCsvReader.ReadComments(File.ReadAllBytes(Path.Combine(folder, "cons_comments.csv")), "cons_comments.csv", []).Should().HaveCount(10);
        snapshot.RejectedRecords.Should().NotContain(r => r.Reason.Contains("not in the primary file", StringComparison.Ordinal));
        Report(snapshot);
    }

    [SharedDataFact]
    public void Joined2022_Parts_AreTheSdnAndConsolidatedLists()
    {
        var rejected = new List<RejectedRecord>();
        var parts = OfacCsvReader.ReadPrimary(File.ReadAllBytes(SharedData.DataPath("ofac/2022-11_sdn_list/USASanctions_sdn_plus_cons_prim.csv")), "joined.csv", rejected);

        parts.Select(p => p.Count).Should().Equal(11118, 449);
        parts[0].Max(r => r.EntNum).Should().Be(40018);
        parts[0].Select(r => r.EntNum).Intersect(parts[1].Select(r => r.EntNum)).Should().HaveCount(58);
        parts[1][0].Position.Should().Be("joined.csv:11119", "the consolidated part starts on the line of the end-of-file byte");
        rejected.Should().BeEmpty();
    }

    [SharedDataFact]
    public async Task Joined2022_Snapshot_KeepsBothEntriesOfSharedEntNums()
    {
        var snapshot = await data.Joined2022;

        var sdn = snapshot.Entities.Where(e => e.Id.StartsWith("ofac-sdn:", StringComparison.Ordinal)).ToArray();
        var cons = snapshot.Entities.Where(e => e.Id.StartsWith("ofac-cons:", StringComparison.Ordinal)).ToArray();
        sdn.Should().HaveCount(11118);
        cons.Should().HaveCount(449);
        sdn.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<EntityKind, int>
        {
            [EntityKind.Person] = 5798,
            [EntityKind.Organization] = 4500,
            [EntityKind.Vessel] = 526,
            [EntityKind.Aircraft] = 294,
        });
        var shared = sdn.Select(e => e.Id[9..]).Intersect(cons.Select(e => e.Id[10..])).ToArray();
        shared.Should().HaveCount(58);
        snapshot.Entities.Single(e => e.Id == "ofac-cons:9639").Listings.Should().OnlyContain(l => l.ListId == "us-ofac-cons");
        snapshot.Entities.Select(e => e.Id).Should().OnlyHaveUniqueItems();
        Report(snapshot);
    }

    [SharedDataFact]
    public async Task TinyFixture_Records_MatchTheMeasuredCounts()
    {
        var snapshot = await data.Tiny;

        snapshot.Entities.Should().HaveCount(17);
        KindCounts(snapshot).Should().BeEquivalentTo(new Dictionary<EntityKind, int>
        {
            [EntityKind.Person] = 4,
            [EntityKind.Organization] = 7,
            [EntityKind.Vessel] = 4,
            [EntityKind.Aircraft] = 2,
        });
        snapshot.RejectedRecords.Count(r => r.Position.StartsWith("alt.csv:", StringComparison.Ordinal)).Should().Be(5, "5 of its 18 aliases belong to ent_nums the subset left out");
        snapshot.RejectedRecords.Count(r => r.Position.StartsWith("add.csv:", StringComparison.Ordinal)).Should().Be(4, "4 of its 28 addresses belong to ent_nums the subset left out");
        snapshot.Entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.Alias)).Should().Be(13);
        snapshot.Entities.Single(e => e.Id == "ofac-sdn:33151").Identifiers.Count(i => i.Scheme == OfacIdentifierTypes.CryptoWallet).Should().BeGreaterThan(10);
        Report(snapshot);
    }

    [SharedDataFact]
    public void AllFiles_EveryCountryOfacWrites_MapsExceptRegionsAndNonCountries()
    {
        var names = OfacCountryNamesOfTheRealFiles();

        var unmapped = names.Keys.Where(n => OfacList.CountryCode(n) is null).ToArray();

        output.WriteLine($"{names.Count} distinct country strings, {names.Values.Sum()} occurrences");
        names.Should().HaveCount(209);
        unmapped.Should().BeEquivalentTo(
            "None Identified", "undetermined", "possibly Palestinian", "Region: Commonwealth of Independent States", "Region: Crimea",
            "Region: Jammu and Kashmir", "Region: Kafia Kingi", "Region: North Gaza", "Region: Northern Gaza", "Region: Northern Mali");
        new Dictionary<string, string>
        {
            ["Korea, North"] = "KP",
            ["Democratic People's Republic of Korea"] = "KP",
            ["Netherlands Antilles"] = "AN",
            ["Cabo Verde"] = "CV",
            ["Cook Islands"] = "CK",
            ["Macedonia, The Former Yugoslav Republic of"] = "MK",
            ["North Macedonia, The Republic of"] = "MK",
            ["Man, Isle of"] = "IM",
            ["Cote d Ivoire"] = "CI",
            ["St. Kitts & Nevis"] = "KN",
            ["St. Vincent and the Grenadines"] = "VC",
            ["Region: Gaza"] = "PS",
            ["Region: West Bank"] = "PS",
            ["Palestinian"] = "PS",
            ["Macau"] = "MO",
        }.Should().OnlyContain(p => names.ContainsKey(p.Key) && OfacList.CountryCode(p.Key) == p.Value);
    }

    // The country strings the mappers look up: nationality, citizenship and registration items of the remarks (continued by
    // the comments file), vessel flags and address countries, over every OFAC file of ../shared/data.
    private static Dictionary<string, int> OfacCountryNamesOfTheRealFiles()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(SharedData.DataPath("ofac")))
        {
            var rejected = new List<RejectedRecord>();
            var continuations = new Dictionary<int, string>();
            var primaries = new List<OfacPrimaryRecord>();
            foreach (var file in Directory.GetFiles(folder))
            {
                var name = Path.GetFileName(file);
                var bytes = File.ReadAllBytes(file);
                if (name.EndsWith("add.csv", StringComparison.Ordinal))
                {
                    OfacCsvReader.ReadAddresses(bytes, name, rejected).ForEach(a => Count(a.Country));
                }
                else if (name.EndsWith("comments.csv", StringComparison.Ordinal))
                {
                    foreach (var comment in OfacCsvReader.ReadComments(bytes, name, rejected))
                    {
                        continuations[comment.EntNum] = continuations.GetValueOrDefault(comment.EntNum) + comment.Text;
                    }
                }
                else if (!name.EndsWith("alt.csv", StringComparison.Ordinal))
                {
                    primaries.AddRange(OfacCsvReader.ReadPrimary(bytes, name, rejected).SelectMany(p => p));
                }
            }

            foreach (var primary in primaries)
            {
                Count(primary.VesselFlag);
                var remarks = primary.Remarks + continuations.GetValueOrDefault(primary.EntNum);
                OfacRemarksParser.Parse(remarks).CountryNames.ForEach(Count);
            }

            var read = primaries.Select(p => p.EntNum).ToHashSet();
            foreach (var text in continuations.Where(c => !read.Contains(c.Key)).Select(c => c.Value))
            {
                OfacRemarksParser.Parse(text).CountryNames.ForEach(Count);
            }
        }

        return names;

        void Count(string? name)
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                names[name] = names.GetValueOrDefault(name) + 1;
            }
        }
    }

    private static Dictionary<EntityKind, int> KindCounts(ListSnapshot snapshot) =>
        snapshot.Entities.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());

    private void Report(ListSnapshot snapshot)
    {
        output.WriteLine($"{snapshot.SourceName}@{snapshot.Version}: {snapshot.Entities.Count} entities, {snapshot.NameCount} names, {snapshot.Relations.Count} relations, {snapshot.RejectedRecords.Count} rejected");
        foreach (var group in snapshot.Entities.SelectMany(e => e.Names).GroupBy(n => n.Kind))
        {
            output.WriteLine($"  names {group.Key}: {group.Count()}");
        }

        foreach (var rejected in snapshot.RejectedRecords.Take(20))
        {
            output.WriteLine($"  rejected {rejected.Position}: {rejected.Reason}");
        }
    }

    private void Print(ScreeningResult result)
    {
        output.WriteLine($"{result.Decision} {result.Reason}");
        foreach (var hit in result.Hits)
        {
            output.WriteLine($"  {hit.Decision} {hit.EntityId} \"{hit.MatchedName}\" ({hit.MatchedNameKind}) {hit.Score:0.00} -> {hit.ListedEntityId}");
        }
    }
}
