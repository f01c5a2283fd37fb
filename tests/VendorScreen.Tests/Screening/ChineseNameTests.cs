using FluentAssertions;
using VendorScreen.Normalization;
using VendorScreen.Sources;
using VendorScreen.Sources.VendorScreenJson;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// Names in Chinese characters. A name is compared as written with traditional characters read as simplified (螢石 is 萤石,
/// 海能達 is 海能达), and through its romanisation (pinyin). Pinyin has no tones, so different words read alike: 大话 ("big talk")
/// and 达华 (another company) are both "da hua", as Dahua's 大华 is. A match made only through the romanisation, against an
/// entity whose name in Chinese characters is known, is therefore reviewed, not blocked: it may be a homophone or a typist's
/// slip (海康微视 for 海康威视), and the entity's own name, written so, still blocks. An entity known only by romanised names is
/// matched as before. The embedded dataset holds the Chinese names of the listed Chinese companies, each with its source.
/// </summary>
public sealed class ChineseNameTests
{
    private static readonly Lazy<ScreeningEngine> Engine = new(ScreeningEngineBuilder.CreateDefault);

    [Theory]
    [InlineData('華', '华')]
    [InlineData('螢', '萤')]
    [InlineData('達', '达')]
    [InlineData('樂', '乐')]
    [InlineData('华', '华')] // simplified already
    [InlineData('乾', '乾')] // two simplified forms, one itself: left as written
    [InlineData('A', 'A')]
    public void ToSimplified_TraditionalCharacter_IsItsSimplifiedForm(char written, char expected)
    {
        HanVariants.ToSimplified(written).Should().Be(expected);
    }

    [Theory]
    [InlineData("海能達", "海能达")]
    [InlineData("螢石", "萤石")]
    [InlineData("杭州海康威視數字技術股份有限公司", "杭州海康威视数字技术股份有限公司")]
    public void Normalize_TraditionalAndSimplifiedName_AreTheSameAsWritten(string traditional, string simplified)
    {
        static string AsWritten(string name) => NameNormalizer.Normalize(name).Single(n => !n.IsTransliteration).Key;

        AsWritten(traditional).Should().Be(AsWritten(simplified));
    }

    [Theory]
    [InlineData("大华 监控摄像头", "default:dahua", "大华")]
    [InlineData("大華 監控攝像頭", "default:dahua", "大华")] // traditional characters
    [InlineData("螢石 C6CN 攝像頭", "default:ezviz", "萤石")] // the scoped brand, in traditional characters
    [InlineData("螢石 C6CN 網路攝影機", "default:ezviz", "萤石")] // "network camera" as Taiwan writes it
    [InlineData("海康 摄像头", "default:hikvision", "海康")]
    [InlineData("大疆 无人机 Mini 4 Pro", "default:dji", "大疆")]
    public async Task ScreenAsync_ListingWithTheMakersChineseName_Blocks(string title, string entityId, string matched)
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].EntityId.Should().Be(entityId);
        result.Hits[0].MatchedName.Should().Be(matched);
        result.Hits[0].Features.Should().NotContain(f => f.Feature == "read-alike");
    }

    [Theory]
    [InlineData("大话 摄像头", "default:dahua")] // "big talk": da hua, as Dahua
    [InlineData("达华 监控摄像头", "default:dahua")] // another company's name, read da hua
    [InlineData("乐成 摄像头", "default:huacheng")] // le cheng, as Imou's 乐橙
    [InlineData("大江 钓鱼竿", "default:dji")] // "great river" (a fishing rod): da jiang, as DJI's 大疆
    public async Task ScreenAsync_ListingWithAWordOnlyReadAlike_IsReviewedNotBlocked(string title, string entityId)
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().ContainSingle(h => h.EntityId == entityId).Which;
        hit.Score.Should().BeLessThan(new ScreeningOptions().MatchThreshold);
        hit.Features.Should().Contain(f => f.Feature == "read-alike" && f.Detail.Contains("pinyin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScreenAsync_TypistsHomophoneOfAName_IsStillReviewed()
    {
        // 海康威视 typed with 微 for 威 (both wei): the name is not missed, it is reviewed.
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForParty("海康威视微"));
        var slip = await Engine.Value.ScreenAsync(ScreeningRequest.ForParty("杭州海康微视数字技术股份有限公司"));

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        slip.Decision.Should().NotBe(ScreeningDecision.Clear);
        slip.Hits[0].EntityId.Should().Be("default:hikvision");
    }

    [Fact]
    public async Task ScreenAsync_EntityKnownOnlyByItsRomanisedName_StillBlocksOnTheChineseName()
    {
        // A person on a list in pinyin only: the name in Chinese characters is read through its romanisation, as before.
        var snapshot = new ListSnapshot("pinyin-test", "v1")
        {
            Entities =
            [
                new Entity("t:1", EntityKind.Person, "WANG Jianguo")
                {
                    Names = [new EntityName("WANG Jianguo", NameKind.Primary)],
                    Listings = [new Listing("us-ofac-sdn")],
                },
            ],
        };
        using var engine = new ScreeningEngineBuilder()
            .Configure(o => o.UseDefaultDataset = false)
            .AddSource(new InMemorySanctionListSource(snapshot))
            .Build();
        await engine.RefreshAsync();

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty("王建国"));

        result.Hits.Should().ContainSingle().Which.EntityId.Should().Be("t:1");
        result.Hits[0].Features.Should().NotContain(f => f.Feature == "read-alike");
        result.Hits[0].Score.Should().BeGreaterThanOrEqualTo(new ScreeningOptions().MatchThreshold);
    }

    [Fact]
    public async Task SearchAsync_WordOnlyReadAlike_KeepsItsScoreAndSaysScreeningReviewsIt()
    {
        var alike = await Engine.Value.SearchAsync("大话");
        var written = await Engine.Value.SearchAsync("大華");

        alike.Hits.Should().Contain(h => h.EntityId == "default:dahua" && h.Features.Any(f => f.Feature == "read-alike"));
        var dahua = written.Hits.Should().Contain(h => h.EntityId == "default:dahua").Which;
        dahua.Score.Should().Be(1);
        dahua.Features.Should().NotContain(f => f.Feature == "read-alike", "the name as written is found, traditional characters read as simplified");
    }

    [Theory]
    [InlineData("海能达通信股份有限公司", "default:hytera", ScreeningDecision.Block)]
    [InlineData("海能達通信股份有限公司", "default:hytera", ScreeningDecision.Block)]
    [InlineData("深圳市大疆创新科技有限公司", "default:dji", ScreeningDecision.Block)]
    [InlineData("海思半导体有限公司", "default:hisilicon", ScreeningDecision.Block)]
    [InlineData("深圳市道通智能航空技术股份有限公司", "default:autel-robotics", ScreeningDecision.Block)] // sourced in traditional characters
    [InlineData("中国电子科技集团有限公司", "default:cetc", ScreeningDecision.Review)]
    [InlineData("中电海康集团有限公司", "default:cethik", ScreeningDecision.Review)]
    [InlineData("上海移远通信技术股份有限公司", "default:quectel", ScreeningDecision.Review)]
    [InlineData("云从科技", "default:cloudwalk", ScreeningDecision.Review)]
    [InlineData("东方网力科技股份有限公司", "default:netposa", ScreeningDecision.Review)]
    [InlineData("三六零安全科技股份有限公司", "default:qihoo-360", ScreeningDecision.Review)]
    [InlineData("合肥美菱股份有限公司", "default:changhong-meiling", ScreeningDecision.Review)]
    public async Task ScreenAsync_ListedCompanysChineseName_FindsIt(string name, string entityId, ScreeningDecision decision)
    {
        var result = await Engine.Value.ScreenAsync(ScreeningRequest.ForParty(name));

        result.Decision.Should().Be(decision);
        result.Hits[0].EntityId.Should().Be(entityId);
        result.Hits[0].Score.Should().Be(1);
    }

    [Fact]
    public void EmbeddedDataset_ChineseNames_EachCarryASourceAndTheirScript()
    {
        var entities = DefaultDatasetSource.Load().Entities;
        var chinese = entities.SelectMany(e => e.Names).Where(n => n.Value.Any(NameNormalizer.IsHan)).ToList();

        chinese.Should().HaveCountGreaterThan(80);
        chinese.Should().OnlyContain(n => n.SourceUrl != null && n.SourceUrl.StartsWith("http", StringComparison.Ordinal), "every fact carries its source");
        chinese.Should().OnlyContain(n => n.Script == "Hans" || n.Script == "Hant" || n.Script == null);
        entities.Single(e => e.Id == "default:dji").Names.Should().Contain(n => n.Value == "大疆" && n.Kind == NameKind.Brand);
    }
}
