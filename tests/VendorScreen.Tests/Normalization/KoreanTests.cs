using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

/// <summary>Korean names: the legal forms of the Commercial Act read as legal forms, and the English words of company names written
/// in Hangul romanised as those words, written apart or at the start or the end of a word.</summary>
public sealed class KoreanTests
{
    [Theory]
    [InlineData("하이크비전 코리아", "ha i keu bi jeon korea")]
    [InlineData("하이크비전코리아", "ha i keu bi jeon korea")]
    [InlineData("주식회사 하이크비전코리아", "corp ha i keu bi jeon korea")]
    [InlineData("(주)하이크비전", "corp ha i keu bi jeon")]
    [InlineData("㈜하이크비전", "corp ha i keu bi jeon")]
    [InlineData("삼성전자주식회사", "sam seong jeon ja corp")]
    [InlineData("주식회사삼성", "corp sam seong")]
    [InlineData("유한회사 다후아", "ltd da hu a")]
    [InlineData("다후아 테크놀로지", "da hu a technology")]
    [InlineData("화웨이 테크놀로지스", "hwa we i technologies")]
    [InlineData("글로벌 시스템즈 그룹 하나", "global systems group ha na")]
    public void Normalize_KoreanCompanyName_FormsAndEnglishWordsRead(string name, string expectedKey)
    {
        var romanised = NameNormalizer.Normalize(name).Where(v => v.IsTransliteration && !v.IsSecondarySpelling).Should().ContainSingle().Which;

        romanised.Key.Should().Be(expectedKey);
        romanised.SourceScript.Should().Be(NameScript.Hangul);
    }

    [Theory]
    [InlineData("코리아", nameof(TokenClass.Location))]
    [InlineData("테크놀로지", nameof(TokenClass.Generic))]
    [InlineData("주식회사", nameof(TokenClass.LegalForm))]
    public void Normalize_KoreanWord_HasTheClassOfItsEnglishWord(string word, string expected)
    {
        var romanised = NameNormalizer.Normalize("하이크비전 " + word).First(v => v.IsTransliteration);

        romanised.Tokens[^1].Class.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("김정은", "gim jeong eun")] // a person's name holds none of those words
    [InlineData("대코리아", "dae ko li a")] // one syllable left: a word that merely ends so
    [InlineData("그룹사", "geu lub sa")] // the word starts so with one syllable left
    [InlineData("차이나", "cha i na")] // only such a word: also a name ("Chyna"), compared by sound
    [InlineData("코리아 그룹", "ko li a geu lub")]
    public void Normalize_ShortRestOrNoSuchWord_SyllablesAsWritten(string name, string expectedKey)
    {
        var romanised = NameNormalizer.Normalize(name).First(v => v.IsTransliteration && !v.IsSecondarySpelling);

        romanised.Key.Should().Be(expectedKey);
    }

    [Fact]
    public void RewriteLegalForms_NoForm_ReturnsTheSameText()
    {
        const string text = "하이크비전";

        Korean.RewriteLegalForms(text).Should().BeSameAs(text);
        Korean.RewriteLoanwords(text).Should().BeSameAs(text);
    }
}
