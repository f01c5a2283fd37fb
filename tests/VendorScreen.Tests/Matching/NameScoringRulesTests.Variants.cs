using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>token-align-v5's spelling-variant rules: given names and their short forms, digits for letters, Wade-Giles, Baltic
/// endings, country abbreviations; and numbered siblings.</summary>
public sealed partial class NameScoringRulesTests
{
    [Theory]
    [InlineData("Ted Doe", "Theodore Doe")]
    [InlineData("Ben Netanyahu", "Benjamin Netanyahu")]
    [InlineData("Bibi Netanyahu", "Benjamin Netanyahu")]
    [InlineData("Bill Gates", "William Henry Gates")]
    [InlineData("Ted Doe", "DOE, Theodore")]
    public void V5_GivenNameShortForm_ReachesReviewButNotMatch(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold).And.BeLessThanOrEqualTo(0.9);
        v5.Features.Should().ContainSingle(f => f.Feature == "given-name");
        Best(query, candidate, NameScoringRules.V4).Score.Should().BeLessThan(ReviewThreshold, "token-align-v4 stays as it was recorded");
    }

    [Fact]
    public void V5_GivenNameShortForm_IsCappedBelowTheMatchThreshold()
    {
        var v5 = Best("Ted Doe", "Theodore Doe", NameScoringRules.V5);

        v5.Score.Should().Be(0.9);
        v5.Features.Should().ContainSingle(f => f.Feature == "given-name-cap").Which.Score.Should().Be(0.9);
        v5.Features.Should().ContainSingle(f => f.Feature == "given-name").Which.Detail.Should().Contain("ted=theodore (0.90)");
    }

    [Theory]
    [InlineData("John Doe", "Juan Doe")] // two full forms: the same name in two languages
    [InlineData("Frederick Buchenberg", "Friedrich Buchenberg")]
    [InlineData("Bob Smith", "Rob Smith")] // two short forms
    [InlineData("Ted Doe", "Theodore Smith")] // the surnames differ
    [InlineData("Ted", "Theodore")] // a given name alone
    [InlineData("Bill Trading LLC", "William Trading LLC")] // a company
    public void V5_GivenNames_KeepsOtherNamesApart(string query, string candidate) =>
        Best(query, candidate, NameScoringRules.V5).Score.Should().BeLessThan(ReviewThreshold);

    [Fact]
    public void V5_GivenNameAlikeInSpelling_IsComparedBySpelling()
    {
        var v5 = Best("Wladimir Putin", "Vladimir Putin", NameScoringRules.V5);

        v5.Score.Should().BeGreaterThan(0.92);
        v5.Features.Should().NotContain(f => f.Feature == "given-name");
    }

    [Theory]
    [InlineData("Joe Wilson", "WILSON JOSEPH", false)] // Wilson is the listed person's given name
    [InlineData("Joe Wilson", "WILSON, Joseph", true)] // written surname first with its comma
    [InlineData("Richard Henry", "Richard Harry", false)] // Henry and Harry are the surnames
    [InlineData("Ted Doe", "Theodore Doe", true)]
    public void TokenAlignV5_GivenNameReadSurnameFirst_NeedsTheComma(string query, string candidate, bool review)
    {
        var algorithm = NameMatchAlgorithms.Get("token-align-v5");
        var score = NameNormalizer.Normalize(query)
            .SelectMany(q => NameNormalizer.Normalize(candidate).Select(c => algorithm.Compare(new NameMatchInput(query, q), new NameMatchInput(candidate, c)).Score))
            .Max();

        (score >= ReviewThreshold).Should().Be(review, $"{query} / {candidate} scores {score}");
    }

    [Theory]
    [InlineData("Ig0r Sech1n", "Igor Sechin")]
    [InlineData("I9or Sech1n", "Igor Sechin")]
    [InlineData("V1adimir Put1n", "Vladimir Putin")]
    public void V5_DigitsForLetters_ReadAsTheLetters(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold);
        v5.Features.Should().ContainSingle(f => f.Feature == "digit-for-letter");
        Best(query, candidate, NameScoringRules.V4).Score.Should().BeLessThan(ReviewThreshold);
    }

    [Theory]
    [InlineData("JPMorgan Mortgage Trust Series 2007-1", "JPMorgan Mortgage Trust Series 2007-2")]
    [InlineData("Boeing B52", "Boeing BSZ")]
    [InlineData("Airbus A320", "Airbus AEZO")]
    public void V5_DigitsForLetters_LeavesNumbersAndCodesAlone(string query, string candidate) =>
        Best(query, candidate, NameScoringRules.V5).Features.Should().NotContain(f => f.Feature == "digit-for-letter");

    [Theory]
    [InlineData("Hsi Chin-ping", "Xi Jinping")]
    [InlineData("Mao Tse-tung", "Mao Zedong")]
    [InlineData("Hsi Chin-ping", "习近平")]
    public void V5_WadeGiles_ReadsAsPinyin(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold);
        v5.Features.Should().ContainSingle(f => f.Feature == "wade-giles");
        Best(query, candidate, NameScoringRules.V4).Score.Should().BeLessThan(ReviewThreshold);
    }

    [Theory]
    [InlineData("Chang Wei", "Zhang Wei")] // no syllable only Wade-Giles spells: Pinyin syllables stay a closed set
    [InlineData("Zhang Cheng", "Zhang Chang")]
    [InlineData("Hsi Chin-ping", "Xi Jinpeng")]
    public void V5_WadeGiles_LeavesPinyinNamesApart(string query, string candidate) =>
        Best(query, candidate, NameScoringRules.V5).Score.Should().BeLessThan(ReviewThreshold);

    [Theory]
    [InlineData("Sergejs Lavrovs", "Sergey Viktorovich LAVROV")]
    [InlineData("Sergejus Lavrovas", "Sergey Lavrov")]
    [InlineData("Vladimirs Putins", "Vladimir Putin")]
    public void V5_BalticEnding_IsTheNameWithoutIt(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold);
        v5.Features.Should().ContainSingle(f => f.Feature == "baltic-ending");
    }

    [Theory]
    [InlineData("Star Holdings", "STARS GROUP HOLDING")] // an English plural in a company's name
    [InlineData("ARVINAS, INC.", "ARVIN")]
    public void V5_BalticEnding_LeavesCompaniesAlone(string query, string candidate) =>
        Best(query, candidate, NameScoringRules.V5).Features.Should().NotContain(f => f.Feature == "baltic-ending");

    [Theory]
    [InlineData("U.S. Department of State", "United States Department of State")]
    [InlineData("UAE Exchange", "United Arab Emirates Exchange")]
    [InlineData("Bank of USA", "Bank of United States of America")]
    public void V5_CountryAbbreviation_IsTheCountrysName(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold);
        v5.Features.Should().ContainSingle(f => f.Feature == "country-abbreviation");
    }

    [Theory]
    [InlineData("US Steel", "United Steel")] // the run names no country
    [InlineData("AL Rashid", "Abu Lahab Rashid")] // AL is Albania's code, but "Abu Lahab" is no country
    public void V5_CountryAbbreviation_NeedsTheCountrysName(string query, string candidate) =>
        Best(query, candidate, NameScoringRules.V5).Features.Should().NotContain(f => f.Feature == "country-abbreviation");

    [Theory]
    [InlineData("Snow Storm 1", "Snow Storm 2")] // digits, scored as different numbers before
    [InlineData("Zu Zag Bong 6", "Zu Zag Bong 5")]
    [InlineData("Goldman Sachs Mortgage Loan Trust 2004-1", "Goldman Sachs Mortgage Loan Trust 2005-1")]
    [InlineData("KKR Asian Fund III L.P.", "KKR Asian Fund IV L.P.")] // Roman numerals, read as words one or two letters apart before
    [InlineData("Bain Capital Fund X L.P.", "Bain Capital Fund XI L.P.")] // "X L.P." is read "xlp": the numeral joined to the form
    [InlineData("Citigroup Capital Trust I", "Citigroup Capital Trust II")]
    public void V5_NumberedSibling_IsForReviewNeverBlock(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Score.Should().Be(0.85);
        v5.Features.Should().ContainSingle(f => f.Feature == "numbered-sibling").Which.Score.Should().Be(0.85);
        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold).And.BeLessThan(new ScreeningOptions().MatchThreshold);
    }

    [Theory]
    [InlineData("Snow Storm 1", "Snow Storm 1")] // the same number
    [InlineData("Bain Capital Fund X L.P.", "Bain Capital Fund X LP")] // the same numeral, joined to the form on one side only
    [InlineData("Bain Capital Fund 10", "Bain Capital Fund X")] // the same number, written two ways
    [InlineData("Snow Storm 1", "Snow Star 2")] // another word too
    [InlineData("Management Company 23", "Management Company 24")] // no distinctive word shared
    [InlineData("Shipping Company 12", "Shipping Company 13")] // one word shared, the legal form aside
    [InlineData("Tiandy 5", "Tiandy 7")]
    [InlineData("Victory", "Victory 3")] // a number on one side only
    [InlineData("V Putin", "X Putin")] // a name's first word is never read as a numeral
    [InlineData("Fund Mix", "Fund Dix")] // words of other Roman numerals than I, V and X are words
    public void V5_NumberedSibling_NeedsTheSameWordsAndOtherNumbers(string query, string candidate) =>
        Best(query, candidate, NameScoringRules.V5).Features.Should().NotContain(f => f.Feature == "numbered-sibling");

    [Fact]
    public void V3AndV4_SpellingVariantRules_AreOff()
    {
        foreach (var rules in new[] { NameScoringRules.V3, NameScoringRules.V4 })
        {
            rules.GivenNameSimilarity.Should().Be(0);
            rules.GivenNameCap.Should().Be(1);
            rules.DigitLetterFactor.Should().Be(0);
            rules.WadeGilesSimilarity.Should().Be(0);
            rules.BalticEndingSimilarity.Should().Be(0);
            rules.CountryAbbreviationSimilarity.Should().Be(0);
            rules.NumberedSiblingScore.Should().Be(0);
        }
    }
}
