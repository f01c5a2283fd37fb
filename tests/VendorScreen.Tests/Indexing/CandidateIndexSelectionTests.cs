using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The candidate look-up keeps the best names by a bounded heap in the thread's scratch memory. The order it returns is total
/// (a higher tally first, a lower id first among equals), so asking for fewer candidates must give exactly the first of the
/// candidates a larger request gives, and a request larger than every name touched gives them all.
/// </summary>
public sealed class CandidateIndexSelectionTests
{
    [Fact]
    public async Task FindCandidates_FewerAsked_AreTheFirstOfMore()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        var compared = 0;
        foreach (var entity in snapshot.Entities.Take(80))
        {
            foreach (var query in NameNormalizer.Normalize(entity.PrimaryName + " Group"))
            {
                var all = index.FindCandidates(query, int.MaxValue);
                foreach (var k in new[] { 1, 3, 10, 64 })
                {
                    index.FindCandidates(query, k).Should().Equal(all.Take(k), $"the first {k} of \"{entity.PrimaryName}\"");
                    compared++;
                }

                all.Should().OnlyHaveUniqueItems();
            }
        }

        compared.Should().BeGreaterThan(300);
    }
}
