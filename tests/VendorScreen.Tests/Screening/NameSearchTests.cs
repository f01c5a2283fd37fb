using FluentAssertions;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Screening;

public sealed class NameSearchTests
{
    [Fact]
    public async Task SearchAsync_MisspeltName_RanksTheListedEntityFirstWithItsExplanation()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var result = await engine.SearchAsync("Hikvison Digital Technology", top: 5);

        result.Query.Should().Be("Hikvison Digital Technology");
        result.IsComplete.Should().BeTrue();
        result.Algorithm.Should().Be("token-align-v5");
        result.Hits.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(5);
        result.Hits[0].EntityId.Should().Be("default:hikvision");
        result.Hits[0].Score.Should().BeGreaterThan(0.8);
        result.Hits[0].Features.Should().Contain(f => f.Feature == "token-alignment");
        result.Hits[0].Listings.Should().NotBeEmpty();
        result.Hits.Select(h => h.Score).Should().BeInDescendingOrder();
        result.Hits.Select(h => h.EntityId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task SearchAsync_TopAndMinScore_LimitTheHits()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var one = await engine.SearchAsync("Dahua", top: 1, minScore: 0);
        var strict = await engine.SearchAsync("Dahua", top: 50, minScore: 0.9);
        var loose = await engine.SearchAsync("Dahua", top: 50, minScore: 0.3);

        one.Hits.Should().ContainSingle();
        strict.Hits.Should().OnlyContain(h => h.Score >= 0.9);
        loose.Hits.Count.Should().BeGreaterThanOrEqualTo(strict.Hits.Count);
        loose.Hits.Should().OnlyContain(h => h.Score >= 0.3);
    }

    [Fact]
    public async Task SearchAsync_UnrelatedName_FindsNothingAboveTheMinimum()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var result = await engine.SearchAsync("Quillfeather Bakery Supplies", minScore: 0.8);

        result.Hits.Should().BeEmpty();
        result.IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData("", 10, 0.5, typeof(ArgumentException))]
    [InlineData("  ", 10, 0.5, typeof(ArgumentException))]
    [InlineData("Hikvision", 0, 0.5, typeof(ArgumentOutOfRangeException))]
    [InlineData("Hikvision", 1001, 0.5, typeof(ArgumentOutOfRangeException))]
    [InlineData("Hikvision", 10, 1.5, typeof(ArgumentOutOfRangeException))]
    [InlineData("Hikvision", 10, double.NaN, typeof(ArgumentOutOfRangeException))]
    public async Task SearchAsync_BadArguments_AreRefused(string name, int top, double minScore, Type expected)
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var act = async () => await engine.SearchAsync(name, top, minScore);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Should().BeOfType(expected);
    }

    [Fact]
    public async Task SearchAsync_TooLongName_IsRefusedNamingTheLimit()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var act = async () => await engine.SearchAsync(new string('a', ScreeningRequest.MaxTextLength + 1));

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*4097*4096*");
    }

    [Fact]
    public async Task SearchAsync_SourceThatNeverLoaded_IsIncomplete()
    {
        using var engine = new ScreeningEngineBuilder().AddSource(new FailingSource()).Build();

        var result = await engine.SearchAsync("Hikvision");

        result.IsComplete.Should().BeFalse();
        result.Sources.Should().Contain(s => s.SourceName == "broken" && !s.IsUsable);
        result.Hits.Should().Contain(h => h.EntityId == "default:hikvision", "the lists that did load are still searched");
    }

    private sealed class FailingSource : ISanctionListSource
    {
        public string Name => "broken";

        public ValueTask<ListSnapshot> LoadAsync(CancellationToken cancellationToken = default) =>
            throw new SanctionListSourceException("broken: the list file is unreadable");
    }
}
