using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

public sealed class CandidateIndexCrossScriptTests
{
    private static readonly Entity[] Entities =
    [
        new("t:1", EntityKind.Person, "Barack Obama"),
        new("t:2", EntityKind.Person, "Vladimir Putin"),
        new("t:3", EntityKind.Person, "Fernando Perez"),
        new("t:4", EntityKind.Person, "Martha Stewart"),
        new("t:5", EntityKind.Organization, "Contoso Optics Ltd"),
    ];

    [Theory]
    [InlineData("贝拉克·奥巴马", "t:1")]
    [InlineData("バラク・オバマ", "t:1")]
    [InlineData("버락 오바마", "t:1")]
    [InlineData("Владимир Путин", "t:2")]
    [InlineData("瑪莎·斯圖爾特", "t:4")]
    public void FindCandidates_NameInAnotherScript_FindsTheLatinName(string query, string expectedId)
    {
        var index = new CandidateIndex(Entities, NameScoringRules.Default);
        var variant = NameNormalizer.Normalize(query).First(v => v.IsTransliteration);

        var found = index.FindCandidates(variant, 10).Select(id => index.Entities[index.Names[id].EntityIndex].Id);

        found.Should().Contain(expectedId);
    }

    [Fact]
    public void FindCandidates_UnrelatedNameInAnotherScript_DoesNotFindEveryName()
    {
        var index = new CandidateIndex(Entities, NameScoringRules.Default);
        var variant = NameNormalizer.Normalize("克魯森")[1];

        index.FindCandidates(variant, 10).Should().HaveCountLessThan(Entities.Length);
    }
}
