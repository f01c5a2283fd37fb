using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

public sealed class CrossScriptSimilarityTests
{
    [Theory]
    [InlineData("crewson", "克魯森")]
    [InlineData("martha", "瑪莎")]
    [InlineData("hartwell", "哈特韦尔")]
    [InlineData("bodow", "бодоу")]
    [InlineData("lucjan", "люциан")]
    [InlineData("shukhov", "шухов")]
    [InlineData("andri", "أندري")]
    [InlineData("mandula", "ماندولا")]
    [InlineData("sebai", "סיבאי")]
    [InlineData("kaminer", "קמינר")]
    [InlineData("tucholsky", "トゥホルスキー")]
    [InlineData("veronese", "ヴェロネーゼ")]
    [InlineData("kuyt", "카위트")]
    [InlineData("thoreau", "소로")]
    public void Compare_LatinNameAndItsTranscription_Match(string latin, string native)
    {
        Score(latin, native).Should().BeGreaterThanOrEqualTo(0.8);
    }

    [Theory]
    [InlineData("crewson", "瑪莎")]
    [InlineData("martha", "克魯森")]
    [InlineData("bodow", "люциан")]
    [InlineData("lucjan", "бодоу")]
    [InlineData("andri", "ماندولا")]
    [InlineData("mandula", "أندري")]
    [InlineData("sebai", "קמינר")]
    [InlineData("tucholsky", "ヴェロネーゼ")]
    [InlineData("kuyt", "소로")]
    [InlineData("thoreau", "카위트")]
    public void Compare_LatinNameAndAnotherNamesTranscription_DoNotMatch(string latin, string native)
    {
        Score(latin, native).Should().BeLessThan(0.8);
    }

    [Fact]
    public void Compare_CrossScriptMatch_CountsLessThanExactSpelling()
    {
        var sim = CrossScriptSimilarity.Similarity("crewson", "kelusen", NameScript.Han);

        sim.Should().BeGreaterThan(0).And.BeLessThan(1);
        CrossScriptSimilarity.Similarity("kelusen", "kelusen", NameScript.Han).Should().BeLessThanOrEqualTo(CrossScriptSimilarity.MaxSimilarity);
    }

    [Fact]
    public void Compare_FullNameAcrossScripts_Matches()
    {
        Score("Barack Obama", "贝拉克·奥巴马").Should().BeGreaterThanOrEqualTo(0.8);
        Score("Vladimir Putin", "Владимир Путин").Should().BeGreaterThanOrEqualTo(0.8);
        Score("Fernando Perez", "فرناندو بيريز").Should().BeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public void Compare_RomanisedChineseNameAgainstOtherHanName_DoesNotMatchBySound()
    {
        // A Chinese name on a list is romanised in pinyin: a different name that merely sounds alike is another person.
        Score("LI, Youmin", "李志明").Should().BeLessThan(0.8);
        Score("ZHANG, Jian", "蒋霞阳").Should().BeLessThan(0.8);
    }

    [Theory]
    [InlineData("guoying", "Han", true)]
    [InlineData("jiangping", "Han", true)]
    [InlineData("crewson", "Han", false)]
    [InlineData("songyeon", "Hangul", true)]
    [InlineData("thoreau", "Hangul", false)]
    [InlineData("guoying", "Cyrillic", false)]
    public void IsRomanisedSyllables_Token_RecognisesTheScriptsOwnRomanisation(string latin, string script, bool expected)
    {
        // The script is named, not typed: NameScript is internal and a public test method cannot take it.
        CrossScriptSimilarity.IsRomanisedSyllables(latin, Enum.Parse<NameScript>(script)).Should().Be(expected);
    }

    [Fact]
    public void Normalize_NonLatinName_RecordsItsScript()
    {
        NameNormalizer.Normalize("克魯森")[1].SourceScript.Should().Be(NameScript.Han);
        NameNormalizer.Normalize("소로")[1].SourceScript.Should().Be(NameScript.Hangul);
        NameNormalizer.Normalize("トゥホルスキー")[1].SourceScript.Should().Be(NameScript.Kana);
        NameNormalizer.Normalize("Путин")[1].SourceScript.Should().Be(NameScript.Cyrillic);
        NameNormalizer.Normalize("ماندولا")[1].SourceScript.Should().Be(NameScript.Arabic);
        NameNormalizer.Normalize("סיבאי")[1].SourceScript.Should().Be(NameScript.Hebrew);
        NameNormalizer.Normalize("Αλέξανδρος")[1].SourceScript.Should().Be(NameScript.Greek);
        NameNormalizer.Normalize("Putin")[0].SourceScript.Should().Be(NameScript.Latin);
    }

    [Fact]
    public void Normalize_HanSyllableSpellingALegalForm_StaysAWord()
    {
        // 奥 is "ao", which alone would read as the legal form AO (joint-stock company).
        var tokens = NameNormalizer.Normalize("奥巴马")[1].Tokens;

        tokens.Select(t => t.Text).Should().Equal("ao", "ba", "ma");
        tokens.Should().OnlyContain(t => t.Class == TokenClass.Word);
    }

    [Fact]
    public void Latin_EnglishSpelling_FoldsToSoundCodes()
    {
        CrossScriptKey.Latin("schmidt").Should().Be("Smidt");
        CrossScriptKey.Latin("phillips").Should().Be("filips");
        CrossScriptKey.Latin("martha").Should().Be("maRQa");
    }

    private static double Score(string a, string b) =>
        NameNormalizer.Normalize(a).SelectMany(x => NameNormalizer.Normalize(b).Select(y => NameScorer.Compare(x, y).Score)).Max();
}
