using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>token-align-v5's parts-left-out rule: a person's name written without middle names, patronymic or further family names.</summary>
public sealed partial class NameScoringRulesTests
{
    private const double MatchThreshold = 0.92;

    private static readonly NameScoringRules WithoutPartsLeftOut = NameScoringRules.V5 with { PartsLeftOutFactor = 0 };

    [Theory]
    [InlineData("AKHTAR MANSOUR", "AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED")] // family names left out at the end
    [InlineData("ANJEM IFTIKHAR CHOUDARY MAHMOOD", "ANJEM CHOUDARY")] // the longer name is the query
    [InlineData("ABDUL GHANI TURK", "ABDUL GHANI BARADAR ABDUL AHMAD TURK")] // middle names left out
    [InlineData("SHER ABBAS STANEKZAI", "SHER MOHAMMAD ABBAS STANEKZAI PADSHAH KHAN")]
    [InlineData("DOST MOHAMMAD KHAN HAQQANI", "DOST MOHAMMAD")] // one distinctive part kept is enough
    [InlineData("Ilie Bolojan", "Monsieur Ilie-Gabril Bolojan")] // a title before the first part
    public void V5_NameWithPartsLeftOut_ReachesReviewButNotMatch(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Score.Should().Be(0.85);
        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold).And.BeLessThan(MatchThreshold);
        v5.Features.Should().ContainSingle(f => f.Feature == "parts-left-out").Which.Score.Should().Be(0.85);
        Best(query, candidate, NameScoringRules.V4).Score.Should().BeLessThan(ReviewThreshold, "token-align-v4 stays as it was recorded");
    }

    [Fact]
    public void V5_NameWithPartsLeftOut_ScoresTheShareOfWhatItsKeptPartsScore()
    {
        // "MANSUR" is "MANSOUR" misspelt: the kept parts score 2 (1 + 0.92) / 4 = 0.96, and the floor is 0.85 of that.
        var v5 = Best("AKHTAR MANSUR", "AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED", NameScoringRules.V5);
        var kept = Best("AKHTAR MANSUR", "AKHTAR MANSOUR", NameScoringRules.V5).Score;

        v5.Score.Should().BeApproximately(0.85 * kept, 0.0001).And.BeLessThan(0.85).And.BeGreaterThanOrEqualTo(ReviewThreshold);
        v5.Features.Should().ContainSingle(f => f.Feature == "parts-left-out").Which.Detail.Should().Contain("left out: mohammad shah mohammed");
    }

    [Fact]
    public void V5_PartsLeftOut_ReadsANameTransliteratedFromCyrillic()
    {
        var v5 = Best("Barack Obama", "Барак Хусеин Обама", NameScoringRules.V5);

        v5.Score.Should().BeGreaterThanOrEqualTo(ReviewThreshold).And.BeLessThan(0.85);
        v5.Features.Should().ContainSingle(f => f.Feature == "parts-left-out").Which.Detail.Should().Contain("left out: khusein");
    }

    [Theory]
    [InlineData("MOHAMMAD ALI", "MOHAMMAD ALI HASSAN")] // only the most common name parts kept
    [InlineData("MUHAMMAD HASAN", "MUHAMMAD AHMAD HASAN")]
    [InlineData("MANSOUR AKHTAR", "AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED")] // not in order
    [InlineData("MOHAMMAD MANSOUR", "AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED")] // without the longer's first part
    [InlineData("John James", "ASHFIELD, Jeffrey John James")] // the given names of a name written surname first
    [InlineData("Michaela", "Michaela Michelle Micheli")] // one part is not a name with parts left out
    [InlineData("Zhang Wei", "Zhang Xiao Wei")] // romanised Chinese syllables
    [InlineData("AKHTAR MANSOUR", "AKHTAR MOHAMMAD MANSOUR 2")] // a number
    [InlineData("Banco Santander S.A.", "Banco Santander Mexico S.A.")] // a legal form: a company, not a person
    [InlineData("محمد محمدی", "محمد مسلم حقانى محمدی گل")] // Arabic script: its transliteration writes no vowels
    public void V5_NearMissesOfPartsLeftOut_KeepTheirScore(string query, string candidate)
    {
        var v5 = Best(query, candidate, NameScoringRules.V5);

        v5.Features.Should().NotContain(f => f.Feature == "parts-left-out");
        v5.Score.Should().Be(Best(query, candidate, WithoutPartsLeftOut).Score);
    }

    [Fact]
    public void V5_PartsLeftOut_NeedsAKeptPartThatIsRareInTheScreenedLists()
    {
        var query = NameNormalizer.Normalize("Joaquin Juan Martin Gomez")[0];
        var candidate = NameNormalizer.Normalize("JOAQUIN GOMEZ")[0];

        // Without statistics every part is rare; with them, "Joaquin" and "Gomez" common in the lists keep nothing distinctive.
        NameScorer.Compare(query, candidate, null, NameScoringRules.V5).Score.Should().Be(0.85);
        NameScorer.Compare(query, candidate, new FixedRarity(0.4), NameScoringRules.V5).Features.Should().NotContain(f => f.Feature == "parts-left-out");
        NameScorer.Compare(query, candidate, new FixedRarity(0.4), NameScoringRules.V5).Score.Should()
            .Be(NameScorer.Compare(query, candidate, new FixedRarity(0.4), WithoutPartsLeftOut).Score).And.BeLessThan(ReviewThreshold);
        NameScorer.Compare(query, candidate, new FixedRarity(0.9), NameScoringRules.V5).Score.Should().Be(0.85);
    }

    [Fact]
    public void V5_PartsLeftOut_NeverLowersAScore()
    {
        // A patronymic left out weighs little already: the name scores above the floor.
        var v5 = Best("Sergey Lavrov", "Sergey Viktorovich Lavrov", NameScoringRules.V5);

        v5.Score.Should().BeGreaterThan(0.85).And.Be(Best("Sergey Lavrov", "Sergey Viktorovich Lavrov", WithoutPartsLeftOut).Score);
        v5.Features.Should().NotContain(f => f.Feature == "parts-left-out");
    }

    [Fact]
    public void V5Algorithm_SurnameAloneOfANameWrittenSurnameFirst_IsLeftToThePartialNameRule()
    {
        var v5 = NameMatchAlgorithms.Get(NameMatchAlgorithms.TokenAlignV5Name);

        // "ARELLANO FELIX" keeps only what stands before the comma: the surname alone.
        var surname = v5.Compare(Input("ARELLANO FELIX"), Input("ARELLANO FELIX, Ramon Eduardo"));
        surname.Features.Should().NotContain(f => f.Feature == "parts-left-out");
        surname.Score.Should().BeLessThan(ReviewThreshold);

        // With a given name kept too, it is the name with parts left out.
        var named = v5.Compare(Input("ARELLANO Ramon"), Input("ARELLANO FELIX, Ramon Eduardo"));
        named.Features.Should().ContainSingle(f => f.Feature == "parts-left-out");
        named.Score.Should().Be(0.85);

        // Without a comma the first part is not known to be a surname.
        v5.Compare(Input("ARELLANO FELIX"), Input("ARELLANO FELIX Ramon Eduardo")).Score.Should().Be(0.85);
    }

    private static NameMatchInput Input(string name) => new(name, NameNormalizer.Normalize(name)[0]);

    private sealed class FixedRarity(double rarity) : ITokenStatistics
    {
        public double Rarity(string token) => rarity;
    }
}
