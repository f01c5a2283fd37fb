using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The bound keeps what it works out for each token of an indexed name, for one query, in a table keyed by the token's
/// posting-list number and class (<see cref="NameScorer.NumberedBounds"/>): each key finds its own entry and no other, a key
/// never added finds none, and a table that reaches <see cref="NameScorer.MaxBoundMemo"/> entries starts over.
/// </summary>
public sealed class NameScorerNumberedBoundsTests
{
    [Fact]
    public void KeyOf_GivesEachNumberAndClassItsOwnKey_AndNoneToATokenWithoutPostings()
    {
        var keys = new HashSet<int>();
        foreach (var number in new[] { 0, 1, 2, 7, 8, 1_000, 150_000, (int.MaxValue >> 4) - 1 })
        {
            foreach (var tokenClass in Enum.GetValues<TokenClass>())
            {
                var key = NameScorer.NumberedBounds.KeyOf(number, tokenClass);
                key.Should().BeGreaterThanOrEqualTo(0);
                keys.Add(key).Should().BeTrue($"number {number} and class {tokenClass} have a key of their own");
            }
        }

        NameScorer.NumberedBounds.KeyOf(-1, TokenClass.Word).Should().Be(-1);
        NameScorer.NumberedBounds.KeyOf(int.MaxValue >> 4, TokenClass.Word).Should().Be(-1, "a number too large for a key is kept by its letters");
    }

    [Fact]
    public void TryGetValue_FindsEveryEntryAdded_AndNoKeyNeverAdded()
    {
        var table = new NameScorer.NumberedBounds();
        var random = new Random(2026);
        var added = new Dictionary<int, NameScorer.TokenBound>();

        // Keys that differ only in high bits and keys next to each other, so that slots are shared and probed past.
        while (added.Count < NameScorer.MaxBoundMemo)
        {
            var key = added.Count % 2 == 0 ? added.Count << 14 : random.Next(0, int.MaxValue >> 1);
            if (added.ContainsKey(key))
            {
                continue;
            }

            var value = new NameScorer.TokenBound((ulong)random.NextInt64(), (ulong)key, random.NextDouble(), key % 3 == 0, false, false);
            table.Add(key, value);
            added[key] = value;
        }

        table.Count.Should().Be(NameScorer.MaxBoundMemo);
        table.Slots.Should().Be(2 * NameScorer.MaxBoundMemo, "the table grew to twice its entries as they were added");
        foreach (var (key, value) in added)
        {
            table.TryGetValue(key, out var found).Should().BeTrue($"key {key} was added");
            found.Should().Be(value);
        }

        var missing = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var key = random.Next(0, int.MaxValue >> 1);
            if (!added.ContainsKey(key))
            {
                table.TryGetValue(key, out _).Should().BeFalse($"key {key} was never added");
                missing++;
            }
        }

        missing.Should().BeGreaterThan(19_000);
    }

    [Fact]
    public void Add_AFewEntries_KeepsTheTableSmall()
    {
        var table = new NameScorer.NumberedBounds();
        for (var key = 0; key < 100; key++)
        {
            table.Add(key * 8, new NameScorer.TokenBound((ulong)key, 0, 0.5, false, false, false));
        }

        table.Slots.Should().Be(256, "a table of 100 entries is not grown past 256 slots");
        for (var key = 0; key < 100; key++)
        {
            table.TryGetValue(key * 8, out var found).Should().BeTrue();
            found.Mask.Should().Be((ulong)key);
        }

        for (var key = 100; key < 200; key++)
        {
            table.Add(key * 8, new NameScorer.TokenBound((ulong)key, 0, 0.5, false, false, false));
        }

        table.Slots.Should().Be(512, "it doubles once past half full");
        for (var key = 0; key < 200; key++)
        {
            table.TryGetValue(key * 8, out var entry).Should().BeTrue($"key {key * 8} is found again after the table grew");
            entry.Mask.Should().Be((ulong)key);
        }
    }

    [Fact]
    public void Add_PastTheMostKept_StartsOver_AndClearEmptiesTheTable()
    {
        var table = new NameScorer.NumberedBounds();
        for (var key = 0; key < NameScorer.MaxBoundMemo; key++)
        {
            table.Add(key * 8, new NameScorer.TokenBound(1, 0, 0.5, false, false, false));
        }

        table.Add(1, new NameScorer.TokenBound(2, 0, 0.25, true, false, false));

        table.Count.Should().Be(1);
        table.TryGetValue(0, out _).Should().BeFalse("the table started over before the entry past the most kept");
        table.TryGetValue(1, out var last).Should().BeTrue();
        last.Should().Be(new NameScorer.TokenBound(2, 0, 0.25, true, false, false));

        table.Clear();
        table.Count.Should().Be(0);
        table.TryGetValue(1, out _).Should().BeFalse();
        table.Add(1, new NameScorer.TokenBound(3, 0, 1, false, false, false));
        table.TryGetValue(1, out var again).Should().BeTrue();
        again.Mask.Should().Be(3UL);
    }
}
