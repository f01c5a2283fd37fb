using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

public sealed class SymbolLettersTests
{
    [Theory]
    [InlineData("H!KV!S!ON 4MP camera", "HIKVISION 4MP camera")]
    [InlineData("HIKVI$ION", "HIKVISION")]
    [InlineData("D@HUA", "DAHUA")]
    [InlineData("D@hua store", "Dahua store")] // the letter's case follows its neighbours'
    [InlineData("NEW!Hikvision", "NEWIHikvision")] // read besides as written (see Normalize below)
    [InlineData("Ç@D", "ÇAD")] // a Latin letter with an accent is a letter
    [InlineData("H|KVISION", "HIKVISION")] // a bar between capitals is a capital I
    [InlineData("Hikvision De|l", "Hikvision Dell")] // else a small l
    [InlineData("EZVlZ C6N camera", "EZVIZ C6N camera")] // a small l among capitals
    [InlineData("lMOU Ranger 2", "IMOU Ranger 2")]
    [InlineData("HlKV!SlON", "HIKVISION")]
    public void Read_ASymbolBetweenTwoLetters_IsReadAsItsLetter(string text, string expected)
    {
        SymbolLetters.Read(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("Hikvision camera")] // no symbol
    [InlineData("Yahoo! camera")] // punctuation after a word
    [InlineData("US$5 camera")] // a currency before a number
    [InlineData("@dahua official")] // a handle
    [InlineData("sales@dahua.com")] // an e-mail address
    [InlineData("H!!KVISION")] // two symbols
    [InlineData("A & B! C")]
    [InlineData("Brand | Model")] // a bar between words
    [InlineData("Hl Ltd")] // one capital
    [InlineData("McLaren Global LLC")] // small letters besides the l
    [InlineData("DEALS lot")]
    [InlineData("!")]
    [InlineData("")]
    public void Read_NoSymbolBetweenTwoLetters_ReadsNothing(string text)
    {
        SymbolLetters.Read(text).Should().BeNull();
    }

    [Theory]
    [InlineData("H!KV!S!ON 4MP camera", "h kv s on 4mp camera", "hikvision 4mp camera")]
    [InlineData("D@HUA", "d hua", "dahua")]
    [InlineData("NEW!Hikvision camera", "new hikvision camera", "newihikvision camera")]
    public void Normalize_ANameWithSymbolsForLetters_IsReadAsWrittenAndWithTheLetters(string name, string asWritten, string read)
    {
        var keys = NameNormalizer.Normalize(name).Select(v => v.Key).ToList();

        keys[0].Should().Be(asWritten);
        keys.Should().Contain(read);
    }

    [Fact]
    public void Normalize_AnEmailAddress_HasNoFormWithItsAtReadAsALetter()
    {
        NameNormalizer.Normalize("sales@dahua.com").Select(v => v.Key).Should().NotContain(k => k.Contains("salesa", StringComparison.Ordinal));
    }
}
