using FluentAssertions;
using VendorScreen.Screening;

namespace VendorScreen.Tests.Screening;

public sealed class ProductContextTests
{
    [Theory]
    [InlineData("ANNKE 8CH 5MP DVR security recorder", ProductCategories.VideoSurveillance)]
    [InlineData("Wireless video doorbell 2K", ProductCategories.VideoSurveillance)]
    [InlineData("4MP PTZ dome, 25x zoom", ProductCategories.VideoSurveillance)]
    [InlineData("海康威视 网络摄像机", ProductCategories.VideoSurveillance)]
    [InlineData("螢石 C6CN 網路攝影機", ProductCategories.VideoSurveillance)] // "network camera" as Taiwan writes it
    [InlineData("監視攝影機 1080P", ProductCategories.VideoSurveillance)]
    [InlineData("4G LTE mobile WiFi hotspot", ProductCategories.Telecom)]
    [InlineData("Two-way radio, DMR, 5 W", ProductCategories.Radio)]
    [InlineData("Walkie-talkie set", ProductCategories.Radio)]
    [InlineData("Mini drone with 4K camera", ProductCategories.VideoSurveillance + " " + ProductCategories.Drones)]
    public void For_TitleWords_GiveTheCategories(string title, string expected)
    {
        var context = ProductContext.For(ScreeningRequest.ForProduct() with { Title = title });

        context.IsKnown.Should().BeTrue();
        context.Categories.Should().Equal(expected.Split(' '));
        context.Explanation.Should().Contain("read from");
    }

    [Theory]
    [InlineData("STANLEY 25 ft PowerLock tape measure")]
    [InlineData("Panasonic Lumix G7 mirrorless digital camera body")]
    [InlineData("Camcorder 4K with 16x zoom")]
    [InlineData("Headphones, over-ear")]
    public void For_TitleWithoutCategoryWords_IsUnknown(string title)
    {
        var context = ProductContext.For(ScreeningRequest.ForProduct() with { Title = title });

        context.IsKnown.Should().BeFalse();
        context.Categories.Should().BeEmpty();
    }

    [Fact]
    public void For_GivenCategory_WinsOverTheTitle()
    {
        var known = ProductContext.For(ScreeningRequest.ForProduct() with { Title = "camera", Category = "telecom" });
        var text = ProductContext.For(ScreeningRequest.ForProduct() with { Title = "router", Category = "Home Security Cameras" });
        var other = ProductContext.For(ScreeningRequest.ForProduct() with { Title = "camera", Category = "Garden tools" });

        known.Categories.Should().Equal(ProductCategories.Telecom);
        text.Categories.Should().Equal(ProductCategories.VideoSurveillance);
        other.IsKnown.Should().BeTrue();
        other.Categories.Should().BeEmpty();
        other.InScope([ProductCategories.VideoSurveillance]).Should().BeFalse();
        other.InScope([]).Should().BeTrue();
    }

    [Fact]
    public void For_Party_IsUnknown()
    {
        ProductContext.For(ScreeningRequest.ForParty("Swann Communications")).Should().BeSameAs(ProductContext.Unknown);
    }

    [Fact]
    public void Admits_WeakScopedAndDatedIdentifiers()
    {
        var camera = ProductContext.For(ScreeningRequest.ForProduct() with { Title = "security camera" });
        var unknown = ProductContext.Unknown;
        var weak = new EntityIdentifier(IdentifierSchemes.ModelPrefix, "N8##") { Weak = true, Scope = [ProductCategories.VideoSurveillance], ValidTo = FactDate.Parse("2023-02") };
        var weakAnywhere = new EntityIdentifier(IdentifierSchemes.ModelPrefix, "XY#") { Weak = true };
        var plain = new EntityIdentifier(IdentifierSchemes.ModelPrefix, "DS-");

        camera.Admits(weak, new DateOnly(2021, 1, 1)).Should().BeTrue();
        camera.Admits(weak, new DateOnly(2024, 1, 1)).Should().BeFalse();
        unknown.Admits(weak, new DateOnly(2021, 1, 1)).Should().BeFalse();
        camera.Admits(weakAnywhere, new DateOnly(2021, 1, 1)).Should().BeTrue();
        unknown.Admits(weakAnywhere, new DateOnly(2021, 1, 1)).Should().BeFalse();
        unknown.Admits(plain, new DateOnly(2021, 1, 1)).Should().BeTrue();
    }

    [Fact]
    public void ModelTokens_KeepModelLikeWordsOnly()
    {
        ProductContext.ModelTokens("Hikvision iDS-2CD7A46G0-IZHSYR (4MP), DS-7616NI-Q2/16P NVR, 4K 1080p camera H.265+")
            .Should().Equal("iDS-2CD7A46G0-IZHSYR", "DS-7616NI-Q2", "1080p", "H.265");
        ProductContext.ModelTokens(null).Should().BeEmpty();
    }

    [Fact]
    public void NamesOfAField_PartsTheNamesAFieldGivesBySlashesOrBars()
    {
        ProductContext.NamesOfAField("Hikvision/EZVIZ").Should().Equal("Hikvision", "EZVIZ");
        ProductContext.NamesOfAField("Dahua | Imou / Lorex").Should().Equal("Dahua", "Imou", "Lorex");
        ProductContext.NamesOfAField("Hikvision").Should().BeEmpty();
        ProductContext.NamesOfAField("Acme A/S").Should().BeEmpty(); // a part of a single letter: one name
        ProductContext.NamesOfAField("N/A").Should().BeEmpty();
        ProductContext.NamesOfAField("Hikvision/").Should().BeEmpty();
        ProductContext.NamesOfAField(null).Should().BeEmpty();
    }

    [Fact]
    public void ReadingsOfAField_WithoutItsLabel_BeforeAnAddress_AndItsNames()
    {
        ProductContext.ReadingsOfAField("Manufacturer: Hikvision").Should().Equal("Hikvision");
        ProductContext.ReadingsOfAField("Made by Hikvision").Should().Equal("Hikvision");
        ProductContext.ReadingsOfAField("OEM: Dahua").Should().Equal("Dahua");
        ProductContext.ReadingsOfAField("Mfr.: Hikvision/EZVIZ").Should().Equal("Hikvision/EZVIZ", "Hikvision", "EZVIZ");
        ProductContext.ReadingsOfAField("Hangzhou Hikvision Digital Technology Co., Ltd., No.555 Qianmo Road, Hangzhou")
            .Should().Equal("Hangzhou Hikvision Digital Technology Co., Ltd.");
        ProductContext.ReadingsOfAField("Acme Inc. Address: 1 Main St").Should().Equal("Acme Inc.");
        ProductContext.ReadingsOfAField("Hikvision/EZVIZ").Should().Equal("Hikvision", "EZVIZ");
        ProductContext.ReadingsOfAField("Hikvision").Should().BeEmpty(); // read as given only
        ProductContext.ReadingsOfAField("Acme Co., Ltd.").Should().BeEmpty(); // a legal form at the end: no address after it
        ProductContext.ReadingsOfAField("Brand new camera").Should().BeEmpty(); // "Brand" without a colon is a word
        ProductContext.ReadingsOfAField("Made by").Should().BeEmpty();
        ProductContext.ReadingsOfAField(null).Should().BeEmpty();
    }

    [Fact]
    public void FccIdsInText_FindsTheIdsAfterTheirLabel()
    {
        ProductContext.FccIdsInText("4MP camera, FCC ID: 2ADTD-DS2CD2043G2, FCC ID 2ADTD-DS2CD2043G2").Should().Equal("2ADTD-DS2CD2043G2");
        ProductContext.FccIdsInText("Camera (FCCID:SVN-IPC) and FCC-ID# 2AVYF-IPC-F42FX.").Should().Equal("SVN-IPC", "2AVYF-IPC-F42FX");
        ProductContext.FccIdsInText("Camera FCC: 2AVYF-IPC").Should().Equal("2AVYF-IPC");
        ProductContext.FccIdsInText("FCC ID No. QISVOG-LX9 phone").Should().Equal("QISVOG-LX9");
        ProductContext.FccIdsInText("FCC certified, FCC Part 15, FCC: approved").Should().BeEmpty();
        ProductContext.FccIdsInText("NFCC ID: 2ADTD").Should().BeEmpty(); // not the label
        ProductContext.FccIdsInText(null).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Model: DS-2CD2043G2-I", "DS-2CD2043G2-I")]
    [InlineData("Model No. IPC-HFW2431S", "IPC-HFW2431S")]
    [InlineData("model number DS-7608NI", "DS-7608NI")]
    [InlineData("Item model number: DH-XVR5108HS", "DH-XVR5108HS")]
    [InlineData("P/N: DS-2CD2043G2-I", "DS-2CD2043G2-I")]
    [InlineData("Part #DS-7608NI", "DS-7608NI")]
    [InlineData("FCC ID: 2ADTD", "2ADTD")]
    [InlineData("FCC: 2ADTD-5604SD", "2ADTD-5604SD")]
    [InlineData("FCCID 2ADTD", "2ADTD")]
    [InlineData("DS-2CD2043G2-I", "DS-2CD2043G2-I")] // no label
    [InlineData("Model 3", "Model 3")] // a word, not a label: no colon, hash or number word
    [InlineData("Model:", "Model:")] // nothing after the label
    [InlineData("MODELDS2CD", "MODELDS2CD")]
    public void WithoutLabel_LeavesOutAFieldsLabel(string value, string expected)
    {
        ProductContext.WithoutLabel(value).Should().Be(expected);
    }

    [Theory]
    [InlineData("2ADTD-DS2CD2043G2", "2ADTD")]
    [InlineData("FCC ID: svn-ipc", "SVN")]
    [InlineData("fccid 2avyf", "2AVYF")]
    [InlineData("2ADT", null)] // too short
    [InlineData("NONE", null)] // says there is none
    [InlineData("n/a", null)]
    [InlineData(null, null)]
    public void GranteeCodeOf_ReadsTheCodeAnFccIdStartsWith(string? fccId, string? expected)
    {
        ProductContext.GranteeCodeOf(fccId).Should().Be(expected);
    }

    [Fact]
    public void SpacedModelWords_PairAShortWordOfLettersWithAWordThatHasADigit()
    {
        ProductContext.SpacedModelWords("4MP PoE IPC HDW2431T AS, DS 2CD2043G2-I. DS 2CD2043G2-I with 30m IR and H.265")
            .Should().Equal(("IPC", "HDW2431T"), ("DS", "2CD2043G2-I"), ("with", "30m"), ("and", "H.265"));
        ProductContext.SpacedModelWords("Camera with IR LEDs, 1080p").Should().BeEmpty();
        ProductContext.SpacedModelWords("HDW2431T IPC").Should().BeEmpty();
        ProductContext.SpacedModelWords(null).Should().BeEmpty();
    }
}
