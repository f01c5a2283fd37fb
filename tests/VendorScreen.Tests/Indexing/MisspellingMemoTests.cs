using FluentAssertions;
using VendorScreen.Indexing;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The memo of the misspelling look-up keeps each word's result, by kind of look-up, as ids written one after another into
/// large arrays: every result must come back as it was kept, empty ones and ones at the end of a full array included, the
/// first result kept for a word must stay the one given back, and results kept from several threads at once must each
/// come back whole.
/// </summary>
public sealed class MisspellingMemoTests
{
    [Fact]
    public void Add_ResultsOfEveryLengthPastSeveralArrays_EachComesBackAsKept()
    {
        var random = new Random(3);
        var words = 3 * MisspellingMemo.IdsPerArray / 10;
        var memo = new MisspellingMemo(words, 24);
        var kept = new Dictionary<(int, bool), int[]>();
        for (var id = 0; id < words; id++)
        {
            foreach (var asLatin in new[] { true, false })
            {
                // Some results empty, many at the longest, so that arrays fill up exactly and empty results follow full arrays.
                var length = random.Next(4) == 0 ? 0 : random.Next(2) == 0 ? 24 : random.Next(1, 24);
                var ids = Enumerable.Range(0, length).Select(_ => random.Next(words)).ToArray();
                memo.Add(id, asLatin, ids).Should().Equal(ids);
                kept[(id, asLatin)] = ids;
            }
        }

        foreach (var ((id, asLatin), ids) in kept)
        {
            memo.TryGet(id, asLatin, out var found).Should().BeTrue();
            found.Should().Equal(ids, $"word {id}, {(asLatin ? "Latin" : "transliterated")}");
        }

        memo.Count.Should().Be(2 * words);
    }

    [Fact]
    public void Add_EmptyResultAfterAFullArray_ComesBackEmpty()
    {
        var memo = new MisspellingMemo(MisspellingMemo.IdsPerArray + 2, 1);
        for (var id = 0; id < MisspellingMemo.IdsPerArray; id++)
        {
            memo.Add(id, asLatin: true, [id]);
        }

        memo.Add(MisspellingMemo.IdsPerArray, asLatin: true, []).Should().BeEmpty();
        memo.TryGet(MisspellingMemo.IdsPerArray, asLatin: true, out var empty).Should().BeTrue();
        empty.Should().BeEmpty();
        memo.Add(MisspellingMemo.IdsPerArray + 1, asLatin: true, [7]).Should().Equal(7);
        memo.TryGet(MisspellingMemo.IdsPerArray - 1, asLatin: true, out var last).Should().BeTrue();
        last.Should().Equal(MisspellingMemo.IdsPerArray - 1);
    }

    [Fact]
    public void Add_WordKeptTwice_GivesBackTheFirstResult()
    {
        var memo = new MisspellingMemo(4, 24);

        memo.Add(2, asLatin: false, [1, 2, 3]);
        var second = memo.Add(2, asLatin: false, [9]);

        second.Should().Equal(1, 2, 3);
        memo.TryGet(2, asLatin: true, out _).Should().BeFalse("a result is kept for each kind of look-up on its own");
    }

    [Fact]
    public void Add_FromSeveralThreads_EveryResultComesBackWhole()
    {
        const int words = 20_000;
        var memo = new MisspellingMemo(words, 24);
        Parallel.For(0, words, new ParallelOptions { MaxDegreeOfParallelism = 4 }, id =>
        {
            var ids = Enumerable.Range(id, id % 25).ToArray();
            memo.Add(id, asLatin: true, ids);
            memo.TryGet(id, asLatin: true, out var found).Should().BeTrue();
            found.Should().Equal(ids);
        });

        for (var id = 0; id < words; id++)
        {
            memo.TryGet(id, asLatin: true, out var found).Should().BeTrue();
            found.Should().Equal(Enumerable.Range(id, id % 25));
        }
    }
}
