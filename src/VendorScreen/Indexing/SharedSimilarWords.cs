using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// The misspelling look-ups of one query's tokens, shared between the thread that finds the query's candidates and a helper
/// (<see cref="CandidateIndex.LookUpSimilarFromTheEnd"/>): each token is taken by one of them, and the other reads what it found
/// once it is done. A token the helper holds for longer than a look-up takes (a helper the system has set aside) is looked up
/// again by the screening's thread, which then keeps its own result.
/// </summary>
internal sealed class SharedSimilarWords
{
    // By token: 0 while free, 1 once taken, 2 once looked up (its words in _words).
    private int[] _state = new int[16];
    private ArraySegment<int>[] _words = new ArraySegment<int>[16];

    /// <summary>Gets the query the look-ups are of.</summary>
    public NormalizedName? Query { get; private set; }

    /// <summary>Gets how many tokens of the query the screening's thread read from the helper (for tests).</summary>
    public int ReadFromHelper { get; private set; }

    /// <summary>Readies the look-ups of a query, before a helper is given them.</summary>
    /// <param name="query">The query.</param>
    public void Reset(NormalizedName query)
    {
        var count = query.Tokens.Count;
        if (_state.Length < count)
        {
            _state = new int[count];
            _words = new ArraySegment<int>[count];
        }
        else
        {
            Array.Clear(_state, 0, count);
            Array.Clear(_words, 0, count);
        }

        Query = query;
        ReadFromHelper = 0;
    }

    /// <summary>Forgets the query (the look-ups hold none of its words after this).</summary>
    public void Clear()
    {
        if (Query is { } query)
        {
            Array.Clear(_words, 0, query.Tokens.Count);
        }

        Query = null;
    }

    /// <summary>Takes a token to look up, unless the other thread has.</summary>
    /// <param name="token">The token's position in the query.</param>
    /// <returns><see langword="true"/> when it was free.</returns>
    public bool TryTake(int token) => HelperSlots.TryTake(ref _state[token]);

    /// <summary>Gives the words a token taken was found to misspell.</summary>
    /// <param name="token">The token's position in the query.</param>
    /// <param name="words">The words found.</param>
    public void Done(int token, ArraySegment<int> words)
    {
        _words[token] = words;
        HelperSlots.Done(ref _state[token]);
    }

    /// <summary>For the screening's thread: takes a token to look up itself (<see langword="false"/>), or reads the helper's
    /// words for it once the helper is done (<see langword="true"/>); a token the helper has held too long is left to the
    /// caller (<see langword="false"/>).</summary>
    /// <param name="token">The token's position in the query.</param>
    /// <param name="words">The helper's words.</param>
    /// <returns>Whether the words were read from the helper.</returns>
    public bool TryTakeOrRead(int token, out ArraySegment<int> words)
    {
        words = default;
        if (TryTake(token) || !HelperSlots.WaitUntilDone(ref _state[token]))
        {
            return false;
        }

        words = _words[token];
        ReadFromHelper++;
        return true;
    }
}
