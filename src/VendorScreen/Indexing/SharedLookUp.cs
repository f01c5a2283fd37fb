using System.Diagnostics;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// A part of one query's candidate look-up shared between the thread that finds the query's candidates and a helper
/// (<see cref="SharedSimilarWords"/>, <see cref="SharedSoundRuns"/>), in slots: each slot is taken by one of the two threads, and
/// the other reads what it found once it is done. A slot the helper holds for longer than a look-up takes (a helper the system
/// has set aside) is looked up again by the screening's thread, which then keeps its own result.
/// </summary>
internal abstract class SharedLookUp
{
    // How long the screening's thread waits for a slot the helper holds before it looks the slot up itself: longer than a look-up
    // takes, short against a helper the system has set aside.
    private static readonly long PatienceTicks = Stopwatch.Frequency / 5_000;

    // By slot: 0 while free, 1 once taken, 2 once done (its result written).
    private int[] _state = new int[16];
    private int _slots;

    /// <summary>Gets the query the look-up is of, or <see langword="null"/> when there is none.</summary>
    public NormalizedName? Query { get; private set; }

    /// <summary>Gets how many slots of the query the screening's thread read from the helper (for tests).</summary>
    public int ReadFromHelper { get; private set; }

    /// <summary>Takes a slot to look up, unless the other thread has or the slot is not shared.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns><see langword="true"/> when it was free.</returns>
    public bool TryTake(int slot) => slot < _slots && Interlocked.CompareExchange(ref _state[slot], 1, 0) == 0;

    /// <summary>Gets whether a slot has been looked up by the thread that took it.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns><see langword="true"/> once its result is written.</returns>
    public bool IsDone(int slot) => slot < _slots && Volatile.Read(ref _state[slot]) == 2;

    /// <summary>Forgets the query.</summary>
    public virtual void Clear() => Query = null;

    /// <summary>Readies the slots of a query, all free, before a helper is given them.</summary>
    /// <param name="query">The query.</param>
    /// <param name="slots">The number of slots shared.</param>
    protected void ResetSlots(NormalizedName query, int slots)
    {
        if (_state.Length < slots)
        {
            _state = new int[slots];
        }
        else
        {
            Array.Clear(_state, 0, slots);
        }

        _slots = slots;
        Query = query;
        ReadFromHelper = 0;
    }

    /// <summary>Says the result of a slot taken is written.</summary>
    /// <param name="slot">The slot.</param>
    protected void MarkDone(int slot) => Volatile.Write(ref _state[slot], 2);

    /// <summary>For the screening's thread: takes a slot to look up itself (<see langword="false"/>), or waits until the helper
    /// has written its result (<see langword="true"/>, counted as read from the helper); a slot the helper has held too long, or
    /// one not shared, is left to the caller (<see langword="false"/>).</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>Whether the slot's result is the helper's, to be read.</returns>
    protected bool TryTakeOrWait(int slot)
    {
        if (slot >= _slots || TryTake(slot))
        {
            return false;
        }

        var deadline = Stopwatch.GetTimestamp() + PatienceTicks;
        var spin = default(SpinWait);
        while (Volatile.Read(ref _state[slot]) != 2)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        ReadFromHelper++;
        return true;
    }
}
