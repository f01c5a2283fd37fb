namespace VendorScreen.Indexing;

/// <summary>
/// What the misspelling look-up returned for each typo-vocabulary word taken as a query token, kept from its first look-up: as a
/// Latin-script query's token and as a transliterated query's. The results are lists of vocabulary ids written one after
/// another into large arrays of integers: such an array lies on the large object heap, where the collector never moves it,
/// and holds no reference it would have to trace, so a memo that grows with the queries adds no work to the collections
/// (one small array per result did: every generation-1 collection of a screening process copied the results added since
/// the one before, about 11 ms for 3 MB).
/// </summary>
/// <remarks>Safe for concurrent use: results are added under a lock and published, once written, by one write.</remarks>
internal sealed class MisspellingMemo
{
    // Ids per array: 128 KB, above the large-object threshold.
    private const int ChunkLength = 1 << 15;

    // Per vocabulary id and kind of look-up: 0 while unknown, else 1 + (the result's first position << 8 | its length).
    private readonly long[] _asLatin;
    private readonly long[] _asTransliterated;
    private readonly int[]?[] _chunks;
    private readonly object _gate = new();
    private int _chunkCount;
    private int _used;

    /// <summary>Initializes a new, empty instance of the <see cref="MisspellingMemo"/> class.</summary>
    /// <param name="vocabularyCount">The number of words of the typo vocabulary.</param>
    /// <param name="maxLength">The longest result kept (at most 255).</param>
    public MisspellingMemo(int vocabularyCount, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vocabularyCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 255);
        _asLatin = new long[vocabularyCount];
        _asTransliterated = new long[vocabularyCount];
        MaxLength = maxLength;

        // Every result of every word at its longest fits, each within one array.
        var perChunk = ChunkLength / Math.Max(1, maxLength);
        _chunks = new int[]?[(int)Math.Min(int.MaxValue, (2L * vocabularyCount / perChunk) + 1)];
    }

    /// <summary>Gets the longest result kept.</summary>
    public int MaxLength { get; }

    /// <summary>Gets the result kept for a word, if any.</summary>
    /// <param name="id">The word's vocabulary id.</param>
    /// <param name="asLatin">Whether the look-up is a Latin-script query's (else a transliterated query's).</param>
    /// <param name="ids">Receives the vocabulary ids of the result.</param>
    /// <returns>Whether a result is kept.</returns>
    public bool TryGet(int id, bool asLatin, out ArraySegment<int> ids)
    {
        var entry = Volatile.Read(ref (asLatin ? _asLatin : _asTransliterated)[id]);
        if (entry == 0)
        {
            ids = default;
            return false;
        }

        ids = Segment(entry - 1);
        return true;
    }

    /// <summary>Keeps the result of a word's look-up, unless one is already kept, and gives the one kept.</summary>
    /// <param name="id">The word's vocabulary id.</param>
    /// <param name="asLatin">Whether the look-up is a Latin-script query's.</param>
    /// <param name="ids">The vocabulary ids of the result, at most <see cref="MaxLength"/>.</param>
    /// <returns>The result kept.</returns>
    public ArraySegment<int> Add(int id, bool asLatin, ReadOnlySpan<int> ids)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Length, MaxLength, nameof(ids));
        var entries = asLatin ? _asLatin : _asTransliterated;
        lock (_gate)
        {
            // Another thread may have kept the word's result meanwhile: the same result, kept once.
            if (entries[id] is var kept and not 0)
            {
                return Segment(kept - 1);
            }

            // An empty result takes no room (its entry says length 0).
            var entry = 0L;
            if (ids.Length > 0)
            {
                if (_chunkCount == 0 || _used + ids.Length > ChunkLength)
                {
                    _chunks[_chunkCount++] = new int[ChunkLength];
                    _used = 0;
                }

                var chunk = _chunkCount - 1;
                ids.CopyTo(_chunks[chunk].AsSpan(_used));
                entry = ((((long)chunk * ChunkLength) + _used) << 8) | (long)ids.Length;
                _used += ids.Length;
            }

            Volatile.Write(ref entries[id], entry + 1);
            return Segment(entry);
        }
    }

    /// <summary>Gets the number of results kept.</summary>
    public int Count => _asLatin.Count(e => e != 0) + _asTransliterated.Count(e => e != 0);

    /// <summary>Gets the bytes the memo takes: its two tables of entries and its arrays of ids.</summary>
    public long Bytes => (16L * _asLatin.Length) + (8L * _chunks.Length) + (4L * ChunkLength * Volatile.Read(ref _chunkCount));

    private ArraySegment<int> Segment(long entry)
    {
        var length = (int)(entry & 0xFF);
        if (length == 0)
        {
            return ArraySegment<int>.Empty;
        }

        var position = entry >> 8;
        return new ArraySegment<int>(_chunks[position / ChunkLength]!, (int)(position % ChunkLength), length);
    }

    /// <summary>Gets the number of ids an array of the memo holds.</summary>
    internal static int IdsPerArray => ChunkLength;
}
