using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

public sealed class JapaneseTests
{
    private const double ReviewThreshold = 0.80;

    [Theory]
    [InlineData("ソニー", "soni")]
    [InlineData("トヨタ", "toyota")]
    [InlineData("キャノン", "kyanon")]
    [InlineData("キヤノン", "kiyanon")]
    [InlineData("ジャパン", "japan")]
    [InlineData("シャチョウ", "shachou")]
    [InlineData("チョコ", "choko")]
    [InlineData("アップル", "appuru")]
    [InlineData("マッチ", "matchi")]
    [InlineData("ファーウェイ", "fawei")]
    [InlineData("ティファニー", "tifani")]
    [InlineData("ディズニー", "dizuni")]
    [InlineData("ヴィトン", "viton")]
    [InlineData("イェール", "yeru")]
    [InlineData("シェル", "sheru")]
    [InlineData("コンピューター", "kompyuta")]
    [InlineData("シンボル", "shimboru")]
    [InlineData("みずほ", "mizuho")]
    [InlineData("ぎゅうにゅう", "gyuunyuu")]
    [InlineData("ニンテンドー", "nintendo")]
    public void Romanize_Hepburn(string kana, string expected) => Japanese.Romanize(kana).Should().Be(expected);

    [Theory]
    [InlineData("ソニーグループ株式会社", "soni group corp")]
    [InlineData("株式会社ソニー", "corp soni")]
    [InlineData("(株)トヨタ", "corp toyota")]
    [InlineData("㈱トヨタ", "corp toyota")]
    [InlineData("トヨタ自動車株式会社", "toyota motor corp")]
    [InlineData("ﾄﾖﾀ自動車", "toyota motor")]
    [InlineData("有限会社サクラ", "ltd sakura")]
    [InlineData("合同会社サクラ", "llc sakura")]
    [InlineData("合資会社サクラ", "lp sakura")]
    [InlineData("合名会社サクラ", "co sakura")]
    [InlineData("コカ・コーラ", "koka kora")]
    [InlineData("みずほ銀行", "mizuho bank")]
    [InlineData("ソニーのテレビ", "soni no terebi")]
    public void Normalize_JapaneseText_ScriptRunsAsTokensAndLegalForms(string name, string expectedKey)
    {
        var variants = NameNormalizer.Normalize(name);

        var latin = variants.Should().Contain(v => v.IsTransliteration).Which;
        latin.Key.Should().Be(expectedKey);
        latin.SourceScript.Should().Be(NameScript.Kana);
    }

    [Theory]
    [InlineData("株式会社", "corp")]
    [InlineData("有限会社", "ltd")]
    [InlineData("合同会社", "llc")]
    public void Normalize_JapaneseLegalForm_IsALegalFormToken(string form, string compare)
    {
        var native = NameNormalizer.Normalize("サクラ" + form)[0];

        native.Tokens.Should().Contain(new NameToken(compare, TokenClass.LegalForm));
    }

    [Theory]
    [InlineData("Sakura K.K.", "corp")]
    [InlineData("Sakura KK", "corp")]
    [InlineData("Sakura Kabushiki Kaisha", "corp")]
    [InlineData("Sakura GK", "llc")]
    [InlineData("Sakura Godo Kaisha", "llc")]
    [InlineData("Sakura Yugen Kaisha", "ltd")]
    public void Normalize_RomanisedJapaneseLegalForm_IsALegalFormToken(string name, string compare) =>
        NameNormalizer.Normalize(name)[0].Tokens.Should().Equal(new NameToken("sakura", TokenClass.Word), new NameToken(compare, TokenClass.LegalForm));

    [Fact]
    public void Normalize_KanaVoicingMarks_StayInTheNativeVariant()
    {
        // Decomposition splits ガ into カ and a combining mark: the mark must not be dropped, or バンク and ハンク are one word.
        NameNormalizer.Normalize("ソフトバンク")[0].Key.Should().Be("ソフトバンク");
        NameNormalizer.Normalize("ハンク")[0].Key.Should().NotBe(NameNormalizer.Normalize("バンク")[0].Key);
    }

    [Theory]
    [InlineData("ソニー", "Sony")]
    [InlineData("トヨタ", "Toyota")]
    [InlineData("ソニーグループ株式会社", "Sony Group Corporation")]
    [InlineData("トヨタ自動車株式会社", "Toyota Motor Corporation")]
    [InlineData("アディダスジャパン株式会社", "Adidas Japan")]
    [InlineData("パナソニック", "Panasonic")]
    [InlineData("パナソニックホールディングス株式会社", "Panasonic Holdings Corporation")]
    [InlineData("ソフトバンクグループ株式会社", "SoftBank Group Corp.")]
    [InlineData("株式会社ソニー", "Sony Corporation")]
    [InlineData("ソニー株式会社", "Sony K.K.")]
    [InlineData("(株)トヨタ", "Toyota KK")]
    [InlineData("アップル", "Apple")]
    [InlineData("マイクロソフト", "Microsoft")]
    [InlineData("グーグル", "Google")]
    [InlineData("キヤノン株式会社", "Canon Inc.")]
    [InlineData("ファーウェイ", "Huawei")]
    [InlineData("ティファニー", "Tiffany")]
    [InlineData("みずほ銀行", "Mizuho Bank")]
    [InlineData("ニンテンドー", "Nintendo")]
    [InlineData("合同会社サクラ", "Sakura GK")]
    public void Compare_KatakanaTranscription_MatchesTheLatinName(string japanese, string latin) =>
        Best(japanese, latin).Should().BeGreaterThanOrEqualTo(ReviewThreshold, $"{japanese} is {latin}");

    [Theory]
    [InlineData("ソニー", "パナソニック")]
    [InlineData("ソニー", "Samsung")]
    [InlineData("トヨタ", "Honda")]
    [InlineData("ソニーグループ株式会社", "Toyota Motor Corporation")]
    [InlineData("トヨタ自動車株式会社", "Nissan Motor Co., Ltd.")]
    [InlineData("株式会社サクラ", "Sony Corporation")]
    public void Compare_DifferentJapaneseCompanies_StayBelowReview(string japanese, string other) =>
        Best(japanese, other).Should().BeLessThan(ReviewThreshold);

    [Fact]
    public void Compare_JapaneseLegalFormBeforeOrAfter_AlignsWithCorporation()
    {
        var before = Best("株式会社トヨタ", "Toyota Corporation");
        var after = Best("トヨタ株式会社", "Toyota Corporation");
        var without = Best("トヨタ", "Toyota Corporation");

        before.Should().Be(after);
        after.Should().BeGreaterThan(without);
    }

    private static double Best(string a, string b) =>
        NameNormalizer.Normalize(a).SelectMany(x => NameNormalizer.Normalize(b).Select(y => NameScorer.Compare(x, y).Score)).DefaultIfEmpty(0).Max();
}
