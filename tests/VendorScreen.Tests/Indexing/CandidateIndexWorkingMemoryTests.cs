using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// A candidate look-up rents its working memory (tallies as long as the index's names and vocabulary) and gives it back: look-ups
/// on threads that come and go, as the thread pool's do, reuse the memory of threads gone instead of each making its own, and
/// give the same candidates. Runs alone, so that no other test's look-ups make memories meanwhile.
/// </summary>
[Collection(Collection)]
public sealed class CandidateIndexWorkingMemoryTests
{
    public const string Collection = "look-up-working-memory";

    [Fact]
    public async Task FindCandidates_OnThreadsThatComeAndGo_ReusesTheWorkingMemoryOfThreadsGone()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        var index = new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
        var query = NameNormalizer.Normalize("Hikvison Digital Technolgy")[0];
        var expected = index.FindCandidates(query, 64).ToArray();
        var before = CandidateIndex.LookUpMemoriesMade;

        for (var t = 0; t < 8; t++)
        {
            int[]? found = null;
            var thread = new Thread(() => found = [.. index.FindCandidates(query, 64)]);
            thread.Start();
            thread.Join();
            found.Should().Equal(expected, "a memory given back is reset");
        }

        (CandidateIndex.LookUpMemoriesMade - before).Should().Be(0, "each new thread takes a memory given back");
    }
}

[CollectionDefinition(CandidateIndexWorkingMemoryTests.Collection, DisableParallelization = true)]
public sealed class CandidateIndexWorkingMemoryDefinition;
