using System.Diagnostics;

namespace VendorScreen.Indexing;

/// <summary>
/// The slots of the look-ups a screening's thread shares with a helper (<see cref="SharedSimilarWords"/>,
/// <see cref="SharedSoundRuns"/>): each slot is free (0), taken by one of the two threads (1), or done (2), its result written.
/// </summary>
internal static class HelperSlots
{
    /// <summary>How long the screening's thread waits for a slot the helper holds before it looks the slot up itself: longer than
    /// a look-up takes, short against a helper the system has set aside.</summary>
    internal static readonly long PatienceTicks = Stopwatch.Frequency / 5_000;

    /// <summary>Takes a free slot.</summary>
    /// <param name="state">The slot's state.</param>
    /// <returns><see langword="true"/> when it was free.</returns>
    public static bool TryTake(ref int state) => Interlocked.CompareExchange(ref state, 1, 0) == 0;

    /// <summary>Says the result of a slot taken is written.</summary>
    /// <param name="state">The slot's state.</param>
    public static void Done(ref int state) => Volatile.Write(ref state, 2);

    /// <summary>Waits until the other thread has written a slot's result, or the patience runs out.</summary>
    /// <param name="state">The slot's state, taken by the other thread.</param>
    /// <returns><see langword="true"/> once done; <see langword="false"/> when the patience ran out first.</returns>
    public static bool WaitUntilDone(ref int state)
    {
        var deadline = Stopwatch.GetTimestamp() + PatienceTicks;
        var spin = default(SpinWait);
        while (Volatile.Read(ref state) != 2)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        return true;
    }
}
