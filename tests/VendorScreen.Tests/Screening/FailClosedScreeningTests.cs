using FluentAssertions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Policies;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Screening;

public sealed class FailClosedScreeningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ScreenAsync_LongTitleEndingInAListedBrand_DecidesAsTheShortTitle()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        const string Tail = " EZVIZ C6N camera";
        var longTitle = Filler(1500 - Tail.Length) + Tail;

        var shortResult = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = Tail.Trim() });
        var longResult = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = longTitle });

        longTitle.Length.Should().Be(1500);
        shortResult.Decision.Should().BeOneOf(ScreeningDecision.Block, ScreeningDecision.Review);
        longResult.Decision.Should().Be(shortResult.Decision);
        longResult.Hits.Should().Contain(h => h.EntityId == "default:ezviz" && h.Field == "title");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(700)]
    [InlineData(1500)]
    [InlineData(2900)]
    public async Task ScreenAsync_ListedNameAnywhereInALongTitle_IsFound(int at)
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        const string Name = " Hangzhou Hikvision Digital Technology Co., Ltd. ";
        var title = Filler(at) + Name + Filler(3000 - at - Name.Length);

        var result = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

        title.Length.Should().Be(3000);
        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        result.Hits.Should().Contain(h => h.ListedEntityId == "default:hikvision");
    }

    [Fact]
    public async Task ScreenAsync_ListedNameInTheMiddleOfALongPartyName_IsFound()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        var name = Filler(1500) + " Hangzhou Hikvision Digital Technology Co., Ltd. " + Filler(1450);

        var result = await engine.ScreenAsync(ScreeningRequest.ForParty(name));

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
        result.Hits.Should().Contain(h => h.ListedEntityId == "default:hikvision");
    }

    [Fact]
    public async Task ScreenAsync_TextAtTheLimit_IsScreened()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        var title = Filler(ScreeningRequest.MaxTextLength - " Hikvision".Length) + " Hikvision";

        var result = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

        result.Decision.Should().NotBe(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_TextOverTheLimit_IsRefusedNamingTheFieldAndLength()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        var title = Filler(ScreeningRequest.MaxTextLength + 1);

        var act = async () => await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

        (await act.Should().ThrowAsync<ArgumentException>())
            .Which.Message.Should().Contain("Title").And.Contain("4097").And.Contain("4096");
    }

    [Fact]
    public async Task ScreenBatchAsync_TextOverTheLimit_IsRefusedNamingTheRequestAndField()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        var alias = Filler(ScreeningRequest.MaxTextLength + 10);

        var act = async () => await engine.ScreenBatchAsync([ScreeningRequest.ForParty("Axis"), ScreeningRequest.ForParty("Axis") with { Aliases = ["ok", alias] }]);

        (await act.Should().ThrowAsync<ArgumentException>())
            .Which.Message.Should().Contain("requests[1].Aliases[1]").And.Contain("4106");
    }

    public static TheoryData<ScreeningRequest, string> InvalidRequests() => new()
    {
        { ScreeningRequest.ForParty("ZTE") with { Identifiers = null! }, "Identifiers" },
        { ScreeningRequest.ForParty("ZTE") with { Identifiers = [null!] }, "Identifiers[0]" },
        { ScreeningRequest.ForParty("ZTE") with { Identifiers = [new EntityIdentifier(IdentifierSchemes.Lei, "x"), new EntityIdentifier(null!, "x")] }, "Identifiers[1].Scheme" },
        { ScreeningRequest.ForParty("ZTE") with { Identifiers = [new EntityIdentifier(IdentifierSchemes.Lei, null!)] }, "Identifiers[0].Value" },
        { ScreeningRequest.ForParty("ZTE") with { Aliases = null! }, "Aliases" },
        { ScreeningRequest.ForParty("ZTE") with { Aliases = ["Zhongxing", null!] }, "Aliases[1]" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task ScreenAsync_NullCollectionsOrItems_AreRefusedNamingTheField(ScreeningRequest request, string field)
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var act = async () => await engine.ScreenAsync(request);

        var thrown = (await act.Should().ThrowExactlyAsync<ArgumentException>()).Which;
        thrown.Message.Should().Contain(field);
        thrown.ParamName.Should().Be("request");
    }

    [Fact]
    public async Task ScreenBatchAsync_NullItemInARequest_IsRefusedNamingTheIndex()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var act = async () => await engine.ScreenBatchAsync([ScreeningRequest.ForParty("Axis"), ScreeningRequest.ForParty("ZTE") with { Identifiers = [null!] }]);

        var thrown = (await act.Should().ThrowExactlyAsync<ArgumentException>()).Which;
        thrown.Message.Should().Contain("requests[1].Identifiers[0]");
        thrown.ParamName.Should().Be("requests");
    }

    [Fact]
    public async Task ScreenAsync_LoneSurrogateInTheRequest_IsScreened()
    {
        // Built in code, not passed as theory data: test runners may replace lone surrogates when they serialise data.
        using var engine = ScreeningEngineBuilder.CreateDefault();
        foreach (var name in new[] { "ZTE \uD800Corporation", "\uDC00ZTE Corporation", "ZTE Corporation \uD83D" })
        {
            var party = await engine.ScreenAsync(ScreeningRequest.ForParty(name) with { Aliases = [name], Identifiers = [new EntityIdentifier(IdentifierSchemes.Lei, name)] });
            var product = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = name, Brand = name, Model = name, FccId = name });

            party.Decision.Should().Be(ScreeningDecision.Block);
            product.Decision.Should().NotBe(ScreeningDecision.Clear);
        }
    }

    [Fact]
    public async Task ScreenAsync_EmojiAroundTheFormerCut_IsScreened()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        for (var at = 1021; at <= 1026; at++)
        {
            var title = Filler(at) + "\U0001F600 Hikvision";

            var result = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

            result.Decision.Should().NotBe(ScreeningDecision.Clear, $"the emoji is at {at}");
        }
    }

    [Fact]
    public async Task ScreenAsync_ListedNameWithALoneSurrogate_IsARejectedRecordAndDoesNotFailTheDataset()
    {
        var snapshot = new ListSnapshot("custom", "v1")
        {
            FetchedAt = Now,
            Entities =
            [
                new Entity("custom:bad", EntityKind.Organization, "Broken \uD800 Name Trading") { Listings = [new Listing("custom")], Names = [new EntityName("\uDC00Alias", NameKind.Alias)] },
                new Entity("custom:good", EntityKind.Organization, "Quarkwell Trading") { Listings = [new Listing("custom")] },
            ],
        };
        using var engine = new ScreeningEngineBuilder { TimeProvider = new FakeTimeProvider(Now) }.AddSource(new InMemorySanctionListSource(snapshot)).Build();

        var statuses = await engine.RefreshAsync();
        var good = await engine.ScreenAsync(ScreeningRequest.ForParty("Quarkwell Trading"));

        statuses.Should().OnlyContain(s => s.IsUsable);
        statuses.Single(s => s.SourceName == "custom").Should().Match<SourceStatus>(s => s.Entities == 1 && s.Rejected == 1);
        engine.Dataset!.Snapshots.Single(s => s.SourceName == "custom").RejectedRecords
            .Should().ContainSingle().Which.Should().Match<RejectedRecord>(r => r.Position.Contains("custom:bad") && r.Reason.Contains("surrogate"));
        good.Decision.Should().NotBe(ScreeningDecision.Clear);
        good.Hits.Should().Contain(h => h.EntityId == "custom:good");
    }

    [Fact]
    public async Task ScreenAsync_AlreadyCancelledToken_Throws()
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        await engine.RefreshAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = async () => await engine.ScreenAsync(ScreeningRequest.ForParty("ZTE Corporation"), cts.Token);
        var batch = async () => await engine.ScreenBatchAsync([ScreeningRequest.ForParty("ZTE Corporation")], cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        await batch.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ScreenBatchAsync_CancelledMidBatch_StopsBeforeScreeningEveryItem()
    {
        using var cts = new CancellationTokenSource();
        var policy = new CountingPolicy(cts, cancelAt: 5);
        using var engine = new ScreeningEngineBuilder { TimeProvider = new FakeTimeProvider(Now) }.UsePolicy(policy).Build();
        await engine.RefreshAsync();
        var title = Filler(3000) + " Hikvision";
        var requests = Enumerable.Range(0, 400).Select(i => ScreeningRequest.ForProduct() with { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Title = title }).ToList();

        var act = async () => await engine.ScreenBatchAsync(requests, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        policy.Evaluations.Should().BeLessThan(requests.Count);
    }

    [Fact]
    public async Task ScreenAsync_CancelledWhileScreeningALongText_StopsWithinTheItem()
    {
        using var cts = new CancellationTokenSource();
        var policy = new CountingPolicy(cts, cancelAt: 1);
        using var engine = new ScreeningEngineBuilder { TimeProvider = new FakeTimeProvider(Now) }.UsePolicy(policy).Build();
        await engine.RefreshAsync();
        // A 4,000-character text with a listed name in every window: screening is stopped at the first one.
        var title = string.Concat(Enumerable.Repeat("Hikvision camera, night vision and wireless outdoor kit ", 80))[..4000];

        var act = async () => await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Title = title, Brand = "Dahua", Manufacturer = "ZTE Corporation" }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        policy.Evaluations.Should().Be(1);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(1, 12, 31)]
    [InlineData(2, 12, 31)]
    [InlineData(9999, 12, 31)]
    [InlineData(9999, 1, 1)]
    public async Task ScreenAsync_AsOfAtTheEndsOfTheCalendar_DoesNotThrow(int year, int month, int day)
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();
        var asOf = new DateOnly(year, month, day);

        var party = await engine.ScreenAsync(ScreeningRequest.ForParty("EZVIZ") with { AsOf = asOf });
        var product = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { AsOf = asOf, Brand = "Hikvision", Title = "EZVIZ C6N camera", FccId = "2ADTD-5604SD" });

        party.AsOf.Should().Be(asOf);
        product.AsOf.Should().Be(asOf);
    }

    [Fact]
    public async Task ScreenAsync_WindowAtItsDocumentedMaximum_DoesNotThrow()
    {
        using var engine = new ScreeningEngineBuilder().Configure(o => o.RecentlyEndedRelationWindow = ScreeningOptions.MaxRecentlyEndedRelationWindow).Build();

        var min = await engine.ScreenAsync(ScreeningRequest.ForParty("EZVIZ") with { AsOf = DateOnly.MinValue });
        var today = await engine.ScreenAsync(ScreeningRequest.ForParty("EZVIZ"));

        min.AsOf.Should().Be(DateOnly.MinValue);
        today.Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public void Build_WindowOfTimeSpanMaxValue_IsRefusedWithTheLimit()
    {
        var act = () => new ScreeningEngineBuilder().Configure(o => o.RecentlyEndedRelationWindow = TimeSpan.MaxValue).Build();

        act.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Contain("RecentlyEndedRelationWindow").And.Contain("36500");
    }

    [Theory]
    [InlineData("ZTE Corporation 5")]
    [InlineData("Hikvision 2")]
    [InlineData("Dahua Technology 3")]
    [InlineData("Huawei Technologies Co., Ltd. 7")]
    public async Task ScreenAsync_ListedMakerWithAStrayNumber_IsAtLeastReview(string name)
    {
        using var engine = ScreeningEngineBuilder.CreateDefault();

        var party = await engine.ScreenAsync(ScreeningRequest.ForParty(name));
        var brand = await engine.ScreenAsync(ScreeningRequest.ForProduct() with { Brand = name });

        party.Decision.Should().BeOneOf(ScreeningDecision.Review, ScreeningDecision.Block);
        brand.Decision.Should().BeOneOf(ScreeningDecision.Review, ScreeningDecision.Block);
    }

    private static string Filler(int length)
    {
        const string Words = "wireless outdoor security kit, night vision, motion alerts and two way audio ";
        var text = string.Concat(Enumerable.Repeat(Words, (length / Words.Length) + 1));
        return text[..length];
    }

    private sealed class CountingPolicy(CancellationTokenSource cts, int cancelAt) : ScreeningPolicy
    {
        private readonly DefaultScreeningPolicy _inner = new();
        private int _evaluations;

        public int Evaluations => Volatile.Read(ref _evaluations);

        public override string Name => "counting";

        public override PolicyVerdict Evaluate(in PolicyArguments arguments)
        {
            if (Interlocked.Increment(ref _evaluations) == cancelAt)
            {
                cts.Cancel();
            }

            return _inner.Evaluate(arguments);
        }
    }
}
