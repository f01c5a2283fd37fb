using FluentAssertions;
using VendorScreen.Normalization;
using VendorScreen.Screening;

namespace VendorScreen.Tests.Screening;

/// <summary>A covered maker's name or brand misspelt in a listing's title, on the embedded dataset.</summary>
public sealed class MisspeltMentionTests
{
    private static readonly Lazy<ScreeningEngine> Engine = new(ScreeningEngineBuilder.CreateDefault);

    [Theory]
    [InlineData("Hikvison 4MP camera", "default:hikvision")] // a letter dropped
    [InlineData("HIKVISIONS 4MP camera", "default:hikvision")] // one added
    [InlineData("Hikvisiom turret camera", "default:hikvision")] // one substituted
    [InlineData("Dahau 4MP camera", "default:dahua")] // two adjacent letters swapped, in a word of five letters
    [InlineData("Compatible with Hikvison NVR", "default:hikvision")]
    [InlineData("D4HUA 4MP camera", "default:dahua")] // digits for the letters they look like
    [InlineData("H1KV1S10N NVR", "default:hikvision")]
    [InlineData("DAHUWA 4MP IP camera", "default:dahua")] // a letter added in a word of five letters
    [InlineData("EZVIIZ C6N indoor camera", "default:hikvision")]
    [InlineData("Camera by Dahuaa", "default:dahua")]
    [InlineData("Dahuas 4MP camera", "default:dahua")] // "Dahua's" without its apostrophe
    public async Task ScreenAsync_CoveredMakersNameMisspeltInATitle_IsReviewedNotBlocked(string title, string listed)
    {
        // Each was Clear: a title's mention had to spell the name's words exactly.
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title, Seller = "Acme" });

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().Contain(h => h.Field == "title" && h.ListedEntityId == listed).Which;
        hit.Rule.Should().Be("name-mention");
        hit.Score.Should().BeLessThan(new ScreeningOptions().MatchThreshold);
    }

    [Theory]
    [InlineData("D4HUA STORE", "default:dahua")]
    [InlineData("Hikvisiom Official Shop", "default:hikvision")]
    public async Task ScreenAsync_CoveredMakersNameMisspeltInALongerPartyName_IsReviewed(string name, string listed)
    {
        // "D4HUA STORE" scored 0.76 against "Dahua" and was Clear.
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForParty(name));

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().Contain(h => h.ListedEntityId == listed);
    }

    [Theory]
    [InlineData("D4HUA", "default:dahua")]
    [InlineData("EZV1Z", "default:hikvision")]
    [InlineData("H1KV1S10N", "default:hikvision")]
    public async Task ScreenAsync_CoveredMakersNameWithDigitsForLetters_FindsIt(string name, string listed)
    {
        // Each was Clear: the digits change the word's trigrams, and the look-up found no candidate to read them against.
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForParty(name));

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        result.Hits.Should().Contain(h => h.ListedEntityId == listed);
    }

    [Theory]
    [InlineData("Imoo smart camera")] // a word of four letters is not read misspelt
    [InlineData("Dahla 4MP camera")] // a word of five letters only by two adjacent letters swapped
    [InlineData("Dahlia flower seeds")]
    [InlineData("Lore of the sea, poster")] // a letter dropped from "Lorex" writes another word
    [InlineData("Hikvisoom 4MP camera")] // two edits
    public async Task ScreenAsync_WordsNotOneEditFromACoveredName_AreClear(string title)
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title, Seller = "Acme" });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Theory]
    [InlineData("hikvison camera", "Hikvision", true)]
    [InlineData("hikvision camera", "Hikvision", false)] // spelt exactly: a mention, not a misspelt one
    [InlineData("dahau nvr", "Dahua", true)]
    [InlineData("dahia nvr", "Dahua", false)] // a letter substituted in a word of five letters
    [InlineData("dahuwa nvr", "Dahua", true)] // one added
    [InlineData("dahu nvr", "Dahua", false)] // one dropped
    [InlineData("lorexs camera", "Lorex", true)]
    [InlineData("d4hua nvr", "Dahua", true)] // digits for letters
    [InlineData("1m0u camera", "Imou", false)] // a digit at the start is no letter between letters
    [InlineData("imoo camera", "Imou", false)]
    [InlineData("dahua technolgy camera", "Dahua Technology", false)] // a generic word misspelt is left to the scorer
    [InlineData("dahau technolgy camera", "Dahua Technology", true)]
    [InlineData("technology camera", "Dahua Technology", false)] // a word of the name missing
    public void IsMisspeltMention_ReadsEachWordOfTheName(string text, string name, bool expected) =>
        Screener.IsMisspeltMention(NameNormalizer.Normalize(text)[0], NameNormalizer.Normalize(name)[0]).Should().Be(expected);
}
