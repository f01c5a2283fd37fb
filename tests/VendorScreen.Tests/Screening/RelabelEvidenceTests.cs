using FluentAssertions;
using Xunit.Abstractions;

namespace VendorScreen.Tests.Screening;

/// <summary>Relabelled equipment on the embedded dataset: grantee codes, model prefixes in the model field and in titles, brand
/// and title evidence, product-category scope, dated prefixes, and the evidence each hit carries.</summary>
public sealed class RelabelEvidenceTests(ITestOutputHelper output)
{
    private const string AnnkeSource = "https://github.com/Supergiovane/node-red-contrib-hikvision-ultimate/issues/24";
    private static readonly Lazy<ScreeningEngine> Engine = new(ScreeningEngineBuilder.CreateDefault);
    private static readonly DateOnly Today = new(2026, 12, 1);

    // Grantee codes

    [Theory]
    [InlineData("QISVOG-LX9", "default:huawei", "https://fcc.report/FCC-ID/QISVOG-LX9/4179066")]
    [InlineData("SRQ-MF296C", "default:zte", "https://manuals.plus/m/869572bd27ade8f574fee7838656e28d7ed665b5b56bbe146e779bbd045368f9")]
    [InlineData("YAMPD79XISU1", "default:hytera", "https://fcc.report/FCC-ID/YAMPD79XISU1/3268172")]
    [InlineData("2AVYF-IPC-F42FX", "default:dahua", "https://manuals.plus/m/540399e08ecde161fc770f9444db393a1c2a23bfeeead4791c933734cf1f49ea")]
    public async Task ScreenAsync_CoveredGranteeCodeUnderAnotherBrand_ReviewsWithTheFilingAsSource(string fccId, string listed, string source)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = "Wireless device", FccId = fccId });

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().Contain(h => h.Field == "fcc_id" && h.ListedEntityId == listed).Which;
        hit.Evidence.Should().NotBeNull();
        hit.Evidence!.Kind.Should().Be(MatchEvidence.FccGranteeCode);
        hit.Evidence.SourceUrl.Should().Be(source);
        hit.Evidence.Confidence.Should().NotBe(FactConfidence.Uncertain);
    }

    [Theory]
    [InlineData("2ADTD", "default:hikvision")] // a five-character code alone was read as its first three characters
    [InlineData("2adtd", "default:hikvision")]
    [InlineData("FCC ID: 2AVYF", "default:dahua")] // Huacheng's, a Dahua subsidiary
    public async Task ScreenAsync_FccIdFieldHoldingTheGranteeCodeAlone_ReviewsTheGrantee(string fccId, string listed)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = "Wireless device", FccId = fccId });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().Contain(h => h.Field == "fcc_id" && h.ListedEntityId == listed && h.Evidence!.Kind == MatchEvidence.FccGranteeCode);
    }

    [Theory]
    [InlineData("2ADT", "fcc_id \"2ADT\" was not screened: it holds 4 letters and digits, fewer than the 5 of the grantee code")] // cut short
    [InlineData("FCC ID: 2A", "fcc_id \"FCC ID: 2A\" was not screened")]
    [InlineData("SV", "fcc_id \"SV\" was not screened: it holds 2 letters and digits, fewer than the 3 of the grantee code")]
    public async Task ScreenAsync_FccIdTooShortForAGranteeCode_IsClearWithANoteNamingIt(string fccId, string note)
    {
        // Such a value was dropped without a word: the result now says it was not screened.
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = "Wireless device", FccId = fccId });

        result.Decision.Should().Be(ScreeningDecision.Clear);
        result.Notes.Should().ContainSingle().Which.Should().StartWith(note);
    }

    [Theory]
    [InlineData("2ADTD-DS2CD2043G2")]
    [InlineData("N/A")] // says there is none
    [InlineData("none")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ScreenAsync_FccIdReadOrSayingThereIsNone_HasNoNote(string? fccId)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = "Wireless device", FccId = fccId });

        result.Notes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("FCC: 2ADTD-DS2CD2043G2I", "default:hikvision")] // a label without "ID" was read as the code "FCC"
    [InlineData("FCC ID# 2AVYF-IPC-F42FX", "default:dahua")]
    [InlineData("fcc-id 2adtd-5604sd", "default:hikvision")]
    public async Task ScreenAsync_FccIdFieldWithALabel_ReviewsTheGrantee(string fccId, string listed)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = "Wireless device", FccId = fccId });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().Contain(h => h.Field == "fcc_id" && h.Query == fccId && h.ListedEntityId == listed && h.Evidence!.Kind == MatchEvidence.FccGranteeCode);
    }

    [Theory]
    [InlineData("4MP PoE camera, FCC ID: 2ADTD-DS2CD2043G2", "default:hikvision")]
    [InlineData("FCC ID 2ADTD-5604SD 4 channel DVR", "default:hikvision")]
    [InlineData("Wi-Fi camera (FCCID: 2AVYF-IPC-F42FX)", "default:dahua")]
    [InlineData("Indoor camera FCC: 2AVYF-IPC-F42FX", "default:dahua")]
    public async Task ScreenAsync_FccIdPrintedInTheTitle_ReviewsTheGrantee(string title, string listed)
    {
        // A relabelled product's listing that prints its FCC ID names its maker by the grantee code; such titles were Clear.
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = title });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().Contain(h => h.Field == "title" && h.Query == title && h.ListedEntityId == listed && h.Evidence!.Kind == MatchEvidence.FccGranteeCode);
    }

    [Fact]
    public async Task ScreenAsync_FccIdInTheFieldAndInTheTitle_IsMatchedOnceAsTheField()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with
        {
            Brand = "Nexgadget", Title = "4MP PoE camera, FCC ID: 2ADTD-DS2CD2043G2", FccId = "2ADTD-DS2CD2043G2",
        });

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hits = result.Hits.Where(h => h.Evidence!.Kind == MatchEvidence.FccGranteeCode).ToList();
        hits.Should().NotBeEmpty();
        hits.Should().OnlyContain(h => h.Field == "fcc_id", "the title's FCC ID is the field's");
    }

    [Theory]
    [InlineData("FCC certified 4MP camera")] // no ID after the label
    [InlineData("FCC Part 15 compliant camera")]
    [InlineData("FCC: approved camera")] // a label without "ID" before a word without a digit
    [InlineData("FCC ID: QIT-ABC123 camera")] // a grantee code of no covered maker
    public async Task ScreenAsync_TitleWithoutACoveredFccId_IsClear(string title)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = title });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Theory]
    [InlineData("Model: DS-2CD2043G2-I", "default:hikvision")] // the label's letters were read as the model's start
    [InlineData("Model No. IPC-HFW2431S-S-S2", "default:dahua")]
    [InlineData("Item model number: DH-XVR5108HS-I3", "default:dahua")]
    public async Task ScreenAsync_ModelFieldWithALabel_ReviewsAsModelPrefix(string model, string listed)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Generic", Title = "Camera", Model = model });

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hits = result.Hits.Where(h => h.ListedEntityId == listed).ToList();
        hits.Should().NotBeEmpty();
        hits.Should().OnlyContain(h => h.Field == "model" && h.Query == model && h.Evidence!.Kind == MatchEvidence.ModelPrefix);
    }

    [Theory]
    [InlineData("2AD")] // shorter than a five-character code: no grantee code
    [InlineData("2ADT")]
    public async Task ScreenAsync_FccIdTooShortForItsGranteeCode_IsClear(string fccId)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", Title = "Wireless device", FccId = fccId });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_GranteeCodeOfNoCoveredMaker_IsClear()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Nexgadget", FccId = "QIT-ABC123" });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    // Model prefixes in the model field and in titles

    [Theory]
    [InlineData("iDS-2CD7A46G0-IZHSYR DeepinView 4MP bullet camera", "default:hikvision", "iDS-")]
    [InlineData("DS-7616NI-Q2/16P 16 channel PoE NVR", "default:hikvision", "DS-7")]
    [InlineData("DH-XVR5108HS-I3 8 channel Penta-brid DVR", "default:dahua", "DH-XVR")]
    [InlineData("IPC-HDBW5442R-ASE 4MP vandal dome", "default:dahua", "IPC-HDBW")]
    [InlineData("DHI-DB11 video doorbell", "default:dahua", "DHI-")]
    [InlineData("4MP Camera DS2CD2043G2I outdoor", "default:hikvision", "DS-2CD")] // written without its hyphens
    [InlineData("PoE bullet IPCHFW2431S-S-S2", "default:dahua", "IPC-HFW")]
    [InlineData("4MP Turret PoE Camera IPC HDW2431T AS", "default:dahua", "IPC-HDW")] // written with a space for its first hyphen
    [InlineData("DS 2CD2043G2-I 4MP Bullet Camera", "default:hikvision", "DS-2CD")]
    [InlineData("DS 7608NI-K2 NVR, 8 channel", "default:hikvision", "DS-7")]
    public async Task ScreenAsync_ModelNumberInTitle_ReviewsAsModelPrefix(string title, string listed, string prefix)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Generic", Title = title });

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().Contain(h => h.Field == "title" && h.ListedEntityId == listed && h.MatchedName == "model prefix " + prefix).Which;
        hit.Rule.Should().Be("product-identifier");
        hit.Evidence!.Kind.Should().Be(MatchEvidence.ModelPrefix);
        hit.Evidence.SourceUrl.Should().StartWith("http");
    }

    [Fact]
    public async Task ScreenAsync_DeepinViewModelField_MatchesTheIdsPrefix()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Generic", Model = "iDS-2CD7A46G0-IZHSYR" });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().Contain(h => h.Field == "model" && h.MatchedName == "model prefix iDS-" && h.ListedEntityId == "default:hikvision");
    }

    [Theory]
    [InlineData("Synology DiskStation DS220+ 2-Bay NAS")]
    [InlineData("Canon EOS R5 camera body, 45MP")]
    [InlineData("Nikon D850 DSLR camera")]
    [InlineData("Synology DS 220+ NAS")] // two letters and a number: no prefix goes on past the space
    [InlineData("Nintendo DS 2DS XL console")]
    [InlineData("LC 1080P fiber patch cable")]
    [InlineData("iDS 2CD7A46G0 camera")] // the space where iDS- has its hyphen, and nothing after it
    public async Task ScreenAsync_ModelLikeWordsOfOtherMakers_AreClear(string title)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_WeakPrefix_CountsOnlyWithCategoryContext()
    {
        var withContext = await ScreenAsync(ScreeningRequest.ForProduct() with { Title = "16 channel 4K network video recorder NVR", Model = "NVR5216-16P-I" });
        var bare = await ScreenAsync(ScreeningRequest.ForProduct() with { Model = "NVR5216-16P-I" });
        var router = await ScreenAsync(ScreeningRequest.ForProduct() with { Title = "4G LTE mobile WiFi router", Model = "MF296C" });
        var other = await ScreenAsync(ScreeningRequest.ForProduct() with { Title = "Hand cream 50 ml", Model = "MF296C" });

        withContext.Decision.Should().Be(ScreeningDecision.Review);
        withContext.Hits.Should().Contain(h => h.MatchedName == "model prefix NVR5#" && h.Features.Any(f => f.Feature == "product-category"));
        bare.Decision.Should().Be(ScreeningDecision.Clear);
        router.Decision.Should().Be(ScreeningDecision.Review);
        router.Hits.Should().Contain(h => h.ListedEntityId == "default:zte" && h.MatchedName == "model prefix MF#");
        other.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_LorexModelWhileDahuaMadeLorexProducts_Reviews_ButNotAfterTheSale()
    {
        var listing = ScreeningRequest.ForProduct() with { Title = "4K Ultra HD 8-channel security NVR", Model = "N843" };

        var in2021 = await ScreenAsync(listing with { AsOf = new DateOnly(2021, 6, 1) });
        var in2026 = await ScreenAsync(listing with { AsOf = new DateOnly(2026, 6, 1) });

        in2021.Decision.Should().Be(ScreeningDecision.Review);
        in2021.Hits.Should().Contain(h => h.Field == "model" && h.EntityId == "default:lorex" && h.ListedEntityId == "default:dahua"
            && h.Features.Any(f => f.Feature == "valid-dates"));
        in2026.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_LorexBrand_BlocksWhileOwnedByDahua_AndReviewsAfter()
    {
        var listing = ScreeningRequest.ForProduct() with { Brand = "Lorex", Title = "Lorex 4K 8-channel security NVR", Model = "N843" };

        var in2021 = await ScreenAsync(listing with { AsOf = new DateOnly(2021, 6, 1) });
        var in2026 = await ScreenAsync(listing with { AsOf = new DateOnly(2026, 6, 1) });

        in2021.Decision.Should().Be(ScreeningDecision.Block);
        in2026.Decision.Should().Be(ScreeningDecision.Review);
        in2026.Hits.Should().NotContain(h => h.Field == "model");
    }

    // Uncertain relabel claims: Review only, with the unconfirmed tie and its source

    [Fact]
    public async Task ScreenAsync_AnnkeRecorder_ReviewsWithTheUnconfirmedTie()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Title = "ANNKE 8CH 5MP Lite H.265+ DVR security recorder, 1TB HDD" });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.DecidingRule.Should().Be("uncertain-fact");
        result.Reason.Should().Contain("unconfirmed").And.Contain(AnnkeSource);
        var hit = result.Hits.Should().Contain(h => h.EntityId == "default:annke" && h.ListedEntityId == "default:hikvision").Which;
        hit.Evidence!.Kind.Should().Be(MatchEvidence.TitleMention);
        hit.Evidence.Confidence.Should().Be(FactConfidence.Uncertain);
        hit.Evidence.SourceUrl.Should().Be(AnnkeSource);
        hit.Evidence.Categories.Should().Equal(ProductCategories.VideoSurveillance);
        result.Hits.Should().NotContain(h => h.Decision == ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenAsync_AmcrestCamera_ReviewsOnBrandAndModel()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with
        {
            Brand = "Amcrest",
            Title = "Amcrest 4MP ProHD outdoor security POE IP camera",
            Model = "IP4M-1041B",
        });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().OnlyContain(h => h.Decision == ScreeningDecision.Review && h.Rule == "uncertain-fact");
        result.Hits.Should().Contain(h => h.Field == "brand" && h.Evidence!.Kind == MatchEvidence.Name && h.Evidence.SourceUrl == "https://github.com/rroller/dahua");
        result.Hits.Should().Contain(h => h.Field == "model" && h.Evidence!.Kind == MatchEvidence.ModelPrefix && h.Evidence.Confidence == FactConfidence.Uncertain);
        result.Hits.Should().OnlyContain(h => h.Reason!.Contains("unconfirmed"));
    }

    [Fact]
    public async Task ScreenAsync_AmcrestDoorbellAd410_IsTiedToImou()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Title = "Video doorbell 2K", Model = "AD410" });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().Contain(h => h.EntityId == "default:amcrest-ad410" && h.ListedEntityId == "default:dahua" && h.Rule == "uncertain-fact");
    }

    // Product-category scope

    [Theory]
    [InlineData("Samsung", "Samsung Galaxy S24 Ultra 5G smartphone, 256GB, titanium black")]
    [InlineData("Samsung", "Samsung Galaxy Tab S9 11-inch")]
    [InlineData("Stanley", "STANLEY 25 ft PowerLock tape measure")]
    [InlineData("Stanley", "Stanley Classic vacuum bottle 1.1 qt")]
    [InlineData(null, "Swann-Morton No. 10 sterile scalpel blades, pack of 100")]
    [InlineData("Tyco", "Tyco RC 1:10 remote control car")]
    [InlineData("Honeywell", "Honeywell Home T9 smart thermostat")]
    [InlineData("Panasonic", "Panasonic Lumix G7 digital camera body")]
    public async Task ScreenAsync_BrandsOfUnrelatedGoodsOutsideScope_AreClear(string? brand, string title)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = brand, Title = title });

        result.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Theory]
    [InlineData("Swann 4K 8-channel NVR security system with 4 cameras", "default:swann", "default:hikvision")]
    [InlineData("Galaxy Hunter Series 2MP network dome camera", "default:galaxy", "default:dahua")]
    [InlineData("Stanley 1080p wireless security camera", "default:stanley", "default:hikvision")]
    [InlineData("Intelbras 1080p IP camera", "default:intelbras", "default:dahua")]
    public async Task ScreenAsync_SameBrandsOnVideoSurveillanceProducts_ReviewWithTheCategoryExplained(string title, string entity, string listed)
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Title = title });

        result.Decision.Should().Be(ScreeningDecision.Review);
        var hit = result.Hits.Should().Contain(h => h.EntityId == entity && h.ListedEntityId == listed).Which;
        hit.Features.Should().Contain(f => f.Feature == "product-category");
        hit.Evidence!.Categories.Should().Contain(ProductCategories.VideoSurveillance);
    }

    [Theory]
    [InlineData("video-surveillance", ScreeningDecision.Review)]
    [InlineData("Security Cameras & Surveillance", ScreeningDecision.Review)]
    [InlineData("Kitchen & Dining", ScreeningDecision.Clear)]
    [InlineData("telecom", ScreeningDecision.Clear)]
    public async Task ScreenAsync_GivenCategory_DecidesTheScope(string category, ScreeningDecision expected)
    {
        // The title alone would read as a camera; the category given wins.
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Swann", Title = "Swann camera", Category = category });

        result.Decision.Should().Be(expected);
    }

    [Fact]
    public async Task ScreenAsync_BrandOnlyWithoutCategory_AppliesNoScopedTie()
    {
        var swann = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Swann" });
        var annke = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "ANNKE" });

        swann.Decision.Should().Be(ScreeningDecision.Clear);
        annke.Decision.Should().Be(ScreeningDecision.Review, "ANNKE sells only video-surveillance products, so its tie is not scoped");
    }

    [Theory]
    [InlineData("Stanley Black & Decker, Inc.")]
    [InlineData("Tyco Fire Products LP")]
    [InlineData("Honeywell International Inc.")]
    public async Task ScreenAsync_PartyWithOnlyAScopedProductTie_IsClear(string name)
    {
        (await ScreenAsync(ScreeningRequest.ForParty(name))).Decision.Should().Be(ScreeningDecision.Clear);
    }

    // Official and reported ties

    [Fact]
    public async Task ScreenAsync_PowerTrunk_BlocksAsHyteraSubsidiary()
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("PowerTrunk, Inc."));

        result.Decision.Should().Be(ScreeningDecision.Block);
        result.Hits[0].ListedEntityId.Should().Be("default:hytera");
        result.Hits[0].Evidence!.SourceUrl.Should().Be("https://vdocuments.mx/a-gcc-representative-officeaustin-of-duane-morris.html");
    }

    [Fact]
    public async Task ScreenAsync_Uniview_IsEntityListReview_NotACoveredMaker()
    {
        var result = await ScreenAsync(ScreeningRequest.ForParty("Zhejiang Uniview Technologies Co., Ltd."));

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().OnlyContain(h => h.ListedEntityId == "default:uniview");
        result.Hits[0].Listings.Should().ContainSingle().Which.ListId.Should().Be("us-bis-entity-list");
    }

    [Fact]
    public async Task ScreenAsync_UniviewOemBrand_ReviewsOnlyForVideoProducts()
    {
        var camera = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Neutron", Title = "Neutron 4MP IP camera" });
        var other = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Neutron", Title = "Neutron fishing line 300 m" });

        camera.Decision.Should().Be(ScreeningDecision.Review);
        camera.Hits.Should().OnlyContain(h => h.ListedEntityId == "default:uniview" && h.Rule == "uncertain-fact");
        other.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_HoneywellCamera_ReportedTieUntil2022_ThenOnlyTheUncertainOne()
    {
        var camera = ScreeningRequest.ForProduct() with { Brand = "Honeywell", Title = "Honeywell Performance series 4MP IP bullet camera" };

        var in2021 = await ScreenAsync(camera with { AsOf = new DateOnly(2021, 6, 1) });
        var in2026 = await ScreenAsync(camera with { AsOf = Today });

        in2021.Decision.Should().Be(ScreeningDecision.Review);
        in2021.Hits.Should().Contain(h => h.Rule == "relabel-evidence" && h.Evidence!.SourceUrl == "https://ipvm.com/reports/honey-dahua");
        in2026.Decision.Should().Be(ScreeningDecision.Review);
        in2026.Hits.Should().NotContain(h => h.Evidence!.SourceUrl == "https://ipvm.com/reports/honey-dahua");
        in2026.Hits.Should().OnlyContain(h => h.Rule == "uncertain-fact");
    }

    [Fact]
    public async Task ScreenAsync_FlirVisibleLightLine_ReviewsFromTheSale_ButNotThermalCameras()
    {
        var nvr = ScreeningRequest.ForProduct() with { Brand = "FLIR", Title = "FLIR 4K 8-channel NVR security system" };

        var before = await ScreenAsync(nvr with { AsOf = new DateOnly(2017, 6, 1) });
        var after = await ScreenAsync(nvr with { AsOf = new DateOnly(2019, 6, 1) });
        var thermal = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "FLIR", Title = "FLIR ONE Pro thermal camera for smartphones", AsOf = new DateOnly(2019, 6, 1) });

        before.Decision.Should().Be(ScreeningDecision.Clear);
        after.Decision.Should().Be(ScreeningDecision.Review);
        after.Hits.Should().Contain(h => h.EntityId == "default:flir-visible" && h.Rule == "relabel-evidence" && h.Evidence!.Confidence == FactConfidence.Reported);
        thermal.Decision.Should().Be(ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenAsync_BoschLineWithdrawnUnderNdaa_ReviewsWithoutNamingAMaker()
    {
        var result = await ScreenAsync(ScreeningRequest.ForProduct() with { Brand = "Bosch", Title = "Bosch DIVAR network 5000 recorder, 16 channels" });

        result.Decision.Should().Be(ScreeningDecision.Review);
        result.Hits.Should().OnlyContain(h => h.EntityId == "default:bosch-ndaa-withdrawn" && h.Rule == "uncertain-fact");
    }

    private async Task<ScreeningResult> ScreenAsync(ScreeningRequest request)
    {
        var result = await Engine.Value.ScreenAsync(request.AsOf is null ? request with { AsOf = Today } : request);
        output.WriteLine($"{request} => {result.Decision} [{result.DecidingRule}] {result.Reason}");
        foreach (var hit in result.Hits)
        {
            output.WriteLine($"  {hit.Decision} {hit.Field} \"{hit.Query}\" ~ \"{hit.MatchedName}\" -> {hit.ListedEntityName} [{hit.Rule}] "
                + $"{hit.Evidence?.Kind} {hit.Evidence?.Confidence} {hit.Evidence?.SourceUrl} ({string.Join(",", hit.Evidence?.Categories ?? [])})");
        }

        return result;
    }
}
