using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Infrastructure;

/// <summary>The candidate index of the embedded dataset, for tests of the look-up.</summary>
internal static class EmbeddedIndex
{
    /// <summary>Builds the index of the embedded dataset under the default rules.</summary>
    /// <returns>The index.</returns>
    public static async Task<CandidateIndex> BuildAsync()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        return new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
    }

    /// <summary>Gets a query's 64 best candidates as the look-up finds them alone, with nothing shared.</summary>
    /// <param name="index">The index.</param>
    /// <param name="query">The query.</param>
    /// <returns>The candidates' ids, best first.</returns>
    public static int[] CandidatesAlone(CandidateIndex index, NormalizedName query)
    {
        int[]? ids = null;
        var found = index.FindCandidates(query, 64, null, ref ids);
        return ids.AsSpan(0, found).ToArray();
    }
}
