using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The bound reads a name's misspelt legal forms only when one of its runs misspells a form the other name carries and it lacks
/// (<see cref="NameScorer.MisspeltFormsOf"/>, worked out once per query and per indexed name): the forms it gives must include
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
    public void MisspeltFormsOf_NameWithAMisspeltForm_HoldsTheForm(string name, string form)
    {
        NameScorer.MisspeltFormsOf(Words(name)).Should().Contain(form);
    }

    [Theory]
    [InlineData("kaspersky lab")]
    [InlineData("vladimir putin")]
    public void MisspeltFormsOf_NameWithoutOne_IsEmpty(string name)
    {
        NameScorer.MisspeltFormsOf(Words(name)).Should().BeEmpty();
    }

    [Fact]
    public void MisspeltFormsOf_EveryFormOfTheScorersReading_IsFound()
    {
        // Names that carry a misspelt form, against the same names with the form: the scorer reads the misspelling as the form,
        // and the form is one MisspeltFormsOf finds for the misspelt name.
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
            var found = NameScorer.MisspeltFormsOf(query.Tokens);
            foreach (var entry in feature.Detail[Lead.Length..].Split(", "))
            {
                found.Should().Contain(entry[(entry.IndexOf('=', StringComparison.Ordinal) + 1)..], misspelt);
            }
        }
    }

    private static List<NameToken> Words(string name) => [.. name.Split(' ').Select(t => new NameToken(t, TokenClass.Word))];
}
