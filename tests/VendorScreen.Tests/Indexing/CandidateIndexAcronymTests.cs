using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

public sealed class CandidateIndexAcronymTests
{
    private static readonly Entity[] Entities =
    [
        new("t:1", EntityKind.Organization, "People's Liberation Army"),
        new("t:2", EntityKind.Organization, "Contoso Vision"),
        new("t:3", EntityKind.Organization, "Pacific Lumber Association Holdings Trust Fund"),
    ];

    [Fact]
    public void FindCandidates_AcronymOfAThreeWordName_FindsTheName()
    {
        var found = Find("PLA");

        found.Should().Equal("t:1");
    }

    [Fact]
    public void FindCandidates_TwoWordName_HasNoInitialsKey() =>
        Find("CV").Should().BeEmpty();

    private static List<string> Find(string query)
    {
        var index = new CandidateIndex(Entities, NameScoringRules.Default);
        return index.FindCandidates(NameNormalizer.Normalize(query)[0], 10).Select(id => index.Entities[index.Names[id].EntityIndex].Id).Distinct().ToList();
    }
}
