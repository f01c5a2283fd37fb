using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

public sealed class CandidateIndexFailClosedTests
{
    [Fact]
    public void Constructor_NamesWithLoneSurrogatesEmojiAndOverLongText_IndexesEveryEntity()
    {
        // Built in code: a lone surrogate, an emoji, and a name longer than the limit (indexed whole, never cut).
        var longName = string.Concat(Enumerable.Repeat("alpha beta gamma delta ", 300)) + "Quarkwell";
        Entity[] entities =
        [
            new("t:lone", EntityKind.Organization, "Broken \uD800 Trading") { Names = [new EntityName("\uDC00Alias Holdings", NameKind.Alias)] },
            new("t:emoji", EntityKind.Organization, "Smiling \U0001F600 Foods"),
            new("t:long", EntityKind.Organization, longName),
            new("t:good", EntityKind.Organization, "Contoso Vision"),
        ];

        var index = new CandidateIndex(entities, NameScoringRules.Default);

        longName.Length.Should().BeGreaterThan(NameNormalizer.MaxNameLength);
        Find(index, "Broken Trading").Should().Contain("t:lone");
        Find(index, "Alias Holdings").Should().Contain("t:lone");
        Find(index, "Smiling Foods").Should().Contain("t:emoji");
        Find(index, "Quarkwell").Should().Contain("t:long");
        Find(index, "Contoso Vision").Should().Contain("t:good");
    }

    private static List<string> Find(CandidateIndex index, string query) =>
        index.FindCandidates(NameNormalizer.Normalize(query)[0], 16).Select(id => index.Entities[index.Names[id].EntityIndex].Id).Distinct().ToList();
}
