using System.Text.Json;
using FluentAssertions;

namespace VendorScreen.Tests.Screening;

/// <summary>A name hit's explanation is written when first read: it must read the same from any thread, as often as it is read,
/// and the same in a result that is serialised.</summary>
public sealed class HitExplanationTests
{
    [Fact]
    public async Task Features_ReadFromManyThreadsAtOnce_AreOneAndTheSameExplanation()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"));
        var hit = result.Hits.Should().NotBeEmpty().And.Subject.First();

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => hit.Features.Select(Describe).ToArray())));

        var fresh = (await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"))).Hits[0].Features.Select(Describe).ToArray();
        fresh.Should().Contain(d => d.StartsWith("name-kind ", StringComparison.Ordinal)).And.Contain(d => d.StartsWith("token-alignment ", StringComparison.Ordinal));
        reads.Should().AllSatisfy(r => r.Should().Equal(fresh));
        hit.Features.Count.Should().Be(fresh.Length);
        hit.Features[0].Feature.Should().Be("name-kind");
    }

    [Fact]
    public async Task Features_OfASerialisedResult_AreTheExplanationReadLater()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        var unread = await engine.ScreenAsync(ScreeningRequest.ForParty("Hikvision"));
        var read = await engine.ScreenAsync(ScreeningRequest.ForParty("Hikvision"));
        var features = read.Hits.Select(h => h.Features.Select(Describe).ToArray()).ToArray();

        var json = JsonSerializer.Serialize(unread with { ScreenedAt = default }, VendorScreenJsonContext.Default.ScreeningResult);

        json.Should().Be(JsonSerializer.Serialize(read with { ScreenedAt = default }, VendorScreenJsonContext.Default.ScreeningResult));
        unread.Hits.Select(h => h.Features.Select(Describe).ToArray()).Should().BeEquivalentTo(features, o => o.WithStrictOrdering());
    }

    private static string Describe(FeatureScore f) => $"{f.Feature} {f.Score:R} {f.Weight:R} {f.Detail}";
}
