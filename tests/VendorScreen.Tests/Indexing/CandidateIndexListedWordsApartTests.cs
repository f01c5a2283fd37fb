using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

public sealed class CandidateIndexListedWordsApartTests
{
    private static readonly Entity[] Entities =
    [
        new("t:1", EntityKind.Organization, "Contoso"),
        new("t:2", EntityKind.Organization, "Fabrikam Ventures"),
        new("t:3", EntityKind.Organization, "Northwind Traders"),
        new("t:4", EntityKind.Organization, "Woodgrove"),
    ];

    private static readonly CandidateIndex Index = new(Entities, NameScoringRules.Default);

    [Theory]
    [InlineData("CONTOSOHOME", "contoso home")]
    [InlineData("CONTOSOTECH", "contoso technology")] // "tech" is read as the word it stands for
    [InlineData("CONTOSOUSA", "contoso usa")]
    [InlineData("FABRIKAMTRADERS LTD", "fabrikam traders ltd")]
    [InlineData("WOODGROVECONTOSO", "woodgrove contoso")]
    [InlineData("Northwind CONTOSOGLOBAL", "northwind contoso global")]
    [InlineData("WOODGROVEAO", "woodgrove jsc")] // a legal form of Russia the normaliser leaves on
    public void WithListedWordsApart_AWordRunningAListedWordOntoAnother_IsAlsoReadApart(string query, string apart)
    {
        var forms = NameNormalizer.Normalize(query);

        var read = Index.WithListedWordsApart(forms);

        read.Should().HaveCount(forms.Count + 1);
        read.Take(forms.Count).Should().Equal(forms);
        read[^1].Key.Should().Be(apart);
    }

    [Theory]
    [InlineData("Contoso Home")] // written apart already
    [InlineData("NORTHWINDTRADERS")] // a listed name's words joined: the index holds them so
    [InlineData("CONTOSOVILLE")] // "ville" is neither listed nor a word written after a brand
    [InlineData("HOMECONTOSO")] // the first word is not listed
    [InlineData("CONTOSOMART")] // "mart" is not written after a brand, and not listed
    [InlineData("CONTOSO2HOME")] // not letters alone
    [InlineData("CONTOSOSA")] // a legal form of two letters the normaliser leaves on, other than "ao"
    [InlineData("ZHAO")] // "ao" after a word not listed
    [InlineData("株式会社")] // not in Latin letters
    public void WithListedWordsApart_NoWordRunningListedWordsTogether_IsTheSameList(string query)
    {
        var forms = NameNormalizer.Normalize(query);

        Index.WithListedWordsApart(forms).Should().BeSameAs(forms);
    }

    [Fact]
    public void WithListedWordsApart_SeveralListedWordsRunTogether_SplitsWhereTheFirstIsLongest()
    {
        var index = new CandidateIndex(
            [new("t:1", EntityKind.Organization, "Star"), new("t:2", EntityKind.Organization, "Starline"), new("t:3", EntityKind.Organization, "Linemart")],
            NameScoringRules.Default);

        var read = index.WithListedWordsApart(NameNormalizer.Normalize("STARLINEHOME"));

        read[^1].Key.Should().Be("starline home");
    }
}
