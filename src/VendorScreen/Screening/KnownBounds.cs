namespace VendorScreen.Screening;

/// <summary>
/// The answers of the bound (<see cref="Matching.NameScorer.MayReach"/>) a look-up's helper works out for a few names while the
/// look-up runs, by name id, for the look-up's candidates to read: written by one thread, read by any while it writes (a reader
/// that does not find a name yet bounds it itself, and gets the same answer). Holds at most <see cref="Capacity"/> names.
/// </summary>
internal sealed class KnownBounds
{
    /// <summary>The most names held.</summary>
    public const int Capacity = 64;

    // Open addressing over twice the capacity: a slot's key is the name id plus one (0 when free), written after its answer.
    private const int Slots = 2 * Capacity;
    private readonly int[] _keys = new int[Slots];
    private readonly bool[] _answers = new bool[Slots];

    /// <summary>Gets how many names are held.</summary>
    public int Count { get; private set; }

    /// <summary>Gets whether the answer for a name is held, and the answer.</summary>
    /// <param name="id">The name's id.</param>
    /// <param name="mayReach">Whether the name's score may reach the value bounded against.</param>
    /// <returns><see langword="true"/> when the answer is held.</returns>
    public bool TryGet(int id, out bool mayReach)
    {
        var key = id + 1;
        for (var slot = SlotOf(id); ; slot = (slot + 1) & (Slots - 1))
        {
            var held = Volatile.Read(ref _keys[slot]);
            if (held == key)
            {
                mayReach = _answers[slot];
                return true;
            }

            if (held == 0)
            {
                mayReach = false;
                return false;
            }
        }
    }

    /// <summary>Gets whether a name is held (for the writer).</summary>
    /// <param name="id">The name's id.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Contains(int id) => TryGet(id, out _);

    /// <summary>Adds the answer for a name not held (for the one thread that writes).</summary>
    /// <param name="id">The name's id (0 or more).</param>
    /// <param name="mayReach">Whether the name's score may reach the value bounded against.</param>
    /// <returns><see langword="false"/> when it is full.</returns>
    public bool TryAdd(int id, bool mayReach)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (Count == Capacity)
        {
            return false;
        }

        var slot = SlotOf(id);
        while (_keys[slot] != 0)
        {
            slot = (slot + 1) & (Slots - 1);
        }

        _answers[slot] = mayReach;
        Volatile.Write(ref _keys[slot], id + 1);
        Count++;
        return true;
    }

    /// <summary>Forgets every answer (for the writer, when no reader is left).</summary>
    public void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(_keys);
            Count = 0;
        }
    }

    // Ids close together (the names of one entity) spread over the slots.
    private static int SlotOf(int id) => (int)(((uint)id * 2654435769u) >> 25);
}
