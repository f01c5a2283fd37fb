using System.Runtime.CompilerServices;

namespace VendorScreen.Indexing;

/// <summary>
/// Lists of ids by key (the posting lists of an index, the trigram lists of its typo vocabulary), all held in one array with the
/// start of each list, rather than as an array each. An index holds about a hundred thousand lists, most of them of one or two
/// ids: as one array they are one object for the collector to pass over when an index is built or loaded, not one each.
/// </summary>
/// <typeparam name="TKey">The key of a list.</typeparam>
/// <remarks>Lists are numbered in the order they were added, which is the order of <see cref="Keys"/>. Instances are immutable
/// once built and safe for concurrent use.</remarks>
internal sealed class PooledLists<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _numbers;

    // The start of each list in _ids, and one more entry for the end of the last.
    private readonly int[] _starts;
    private readonly int[] _ids;

    // Built once per index build or load, over every list: compiled optimised at once (MethodImplOptions.AggressiveOptimization),
    // as the snapshot reader's loops are, rather than first without optimisation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PooledLists(Dictionary<TKey, int> numbers, int[] starts, int[] ids)
    {
        _numbers = numbers;
        _starts = starts;
        _ids = ids;
        for (var n = 0; n < numbers.Count; n++)
        {
            Longest = Math.Max(Longest, starts[n + 1] - starts[n]);
        }
    }

    /// <summary>Gets the number of lists.</summary>
    public int Count => _numbers.Count;

    /// <summary>Gets the keys, in the order of the lists' numbers.</summary>
    public Dictionary<TKey, int>.KeyCollection Keys => _numbers.Keys;

    /// <summary>Gets the number of ids of the longest list (0 when there is none).</summary>
    public int Longest { get; }

    /// <summary>Gets the number of ids held, over every list.</summary>
    public int TotalIds => _ids.Length;

    /// <summary>Gets the table of list numbers by key, for look-ups by another form of the key
    /// (<c>GetAlternateLookup</c>).</summary>
    internal Dictionary<TKey, int> Numbers => _numbers;

    /// <summary>Gets the ids of the list with a number.</summary>
    /// <param name="number">The list's number, from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The ids, as they were added.</returns>
    public ReadOnlySpan<int> this[int number] => _ids.AsSpan(_starts[number], _starts[number + 1] - _starts[number]);

    /// <summary>Gets the list of a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="ids">The ids of its list; empty when the key has none.</param>
    /// <returns>Whether the key has a list.</returns>
    public bool TryGetValue(TKey key, out ReadOnlySpan<int> ids)
    {
        if (_numbers.TryGetValue(key, out var number))
        {
            ids = this[number];
            return true;
        }

        ids = default;
        return false;
    }

    /// <summary>Gets the ids of a key's list as the array that holds every list and the list's place in it, for a caller that
    /// keeps several lists' places at once.</summary>
    /// <param name="key">The key.</param>
    /// <param name="ids">The array of every list's ids (the same for every key); to be read, never written.</param>
    /// <param name="start">The position of the list's first id.</param>
    /// <param name="end">The position past its last id.</param>
    /// <returns>Whether the key has a list.</returns>
    public bool TryGetRange(TKey key, out int[] ids, out int start, out int end)
    {
        if (_numbers.TryGetValue(key, out var number))
        {
            RangeOf(number, out ids, out start, out end);
            return true;
        }

        (ids, start, end) = (_ids, 0, 0);
        return false;
    }

    /// <summary>Gets the array of every list's ids, as <see cref="TryGetRange"/> gives it; to be read, never written.</summary>
    public int[] Ids => _ids;

    /// <summary>Gets the ids of a list by its number (a value of <see cref="Numbers"/>), as <see cref="TryGetRange"/> gives them.</summary>
    /// <param name="number">The list's number.</param>
    /// <param name="ids">The array of every list's ids (the same for every list); to be read, never written.</param>
    /// <param name="start">The position of the list's first id.</param>
    /// <param name="end">The position past its last id.</param>
    public void RangeOf(int number, out int[] ids, out int start, out int end)
    {
        ids = _ids;
        (start, end) = (_starts[number], _starts[number + 1]);
    }

    /// <summary>Makes the lists of a dictionary, numbered in its order, with its comparer of keys.</summary>
    /// <param name="lists">The lists by key.</param>
    /// <returns>The lists.</returns>
    public static PooledLists<TKey> Of(Dictionary<TKey, List<int>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var total = 0;
        foreach (var ids in lists.Values)
        {
            total += ids.Count;
        }

        var builder = new Builder(lists.Count, total, lists.Comparer);
        foreach (var (key, ids) in lists)
        {
            builder.TryAdd(key, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
        }

        return builder.Build();
    }

    /// <summary>Makes <see cref="PooledLists{TKey}"/>: lists are added one at a time, in the order of their numbers.</summary>
    /// <remarks>Not thread-safe.</remarks>
    internal sealed class Builder
    {
        private readonly Dictionary<TKey, int> _numbers;
        private readonly List<int> _starts;
        private int[] _ids;
        private int _length;

        /// <summary>Initializes a new instance of the <see cref="Builder"/> class.</summary>
        /// <param name="capacity">The number of lists expected.</param>
        /// <param name="idCapacity">The number of ids expected over every list: when it is exact, the lists are built without a copy.</param>
        /// <param name="comparer">The comparer of keys; <see langword="null"/> for the default.</param>
        public Builder(int capacity, int idCapacity, IEqualityComparer<TKey>? comparer)
        {
            _numbers = new Dictionary<TKey, int>(capacity, comparer);
            _starts = new List<int>(capacity + 1) { 0 };
            _ids = new int[idCapacity];
        }

        /// <summary>Adds the list of a key.</summary>
        /// <param name="key">The key, not yet added.</param>
        /// <param name="ids">The list's ids.</param>
        /// <returns><see langword="false"/>, and nothing added, when the key was already added.</returns>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryAdd(TKey key, ReadOnlySpan<int> ids)
        {
            if (!_numbers.TryAdd(key, _numbers.Count))
            {
                return false;
            }

            if (_ids.Length - _length < ids.Length)
            {
                Array.Resize(ref _ids, Math.Max(_length + ids.Length, Math.Max(16, _ids.Length * 2)));
            }

            ids.CopyTo(_ids.AsSpan(_length));
            _length += ids.Length;
            _starts.Add(_length);
            return true;
        }

        /// <summary>Makes the lists added so far.</summary>
        /// <returns>The lists.</returns>
        public PooledLists<TKey> Build() => new(_numbers, [.. _starts], _ids.Length == _length ? _ids : _ids.AsSpan(0, _length).ToArray());
    }
}
