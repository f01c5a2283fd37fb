using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

public sealed class LookAlikeLettersTests
{
    [Theory]
    [InlineData("\u041DIKVISION 4MP camera", "HIKVISION 4MP camera")] // a Cyrillic En
    [InlineData("D\u0410HUA", "DAHUA")] // a Cyrillic A
    [InlineData("\u0397\u0399\u039AVISION", "HIKVISION")] // Greek Eta, Iota and Kappa
    [InlineData("\u0435zviz store", "ezviz store")] // a small Cyrillic e
    [InlineData("\u0421.A.D. S.A.", "C.A.D. S.A.")] // a word is what a reader sees as one
    [InlineData("\u0412-FINANCE LTD", "B-FINANCE LTD")]
    [InlineData("KANG, \u0420'il-Hun", "KANG, P'il-Hun")]
    [InlineData("\u0416\u0443\u043A.D\u0410HUA", "\u0416yk.DAHUA")] // a letter that looks like no Latin one (Ж) ends a word
    [InlineData("\u0413\u0430\u0437\uFFFD\u043E\u043Cde5", "\u0413\u0430\u0437\uFFFDomde5")]
    public void ReadMixedWords_ALatinWordWithLookAlikeLetters_IsReadInLatinLetters(string text, string expected)
    {
        LookAlikeLetters.ReadMixedWords(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("HIKVISION camera")] // Latin only
    [InlineData("\u041D\u0410\u0422\u041E")] // a word all in Cyrillic is a Cyrillic word ("НАТО")
    [InlineData("\u041E\u041E\u041E Hikvision")] // a Cyrillic word beside a Latin one
    [InlineData("Dahua/\u0414\u0430\u0445\u0443\u0430")] // a Cyrillic letter that looks like no Latin one (Д): left as written
    [InlineData("Hikvision \u0416K")]
    public void ReadMixedWords_NoWordMixesLatinWithLookAlikes_ReadsNothing(string text)
    {
        LookAlikeLetters.ReadMixedWords(text).Should().BeNull();
    }

    [Theory]
    [InlineData("\u041DIKVISION", "hikvision")]
    [InlineData("\u0397\u0399\u039AVISION DIGITAL TECHNOLOGY", "hikvision digital technology")]
    public void Normalize_AWordWithLookAlikeLetters_IsTheLatinWordAlone(string name, string expected)
    {
        var forms = NameNormalizer.Normalize(name);

        forms.Should().ContainSingle().Which.Key.Should().Be(expected);
        forms[0].IsTransliteration.Should().BeFalse();
    }

    [Fact]
    public void Normalize_AWordAllInCyrillic_IsStillTransliteratedBySound()
    {
        NameNormalizer.Normalize("\u041D\u0410\u0422\u041E").Select(f => f.Key).Should().Contain("nato");
    }

    [Fact]
    public void ReadEnclosedCapitals_ReadsTheCapitalsDrawnOnABlackCircleOrSquare()
    {
        LookAlikeLetters.ReadEnclosedCapitals("\U0001F177\U0001F178\U0001F17A\U0001F185\U0001F178\U0001F182\U0001F178\U0001F17E\U0001F17D camera")
            .Should().Be("HIKVISION camera");
        LookAlikeLetters.ReadEnclosedCapitals("\U0001F153\U0001F150\U0001F157\U0001F164\U0001F150").Should().Be("DAHUA");
        LookAlikeLetters.ReadEnclosedCapitals("Dahua \U0001F1E8\U0001F1F3 \U0001F600").Should().BeNull(); // a flag and a face are no letters
        LookAlikeLetters.ReadEnclosedCapitals("Hikvision").Should().BeNull();
    }
}
