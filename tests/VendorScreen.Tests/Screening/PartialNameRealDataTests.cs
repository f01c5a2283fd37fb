using FluentAssertions;
using VendorScreen.Tests.Infrastructure;
using VendorScreen.Tests.Sources.Ofac;

namespace VendorScreen.Tests.Screening;

/// <summary>Analyst queries against the OFAC SDN list of July 2021 (../shared/data): partial names, nicknames and names held only
/// in the remarks are found for review; common words and surnames are not.</summary>
public sealed class PartialNameRealDataTests(OfacRealDataFixture data) : IClassFixture<OfacRealDataFixture>
{
    [SharedDataTheory]
    [InlineData("MASKAN", "ofac-sdn:4633")]
    [InlineData("SHINRIKYO", "ofac-sdn:4691")]
    [InlineData("ARELLANO FELIX", "ofac-sdn:6706")]
    [InlineData("Mayo", "ofac-sdn:7226")]
    [InlineData("El Mayo", "ofac-sdn:7226")]
    public async Task ScreenAsync_Sdn2021PartialName_ReviewsTheListedEntry(string query, string entityId)
    {

        var result = await data.Engine2021.ScreenAsync(ScreeningRequest.ForParty(query));

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().Contain(h => h.EntityId == entityId).Subject;
        hit.Rule.Should().Be("partial-name");
        hit.Features.Should().Contain(f => f.Feature == "partial");
    }

    [SharedDataFact]
    public async Task ScreenAsync_Sdn2021ArellanoFelix_FindsTheFamily()
    {

        var result = await data.Engine2021.ScreenAsync(ScreeningRequest.ForParty("ARELLANO FELIX"));

        result.Hits.Select(h => h.EntityId).Should().Contain(["ofac-sdn:6706", "ofac-sdn:6715", "ofac-sdn:7166"]);
        result.Hits.Should().OnlyContain(h => h.Decision == ScreeningDecision.Review);
    }

    [SharedDataFact]
    public async Task ScreenAsync_Sdn2021RemarksAka_ReviewsAsWeakAlias()
    {

        var result = await data.Engine2021.ScreenAsync(ScreeningRequest.ForParty("ETA"));

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits[0].EntityId.Should().Be("ofac-sdn:4693");
        result.Hits[0].MatchedNameKind.Should().Be(NameKind.WeakAlias);
    }

    [SharedDataTheory]
    [InlineData("BANK")]
    [InlineData("GOLD")]
    [InlineData("TRADING")]
    [InlineData("GARCIA")]
    [InlineData("MOHAMMED")]
    public async Task ScreenAsync_Sdn2021CommonWord_IsClear(string query)
    {

        var result = await data.Engine2021.ScreenAsync(ScreeningRequest.ForParty(query));

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }
}
