using FluentAssertions;
using VendorScreen.Normalization;
using Xunit;

namespace VendorScreen.Tests.Normalization;

public sealed class ChineseRomanizationTests
{
    [Theory]
    [InlineData("hsi", "xi")]
    [InlineData("chin", "jin")]
    [InlineData("chin", "qin")]
    [InlineData("ping", "ping")]
    [InlineData("ping", "bing")]
    [InlineData("tse", "ze")]
    [InlineData("tung", "dong")]
    [InlineData("tung", "tong")]
    [InlineData("mao", "mao")]
    [InlineData("chih", "zhi")]
    [InlineData("shih", "shi")]
    [InlineData("jen", "ren")]
    [InlineData("tzu", "zi")]
    [InlineData("ssu", "si")]
    [InlineData("hsueh", "xue")]
    [InlineData("hsien", "xian")]
    [InlineData("lieh", "lie")]
    [InlineData("kuo", "guo")]
    [InlineData("ko", "ge")]
    [InlineData("to", "duo")]
    [InlineData("yen", "yan")]
    [InlineData("yu", "you")]
    [InlineData("yung", "yong")]
    [InlineData("chiang", "jiang")]
    [InlineData("kuei", "gui")]
    [InlineData("erh", "er")]
    [InlineData("chung", "zhong")]
    public void PinyinReadings_WadeGilesSyllable_IncludesThePinyin(string wadeGiles, string pinyin) =>
        ChineseRomanization.PinyinReadings(wadeGiles).Should().Contain(pinyin);

    [Theory]
    [InlineData("chin", "zhin")]
    [InlineData("chi", "zhi")]
    [InlineData("ko", "guo")]
    [InlineData("tzu", "zu")]
    public void PinyinReadings_WadeGilesSyllable_ExcludesWhatItNeverStandsFor(string wadeGiles, string pinyin) =>
        ChineseRomanization.PinyinReadings(wadeGiles).Should().NotContain(pinyin);

    [Theory]
    [InlineData("putin")]
    [InlineData("smith")]
    [InlineData("xi")]
    [InlineData("zhang")]
    [InlineData("qing")]
    [InlineData("")]
    [InlineData("HSI")]
    [InlineData("hsi-")]
    public void PinyinReadings_NotAWadeGilesSyllable_IsEmpty(string text)
    {
        ChineseRomanization.IsWadeGilesSyllable(text).Should().BeFalse();
        ChineseRomanization.PinyinReadings(text).Should().BeEmpty();
    }

    [Theory]
    [InlineData("hsi", true)]
    [InlineData("tse", true)]
    [InlineData("tung", true)]
    [InlineData("chih", true)]
    [InlineData("hsueh", true)]
    [InlineData("chin", false)]
    [InlineData("ping", false)]
    [InlineData("mao", false)]
    [InlineData("chang", false)]
    [InlineData("putin", false)]
    public void IsDistinctive_OnlyWadeGilesSpellsIt(string syllable, bool expected) =>
        ChineseRomanization.IsDistinctive(syllable).Should().Be(expected);

    [Fact]
    public void PinyinReadings_Null_IsRefused()
    {
        var act = () => ChineseRomanization.PinyinReadings(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("syllable");
    }
}
