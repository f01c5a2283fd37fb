using FluentAssertions;
using VendorScreen.Screening;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// The answers of the bound a look-up's helper works out while the look-up runs are kept by name id, up to a capacity, for the
/// candidates' turns to read: each name's own answer, none for a name not added, none after a clear, and a consistent answer
/// for a reader on another thread while the helper adds names.
/// </summary>
public sealed class KnownBoundsTests
{
    [Fact]
    public void TryGet_NamesAdded_GivesEachItsOwnAnswerAndNoneForOthers()
    {
        var known = new KnownBounds();
        var ids = new[] { 0, 1, 2, 127, 128, 255, 34_779, 1_000_000 };
        foreach (var id in ids)
        {
            known.TryAdd(id, mayReach: id % 2 == 0).Should().BeTrue();
        }

        foreach (var id in ids)
        {
            known.TryGet(id, out var mayReach).Should().BeTrue("{0} was added", id);
            mayReach.Should().Be(id % 2 == 0);
        }

        known.TryGet(3, out _).Should().BeFalse();
        known.Contains(129).Should().BeFalse();
        known.Count.Should().Be(ids.Length);
    }

    [Fact]
    public void TryAdd_Full_RefusesAndKeepsWhatItHolds()
    {
        var known = new KnownBounds();
        for (var id = 0; id < KnownBounds.Capacity; id++)
        {
            known.TryAdd(id * 128, mayReach: true).Should().BeTrue("ids that share a slot are probed on");
        }

        known.TryAdd(5, mayReach: false).Should().BeFalse();
        known.Contains(5).Should().BeFalse();
        known.Count.Should().Be(KnownBounds.Capacity);
        Enumerable.Range(0, KnownBounds.Capacity).Should().OnlyContain(i => known.Contains(i * 128));
    }

    [Fact]
    public void Clear_AfterAnswers_HoldsNoneAndTakesNewOnes()
    {
        var known = new KnownBounds();
        known.TryAdd(7, mayReach: true);
        known.TryAdd(8, mayReach: false);

        known.Clear();

        known.Count.Should().Be(0);
        known.Contains(7).Should().BeFalse();
        known.TryAdd(7, mayReach: false).Should().BeTrue();
        known.TryGet(7, out var mayReach).Should().BeTrue();
        mayReach.Should().BeFalse("the answer is the new one");
    }

    [Fact]
    public void TryAdd_NegativeId_Throws()
    {
        var add = () => new KnownBounds().TryAdd(-1, mayReach: true);

        add.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task TryGet_WhileAnotherThreadAdds_ReadsEitherNothingOrTheAnswerAdded()
    {
        // The answer of each id is fixed (even ids may reach); a reader racing the writer may miss an id not yet added, never
        // read another answer. Many rounds, each with a fresh table.
        var wrong = 0;
        for (var round = 0; round < 200; round++)
        {
            var known = new KnownBounds();
            var ids = Enumerable.Range(0, KnownBounds.Capacity).Select(i => (i * 7919) + round).ToArray();
            using var start = new Barrier(2);
            var writer = Task.Run(() =>
            {
                start.SignalAndWait();
                foreach (var id in ids)
                {
                    known.TryAdd(id, mayReach: id % 2 == 0);
                }
            });
            var reader = Task.Run(() =>
            {
                start.SignalAndWait();
                for (var pass = 0; pass < 4; pass++)
                {
                    foreach (var id in ids)
                    {
                        if (known.TryGet(id, out var mayReach) && mayReach != (id % 2 == 0))
                        {
                            Interlocked.Increment(ref wrong);
                        }
                    }
                }
            });
            await Task.WhenAll(writer, reader);
            ids.Should().OnlyContain(id => known.Contains(id));
        }

        wrong.Should().Be(0);
    }
}
