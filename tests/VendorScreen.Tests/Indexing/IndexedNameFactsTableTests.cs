using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Normalization;
using VendorScreen.Sources;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The facts of every indexed name, kept side by side in the index's table and filled with the index: each name's tokens get
/// their own entries, whatever order the names are read in, and each entry holds the token's rarity, its spelling sketch and the number of its
/// postings, the same for every token of the same letters; a name's tokens in their wider classes are kept only where a class
/// differs.
/// </summary>
public sealed class IndexedNameFactsTableTests
{
    [Fact]
    public async Task Made_EveryIndexedNameLastFirst_GivesEachTokenItsOwnFacts()
    {
        // The embedded dataset, and a list whose names carry words of a wider class ("Federal", "Baltic").
        var list = new ListSnapshot("facts-test", "v1")
        {
            Entities =
            [
                new Entity("t:1", EntityKind.Organization, "Baltic Federal Shipping Company"),
                new Entity("t:2", EntityKind.Organization, "Atlantic Trading Ltd"),
                new Entity("t:3", EntityKind.Organization, "Federal Shipping"),
            ],
        };
        using var engine = new ScreeningEngineBuilder().AddSource(new InMemorySanctionListSource(list)).Build();
        await engine.RefreshAsync();
        var index = engine.Datasets.Current!.State.Index;

        // Made from the last name to the first, so that a name's entries written over its neighbours' would show.
        var made = Enumerable.Range(0, index.Names.Length).Reverse().Select(id => index.FactsOf(id).Made()).Reverse().ToList();

        var owners = new Dictionary<int, string>();
        int tokens = 0, distinct = 0, sketched = 0, rewritten = 0;
        for (var id = 0; id < made.Count; id++)
        {
            var facts = made[id];
            facts.Tokens.Should().BeSameAs(index.Names[id].Normalized.Tokens);
            for (var place = 0; place < facts.Tokens.Count; place++)
            {
                var text = facts.Tokens[place].Text;
                tokens++;
                facts.RarityAt(place).Should().Be(index.Rarity(text), "the rarity of \"{0}\"", text);

                // A word of four letters or more has the index's sketch of its letters; a shorter one has none.
                if (text.Length < 4)
                {
                    facts.SketchAt(place).Should().Be(default(SpellingSketch), "\"{0}\" is shorter than four letters", text);
                }
                else if (index.TryGetSketch(text, out var sketch))
                {
                    facts.SketchAt(place).Should().Be(sketch, "the sketch of \"{0}\"", text);
                    sketched++;
                }

                // The same letters, the same postings, wherever they stand; other letters, other postings.
                var number = facts.PostingNumberAt(place);
                number.Should().BeGreaterThanOrEqualTo(0, "every token of an indexed name has postings (\"{0}\")", text);
                if (owners.TryGetValue(number, out var owner))
                {
                    owner.Should().Be(text, "posting list {0} is one word's", number);
                }
                else
                {
                    owners[number] = text;
                    distinct++;
                }
            }

            // The tokens in their wider classes: the name's own list when no class differs.
            var wider = facts.Tokens.Select(LegalForms.WiderClass).ToList();
            if (wider.SequenceEqual(facts.Tokens))
            {
                facts.WiderTokens.Should().BeSameAs(facts.Tokens);
            }
            else
            {
                facts.WiderTokens.Should().Equal(wider);
                rewritten++;
            }
        }

        tokens.Should().BeGreaterThan(1_000);
        distinct.Should().BeLessThan(tokens, "names share words");
        sketched.Should().BeGreaterThan(500, "most words of names are four letters or more");
        rewritten.Should().BeGreaterThanOrEqualTo(3, "the test list's names carry words of a wider class");
    }

    [Fact]
    public async Task ReadAhead_EveryNameOfABuiltAndOfASnapshotIndex_ReachesEveryTokenWhetherStepByStepOrInTurn()
    {
        using var built = new ScreeningEngineBuilder().Build();
        await built.RefreshAsync();
        var path = Path.Combine(Path.GetTempPath(), $"vendorscreen-read-ahead-{Guid.NewGuid():N}.vsidx");
        try
        {
            IndexSnapshotFile.Write(path, built);
            using var loaded = new ScreeningEngineBuilder().AddIndexSnapshot(path).Build();
            await loaded.RefreshAsync();
            foreach (var index in new[] { built.Datasets.Current!.State.Index, loaded.Datasets.Current!.State.Index })
            {
                // Every name, last first and some twice, as a look-up may give them.
                var ids = Enumerable.Range(0, index.Names.Length).Reverse().Concat(Enumerable.Range(0, 50)).ToArray();
                var tokens = ids.Sum(id => index.Names[id].Normalized.Tokens.Count);
                index.ReadAhead([], stepByStep: true).Should().Be(0);

                // Step by step (where the processor takes hints to prefetch), every token of every name is asked for: the tokens
                // of a built and of a loaded index are read in place.
                var stepByStep = index.ReadAhead(ids, stepByStep: true);
                if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
                {
                    stepByStep.Should().Be(tokens);
                }

                // In turn, each name's tokens, key and entry of facts are read.
                index.ReadAhead(ids, stepByStep: false).Should().BeGreaterThanOrEqualTo(tokens);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
