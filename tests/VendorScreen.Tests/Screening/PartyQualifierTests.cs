using FluentAssertions;
using VendorScreen.Screening;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Screening;

public sealed class PartyQualifierTests
{
    private static readonly Entity Sidorov = Person("t:1", "Ivan Petrovich Sidorov", ["RU"], new EntityIdentifier(IdentifierSchemes.DateOfBirth, "1965-03-02"));
    private static readonly Entity Karimi = Person("t:2", "Ahmad Karimi Nasser", ["IR"], new EntityIdentifier(IdentifierSchemes.DateOfBirth, "1960 to 1962"));
    private static readonly Entity Haddad = Person("t:3", "Omar Faruq Haddad", [], new EntityIdentifier(IdentifierSchemes.DateOfBirth, "1970") { Notes = "circa" });
    private static readonly Entity Mueller = Person("t:4", "Hans Dieter Quellenberg", ["DE"]);
    private static readonly Entity Tooling = new("t:5", EntityKind.Organization, "Zarvandi Precision Tooling Company")
    {
        Names = [new EntityName("Zarvandi Precision Tooling Company", NameKind.Primary)],
        Countries = ["IR"],
        Listings = [new Listing("us-ofac-sdn")],
    };

    private static readonly Entity Covered = new("t:6", EntityKind.Organization, "Quorvatel Communications Limited")
    {
        Names = [new EntityName("Quorvatel Communications Limited", NameKind.Primary)],
        Countries = ["CN"],
        Listings = [new Listing("us-fcc-covered-list")],
    };

    [Fact]
    public async Task ScreenAsync_DateOfBirthAgrees_BoostsAndExplains()
    {
        var hit = await TopHitAsync(ScreeningRequest.ForParty("Ivan Ilyich Sidorov") with { DateOfBirth = FactDate.Parse("1965") }, review: 0.5);
        var nameOnly = await TopHitAsync(ScreeningRequest.ForParty("Ivan Ilyich Sidorov"), review: 0.5);

        hit.Score.Should().BeGreaterThan(nameOnly.Score).And.BeLessThanOrEqualTo(nameOnly.Score + PartyQualifiers.DateOfBirthBoost + 1e-9);
        var feature = hit.Features.Single(f => f.Feature == "date-of-birth");
        feature.Score.Should().BePositive();
        feature.Detail.Should().Contain("1965").And.Contain("1965-03-02");
        nameOnly.Features.Should().NotContain(f => f.Feature == "date-of-birth");
    }

    [Fact]
    public async Task ScreenAsync_IdenticalNameDateOfBirthDisagrees_DropsBelowReview()
    {
        var request = ScreeningRequest.ForParty("Ivan Petrovich Sidorov") with { DateOfBirth = FactDate.Parse("1966") };

        var result = await ScreenAsync(request);
        var hit = await TopHitAsync(request, review: 0.5);
        var nameOnly = await ScreenAsync(ScreeningRequest.ForParty("Ivan Petrovich Sidorov"));

        nameOnly.Decision.Should().Be(ScreeningDecision.Block);
        result.Decision.Should().Be(ScreeningDecision.Clear);
        hit.Score.Should().BeApproximately(nameOnly.Hits[0].Score * PartyQualifiers.DateOfBirthPenalty, 1e-4);
        hit.Features.Single(f => f.Feature == "date-of-birth").Score.Should().BeNegative();
    }

    [Fact]
    public async Task ScreenAsync_SameYearOtherDay_MilderPenaltyKeepsReview()
    {
        var request = ScreeningRequest.ForParty("Ivan Petrovich Sidorov") with { DateOfBirth = FactDate.Parse("1965-03-12") };

        var result = await ScreenAsync(request);

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits[0].Score.Should().BeApproximately(PartyQualifiers.DateOfBirthDayPenalty, 1e-4);
        result.Hits[0].Features.Single(f => f.Feature == "date-of-birth").Detail.Should().Contain("1965-03-12").And.Contain("1965-03-02");
    }

    [Fact]
    public async Task ScreenAsync_ListedPersonWithoutDateOfBirth_Unchanged()
    {
        var withDob = await TopHitAsync(ScreeningRequest.ForParty("Hans Dieter Quellenberg") with { DateOfBirth = FactDate.Parse("1980-01-01") }, review: 0.5);
        var nameOnly = await TopHitAsync(ScreeningRequest.ForParty("Hans Dieter Quellenberg"), review: 0.5);

        withDob.Score.Should().Be(nameOnly.Score);
        withDob.Features.Should().NotContain(f => f.Feature == "date-of-birth");
    }

    [Theory]
    [InlineData("1965", "1965-03-02", "Agrees")]
    [InlineData("1965-03", "1965-03-02", "Agrees")]
    [InlineData("1965-03-02", "1965", "Agrees")]
    [InlineData("1965-03-02", "1965-03-02", "Agrees")]
    [InlineData("1965-04", "1965-03-02", "DisagreesWithinYear")]
    [InlineData("1965-03-03", "1965-03-02", "DisagreesWithinYear")]
    [InlineData("1965-02-03", "1965-03-02", "Consistent")]
    [InlineData("1966-03-02", "1965-03-02", "Disagrees")]
    [InlineData("1965", "1966", "Disagrees")]
    [InlineData("1961", "1960 to 1962", "Consistent")]
    [InlineData("1963", "1960 to 1962", "Disagrees")]
    [InlineData("1971-06-01", "circa 1970", "Consistent")]
    [InlineData("1973", "circa 1970", "Disagrees")]
    [InlineData("1965", "not a date", "None")]
    public void Evaluate_Dates_ComparedAtCommonPrecision(string query, string listed, string expected)
    {
        var entity = Person("t:9", "Some Person", [], new EntityIdentifier(IdentifierSchemes.DateOfBirth, listed));

        var outcome = PartyQualifiers.Create(FactDate.Parse(query), null)!.Evaluate(entity, null);

        outcome.DateOfBirth.ToString().Should().Be(expected);
    }

    [Fact]
    public void Evaluate_OneOfSeveralDatesAgrees_Agrees()
    {
        var entity = Person("t:9", "Some Person", [], new EntityIdentifier(IdentifierSchemes.DateOfBirth, "1958"), new EntityIdentifier(IdentifierSchemes.DateOfBirth, "1959"));

        PartyQualifiers.Create(FactDate.Parse("1959-07"), null)!.Evaluate(entity, null).DateOfBirth.Should().Be(PartyQualifiers.DateOutcome.Agrees);
    }

    [Fact]
    public void Evaluate_Organisation_DateOfBirthIgnored()
    {
        PartyQualifiers.Create(FactDate.Parse("1966"), null)!.Evaluate(Tooling, null).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task ScreenAsync_RangeOrCircaAgrees_NotedWithoutBoost()
    {
        var range = await TopHitAsync(ScreeningRequest.ForParty("Ahmad Karimi Nasser") with { DateOfBirth = FactDate.Parse("1961") }, review: 0.5);
        var circa = await TopHitAsync(ScreeningRequest.ForParty("Omar Faruq Haddad") with { DateOfBirth = FactDate.Parse("1969") }, review: 0.5);
        var circaOff = await TopHitAsync(ScreeningRequest.ForParty("Omar Faruq Haddad") with { DateOfBirth = FactDate.Parse("1975") }, review: 0.5);

        range.Score.Should().Be(1);
        range.Features.Single(f => f.Feature == "date-of-birth").Weight.Should().Be(0);
        circa.Score.Should().Be(1);
        circaOff.Score.Should().BeApproximately(PartyQualifiers.DateOfBirthPenalty, 1e-4);
    }

    [Fact]
    public async Task ScreenAsync_CountriesDisjoint_SmallPenaltyWithFeature()
    {
        var disjoint = await TopHitAsync(ScreeningRequest.ForParty("Zarvandi Precision Tooling Company") with { Country = "DE" }, review: 0.5);
        var agrees = await TopHitAsync(ScreeningRequest.ForParty("Zarvandi Precision Tooling Company") with { Country = "Iran" }, review: 0.5);

        disjoint.Score.Should().BeApproximately(PartyQualifiers.CountryPenalty, 1e-4);
        disjoint.Features.Single(f => f.Feature == "country").Detail.Should().Contain("DE").And.Contain("IR");
        agrees.Score.Should().Be(1);
        agrees.Features.Single(f => f.Feature == "country").Score.Should().Be(0);
    }

    [Fact]
    public async Task ScreenAsync_UnrecognisedCountry_NotWeighedAndSaidSo()
    {
        var hit = await TopHitAsync(ScreeningRequest.ForParty("Zarvandi Precision Tooling Company") with { Country = "Narnia" }, review: 0.5);

        hit.Score.Should().Be(1);
        var feature = hit.Features.Single(f => f.Feature == "country");
        feature.Score.Should().Be(0);
        feature.Detail.Should().Contain("\"Narnia\"").And.Contain("not weighed");
    }

    [Fact]
    public async Task ScreenAsync_UnrecognisedCountryWithoutHits_IsANoteOfTheResult()
    {
        // A clear result has no hit to say the country was not read: the result's notes say it.
        var result = await ScreenAsync(ScreeningRequest.ForParty("Fenwick Garden Supplies") with { Country = "Narnia" });

        result.Decision.Should().Be(ScreeningDecision.Clear);
        result.Notes.Should().ContainSingle().Which.Should().StartWith("country \"Narnia\" was not read").And.Contain("ISO 3166-1");
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("Germany")]
    [InlineData(null)]
    public async Task ScreenAsync_CountryReadOrNotGiven_HasNoNote(string? country)
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("Fenwick Garden Supplies") with { Country = country });

        result.Notes.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenAsync_ProcurementProhibitionList_NoCountryPenalty()
    {
        var hit = await TopHitAsync(ScreeningRequest.ForParty("Quorvatel Communications Limited") with { Country = "US" }, review: 0.5);

        hit.Score.Should().Be(1);
        hit.Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenAsync_EmbeddedDatasetOtherCountry_StillBlocks()
    {
        using var engine = new ScreeningEngineBuilder().Build();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation") with { Country = "US", DateOfBirth = FactDate.Parse("1970") });

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].Features.Should().NotContain(f => f.Feature == "date-of-birth");
    }

    [Theory]
    [InlineData(0.90, 0.915)]
    [InlineData(0.85, 0.90)]
    [InlineData(0.93, 0.98)]
    [InlineData(0.98, 1.0)]
    public void Apply_Boost_NeverCrossesMatchThresholdOnItsOwn(double score, double expected)
    {
        var entity = Person("t:9", "Some Person", [], new EntityIdentifier(IdentifierSchemes.DateOfBirth, "1965"));
        var qualification = PartyQualifiers.Create(FactDate.Parse("1965"), null)!.Evaluate(entity, null);

        qualification.Apply(score, 0.92).Should().BeApproximately(expected, 1e-9);
    }

    private static Entity Person(string id, string name, string[] countries, params EntityIdentifier[] identifiers) =>
        new(id, EntityKind.Person, name)
        {
            Names = [new EntityName(name, NameKind.Primary)],
            Countries = countries,
            Identifiers = identifiers,
            Listings = [new Listing("us-ofac-sdn")],
        };

    private static async Task<ScreeningResult> ScreenAsync(ScreeningRequest request, double review = 0.80)
    {
        var snapshot = new ListSnapshot("qualifier-test", "v1") { Entities = [Sidorov, Karimi, Haddad, Mueller, Tooling, Covered] };
        using var engine = new ScreeningEngineBuilder()
            .Configure(o =>
            {
                o.UseDefaultDataset = false;
                o.ReviewThreshold = review;
            })
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();
        await engine.RefreshAsync();
        return await engine.ScreenAsync(request);
    }

    private static async Task<ScreeningHit> TopHitAsync(ScreeningRequest request, double review)
    {
        var result = await ScreenAsync(request, review);
        result.Hits.Should().NotBeEmpty();
        return result.Hits[0];
    }
}
