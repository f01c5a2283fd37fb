using System.Text.Json;
using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Ofac;
using Xunit.Abstractions;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// A word read only as the initials of a person's names, or of a ship's, is no match: "MSI", "AMD", "SAP" and "KIM" spell the
/// initials of some listed person as often as not. An organisation's name is still read as its acronym, and a person listed
/// under initials is found under them.
/// </summary>
public sealed class InitialsOfAPersonTests(OfacRealDataFixture data, ITestOutputHelper output) : IClassFixture<OfacRealDataFixture>
{
    [Theory]
    [InlineData("msi", "MENYAILO, Sergei Ivanovich", true)]
    [InlineData("kim", "KAHVARIN, Iradj Mohammadi", true)]
    [InlineData("pla", "People's Liberation Army", true)] // every pair is the acronym, whatever the name is of
    [InlineData("kim", "KIM, Jong Un", false)] // the word itself
    [InlineData("msi menyailo", "MENYAILO, Sergei Ivanovich", false)] // a word besides the acronym
    [InlineData("jc dupont", "Jean-Claude Dupont", false)]
    [InlineData("msi", "MENYAILO", false)] // nothing read as initials
    public void Score_QueryReadAsAcronym_IsSetWhenEveryPairIsTheQuerysAcronym(string query, string candidate, bool expected)
    {
        var algorithm = NameMatchAlgorithms.Get(NameMatchAlgorithms.DefaultName);
        var q = NameNormalizer.Normalize(query)[0];
        var c = NameNormalizer.NormalizeListed(candidate)[0];

        algorithm.Score(new NameMatchInput(query, q), new NameMatchInput(candidate, c)).QueryReadAsAcronym.Should().Be(expected);
    }

    [Theory]
    [InlineData("MSI")]
    [InlineData("KIM")]
    [InlineData("AMD")]
    [InlineData("KBR")]
    public async Task ScreenAsync_InitialsOfAPersonOrAShip_AreClear(string name)
    {
        // Each was reviewed at 0.81 against the person or ship whose names start with its letters.
        var result = await ScreenAsync(name);

        result.Decision.Should().Be(ScreeningDecision.Clear);
        result.Hits.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenAsync_ProductWhoseBrandSpellsAPersonsInitials_IsClear()
    {
        // A laptop of the brand MSI was reviewed against MENYAILO, Sergei Ivanovich.
        using var engine = await ListedOrganisations.EngineAsync(Listed);

        var result = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "MSI", Title = "MSI Katana 15 gaming laptop" });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_AcronymOfAnOrganisation_IsStillReviewed()
    {
        var result = await ScreenAsync("AIG");

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().ContainSingle().Which.EntityId.Should().Be("t:aig");
    }

    [Fact]
    public async Task ScreenAsync_PersonListedUnderInitials_IsFoundUnderThem()
    {
        var result = await ScreenAsync("M.S.I.", ("t:msi", EntityKind.Person, ["MENYAILO, Sergei Ivanovich", "MSI"]));

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        result.Hits[0].EntityId.Should().Be("t:msi");
        result.Hits[0].MatchedName.Should().Be("MSI");
    }

    [Fact]
    public async Task SearchAsync_InitialsOfAPerson_FindTheOrganisationOnly()
    {
        using var engine = await ListedOrganisations.EngineAsync(Listed);

        var hits = await engine.SearchAsync("MSI", top: 10, minScore: 0.5);
        var organisation = await engine.SearchAsync("AIG", top: 10, minScore: 0.5);

        hits.Hits.Should().BeEmpty();
        organisation.Hits.Select(h => h.EntityId).Should().Equal("t:aig");
    }

    // The tickers of the SEC's list of companies, screened as party names against OFAC SDN 2021-07: about every second alert
    // was a ticker that spells a person's or a ship's initials (514 of the first 4,000 tickers alerted, 269 without them). None
    // is left; tickers that spell an organisation's acronym are still reviewed.
    [SharedDataFact]
    public async Task ScreenAsync_SecTickers_AreNotReviewedAsAPersonsOrShipsInitials()
    {
        var snapshot = await data.Sdn2021;
        var kinds = snapshot.Entities.ToDictionary(e => e.Id, e => e.Kind);
        var engine = data.Engine2021;
        await engine.RefreshAsync();
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.DataPath("eval/sec-edgar-company-tickers/company_tickers_exchange.json")));
        var tickers = json.RootElement.GetProperty("data").EnumerateArray()
            .Select(row => row[2].GetString())
            .OfType<string>()
            .Where(t => t.Length is >= 2 and <= 5 && t.All(char.IsAsciiLetterUpper))
            .Distinct(StringComparer.Ordinal)
            .Take(4000)
            .ToList();

        var batch = await engine.ScreenBatchAsync(tickers.Select(t => ScreeningRequest.ForParty(t)));

        var initials = new List<string>();
        var acronymsOfOrganisations = 0;
        foreach (var (ticker, result) in tickers.Zip(batch.Results))
        {
            foreach (var hit in result.Hits)
            {
                if (!SpellsInitials(ticker, hit.MatchedName))
                {
                    continue;
                }

                if (kinds[hit.EntityId] is EntityKind.Person or EntityKind.Vessel)
                {
                    initials.Add($"{ticker} -> {hit.MatchedName} ({hit.Score})");
                }
                else
                {
                    acronymsOfOrganisations++;
                }
            }
        }

        output.WriteLine($"{tickers.Count} tickers; {batch.Results.Count(r => r.Decision != ScreeningDecision.Clear)} alerted; "
            + $"{acronymsOfOrganisations} hits on an organisation's acronym");
        initials.Should().BeEmpty();
        acronymsOfOrganisations.Should().BeGreaterThan(20, "an organisation's name is still read as its acronym");
    }

    // Whether the letters of a word are the first letters of consecutive words of a name, with none of the name's words the word.
    private static bool SpellsInitials(string word, string name)
    {
        var words = name.Split([' ', ',', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w.Equals(word, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        for (var start = 0; start + word.Length <= words.Length; start++)
        {
            var all = true;
            for (var k = 0; k < word.Length && all; k++)
            {
                all = char.ToUpperInvariant(words[start + k][0]) == word[k];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (string Id, EntityKind Kind, string[] Names)[] Listed =
    [
        ("t:menyailo", EntityKind.Person, ["MENYAILO, Sergei Ivanovich"]),
        ("t:kahvarin", EntityKind.Person, ["KAHVARIN, Iradj Mohammadi"]),
        ("t:darassa", EntityKind.Person, ["ALI DARASSA", "Ali Mahamat Darassa"]),
        ("t:ship", EntityKind.Vessel, ["KU BONG RYONG"]),
        ("t:aig", EntityKind.Organization, ["AMMUNITION INDUSTRIES GROUP"]),
    ];

    private static async Task<ScreeningResult> ScreenAsync(string name, params (string Id, EntityKind Kind, string[] Names)[] listed)
    {
        using var engine = await ListedOrganisations.EngineAsync(listed.Length == 0 ? Listed : listed);
        return await engine.ScreenAsync(ScreeningRequest.ForParty(name));
    }
}
