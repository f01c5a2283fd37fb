using FluentAssertions;
using VendorScreen.Screening;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Remote;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A batch or stream screens each name once per dataset generation and finds the same matches again for a name it has screened
/// (<see cref="Screener.NameMatchMemo"/>). Its results must be those of screening every request on its own, however often and in
/// whichever fields a name comes again, and whatever the request's country and date of birth.
/// </summary>
public sealed class RepeatedNameTests
{
    [Fact]
    public async Task ScreenBatchAsync_NamesRepeatedAcrossFieldsAndQualifiers_SameResultsAsEachScreenedAlone()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        var requests = MixedRequests();
        var alone = await ResultJson.ScreenEachAsync(engine, requests);

        var batch = (await engine.ScreenBatchAsync(requests)).Results.Select(ResultJson.Of).ToList();
        var again = (await engine.ScreenBatchAsync(requests)).Results.Select(ResultJson.Of).ToList();
        var stream = new List<string>();
        await foreach (var result in engine.ScreenStreamAsync(requests))
        {
            stream.Add(ResultJson.Of(result));
        }

        batch.Should().Equal(alone);
        again.Should().Equal(alone, "the second batch finds every name's matches kept by the first");
        stream.Should().Equal(alone);
        alone.Should().Contain(r => r.Contains("\"decision\":\"Block\"", StringComparison.Ordinal), "some of the names are listed");
        alone.Distinct().Count().Should().BeGreaterThan(requests.Count / 3, "the requests differ in more than their names");
    }

    [Fact]
    public async Task ScreenBatchAsync_SameNameOtherCountryOrDateOfBirth_EachKeepsItsOwnQualifiedScore()
    {
        var sidorov = new Entity("t:1", EntityKind.Person, "Ivan Petrovich Sidorov")
        {
            Names = [new EntityName("Ivan Petrovich Sidorov", NameKind.Primary)],
            Countries = ["RU"],
            Identifiers = [new EntityIdentifier(IdentifierSchemes.DateOfBirth, "1965-03-02")],
            Listings = [new Listing("us-ofac-sdn")],
        };
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new InMemorySanctionListSource(new ListSnapshot("qualifier-test", "v1") { Entities = [sidorov] }))
            .Build();
        await engine.RefreshAsync();
        var name = ScreeningRequest.ForParty("Ivan Petrovich Sidorov");
        ScreeningRequest[] requests =
        [
            name,
            name with { Country = "RU" },
            name with { Country = "US" },
            name with { DateOfBirth = FactDate.Parse("1965-03-02") },
            name with { DateOfBirth = FactDate.Parse("1966") },
            name with { Country = "US" },
            name,
        ];

        var batch = (await engine.ScreenBatchAsync(requests)).Results;

        batch.Select(ResultJson.Of).Should().Equal(await ResultJson.ScreenEachAsync(engine, requests));
        batch.Select(r => r.Decision).Should().Contain(ScreeningDecision.Block).And.Contain(ScreeningDecision.Clear,
            "a date of birth that disagrees with the listing lowers the score below review, so these requests do not share their matches");
        batch.Select(r => r.Hits.Count == 0 ? (double?)null : r.Hits[0].Score).Distinct().Count().Should().BeGreaterThan(2);
    }

    [Fact]
    public async Task ScreenBatchAsync_RepeatedNames_AreKeptOncePerNameAndFieldWithTheGeneration()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        ScreeningRequest[] requests =
        [
            ScreeningRequest.ForParty("Hikvision"),
            ScreeningRequest.ForParty("Hikvision"),
            ScreeningRequest.ForParty("Acme Office Supplies") with { Aliases = ["Hikvision"] },
            ScreeningRequest.ForProduct() with { Brand = "Hikvision", Title = "Hikvision 4MP dome camera" },
            ScreeningRequest.ForProduct() with { Brand = "Hikvision", Title = "Hikvision 8MP bullet camera" },
        ];

        await engine.ScreenBatchAsync(requests);
        var state = await engine.GetStateAsync(CancellationToken.None);

        // "Hikvision" as a name, an alias and a brand, and "Acme Office Supplies": the titles are mentions, not kept.
        state.RepeatedNames.Count.Should().Be(4);

        await engine.ScreenAsync(ScreeningRequest.ForParty("Zhejiang Dahua Technology"));
        state.RepeatedNames.Count.Should().Be(4, "a single screening neither reads nor adds to the names kept");
    }

    [Fact]
    public async Task ScreenBatchAsync_NameScreenedBeforeTheListsChanged_IsScreenedAgainstTheNewLists()
    {
        var version = 1;
        var source = new DelegateSource("list", () => new ListSnapshot("list", $"v{version}")
        {
            Entities = (version == 1 ? ["Harbor Crane Holdings"] : new[] { "Harbor Crane Holdings", "Granite Peak Minerals" })
                .Select((name, i) => new Entity($"list:{i}", EntityKind.Organization, name)
                {
                    Names = [new EntityName(name, NameKind.Primary)],
                    Listings = [new Listing("us-ofac-sdn")],
                }).ToArray(),
            FetchedAt = DateTimeOffset.UtcNow,
        });
        using var engine = RefreshTests.CreateEngine(TimeProvider.System, source);
        await engine.RefreshAsync();
        ScreeningRequest[] requests = [ScreeningRequest.ForParty("Granite Peak Minerals"), ScreeningRequest.ForParty("Granite Peak Minerals")];

        var before = await engine.ScreenBatchAsync(requests);
        version = 2;
        await engine.RefreshAsync();
        var after = await engine.ScreenBatchAsync(requests);

        before.Results.Select(r => r.Decision).Should().Equal(ScreeningDecision.Clear, ScreeningDecision.Clear);
        after.Results.Select(r => r.Decision).Should().Equal(ScreeningDecision.Block, ScreeningDecision.Block);
        (await engine.GetStateAsync(CancellationToken.None)).RepeatedNames.Count.Should().Be(1, "the new generation keeps only what it screened");
    }

    [Fact]
    public void Remember_ManyNames_KeepsTheRecentHalvesOnlySoThatMemoryStaysBounded()
    {
        var memo = new Screener.NameMatchMemo();
        var none = new List<Screener.Match>();
        const int half = Screener.NameMatchMemo.HalfNames;

        for (var i = 0; i < half; i++)
        {
            memo.Remember(Key($"name {i}"), none, 0);
        }

        memo.Count.Should().Be(half);
        memo.TryRepeat(Key("name 0"), none).Should().BeTrue("a full half becomes the older half, still read");

        // "name 0", found again, moved to the recent half; the other names of the first half go with the next turnover.
        for (var i = half; i < (2 * half) - 1; i++)
        {
            memo.Remember(Key($"name {i}"), none, 0);
        }

        memo.Count.Should().Be(half, "only the recent half is kept after the second turnover");
        memo.TryRepeat(Key("name 0"), none).Should().BeTrue();
        memo.TryRepeat(Key("name 1"), none).Should().BeFalse();
        memo.TryRepeat(Key($"name {half}"), none).Should().BeTrue();

        for (var i = 0; i < 3 * half; i++)
        {
            memo.Remember(Key($"later {i}"), none, 0);
            memo.Count.Should().BeLessThanOrEqualTo(Screener.NameMatchMemo.MaxNames);
        }

        none.Should().BeEmpty();
    }

    [Fact]
    public void Keeps_MentionsAndLongNames_AreNotKept()
    {
        Screener.NameMatchMemo.Keeps("Hikvision", mention: false).Should().BeTrue();
        Screener.NameMatchMemo.Keeps("Hikvision", mention: true).Should().BeFalse();
        Screener.NameMatchMemo.Keeps(new string('a', Screener.NameMatchMemo.MaxLength), mention: false).Should().BeTrue();
        Screener.NameMatchMemo.Keeps(new string('a', Screener.NameMatchMemo.MaxLength + 1), mention: false).Should().BeFalse();
    }

    [SharedDataFact]
    public async Task ScreenBatchAsync_OfacNamesEachTwice_SameResultsAsEachScreenedAlone()
    {
        var names = File.ReadLines(SharedData.DataPath("ofac/2021-07_sdn_list/sdn.csv"), System.Text.Encoding.Latin1)
            .Select(line => line.Split(',')[1].Trim('"', ' '))
            .Where(name => name.Length > 0 && name != "-0-")
            .Take(400)
            .ToList();
        var requests = names.Concat(names.Select(n => n.ToUpperInvariant())).Concat(names)
            .Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n))
            .ToList();
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")))
            .Build();
        await engine.RefreshAsync();

        var batch = (await engine.ScreenBatchAsync(requests)).Results.Select(ResultJson.Of).ToList();

        batch.Should().Equal(await ResultJson.ScreenEachAsync(engine, requests));
        batch.Count(r => r.Contains("\"decision\":\"Block\"", StringComparison.Ordinal)).Should().BeGreaterThan(600, "the listed names are found each time");
    }

    private static Screener.NameMatchKey Key(string value) => new("name", value, false, "token-align", 64, 0.8, 0.92, null, null, null, 0);

    // Parties and products whose names come again: as the name, an alias or a parent, as a brand, manufacturer or seller, with
    // and without a country, in mixed case.
    private static List<ScreeningRequest> MixedRequests()
    {
        string[] names = ["Hikvision", "Dahua Technology", "EZVIZ", "Acme Office Supplies", "Hangzhou Hikvision Digital Technology Co., Ltd.", "ZTE Corporation", "Imou", "Hytera Communications"];
        var requests = new List<ScreeningRequest>();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var name = names[(i + round) % names.Length];
                var other = names[(i + (2 * round) + 1) % names.Length];
                requests.Add(ScreeningRequest.ForParty(name));
                requests.Add(ScreeningRequest.ForParty(name.ToUpperInvariant()) with { Country = round == 1 ? "CN" : null });
                requests.Add(ScreeningRequest.ForParty(other) with { Aliases = [name] });
                requests.Add(ScreeningRequest.ForParty("Northwind Traders") with { Parents = [new PartyParent(name)] });
                requests.Add(ScreeningRequest.ForProduct() with { Brand = name, Seller = other, Title = $"{name} 4MP camera" });
                requests.Add(ScreeningRequest.ForProduct() with { Manufacturer = other, Seller = name, Category = "camera" });
            }
        }

        return requests;
    }
}
