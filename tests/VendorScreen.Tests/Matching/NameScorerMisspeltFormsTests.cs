using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The bound reads a name's misspelt legal forms only when one of its runs misspells a form the other name carries and it lacks
/// (<see cref="NameScorer.AnyRunMisspells"/>, worked out once per query and per indexed name for each form): it must hold for
/// every form a run of the name can be read as.
/// </summary>
public sealed class NameScorerMisspeltFormsTests
{
    [Theory]
    [InlineData("acme limitd", "ltd")]
    [InlineData("acme ltz", "ltd")]
    [InlineData("acme cmmpany", "co")]
    [InlineData("acme joint stock mompany", "jsc")]
    [InlineData("acme l gl c", "llc")]
    [InlineData("inttrafik eod", "eood")]
    [InlineData("tawu bvb", "bvba")]
    public void AnyRunMisspells_NameWithAMisspeltForm_IsTrue(string name, string form)
    {
        NameScorer.AnyRunMisspells(Words(name), form).Should().BeTrue();
    }

    [Theory]
    [InlineData("kaspersky lab", "ltd")]
    [InlineData("vladimir putin", "llc")]
    [InlineData("acme limited", "ltd")]
    [InlineData("acme limitd", "llc")]
    [InlineData("good harvest", "ood")]
    [InlineData("head office", "ead")]
    [InlineData("pro audio", "sro")]
    [InlineData("kaspersky lab", "uab")]
    public void AnyRunMisspells_NameWithoutAMisspellingOfTheForm_IsFalse(string name, string form)
    {
        NameScorer.AnyRunMisspells(Words(name), form).Should().BeFalse();
    }

    [Fact]
    public void AnyRunMisspells_EveryFormOfTheScorersReading_IsTrue()
    {
        // Names that carry a misspelt form, against the same names with the form: the scorer reads the misspelling as the form,
        // and a run of the misspelt name misspells it.
        (string Misspelt, string Written)[] pairs =
        [
            ("acme trading limitd", "acme trading limited"), ("acme trading ltz", "acme trading ltd"),
            ("acme trading cmmpany", "acme trading company"),
            ("acme trading l gl c", "acme trading llc"),
        ];
        foreach (var (misspelt, written) in pairs)
        {
            var query = NameNormalizer.Normalize(misspelt)[0];
            var candidate = NameNormalizer.Normalize(written)[0];
            const string Lead = "read as the legal form the other name carries: ";
            var feature = NameScorer.Explain(query, candidate, null, NameScoringRules.Default).SingleOrDefault(f => f.Feature == "misspelt-legal-form");

            feature.Should().NotBeNull(misspelt);
            feature!.Detail.Should().StartWith(Lead);
            foreach (var entry in feature.Detail[Lead.Length..].Split(", "))
            {
                NameScorer.AnyRunMisspells(query.Tokens, entry[(entry.IndexOf('=', StringComparison.Ordinal) + 1)..]).Should().BeTrue(misspelt);
            }
        }
    }

    private static List<NameToken> Words(string name) => [.. name.Split(' ').Select(t => new NameToken(t, TokenClass.Word))];
}
