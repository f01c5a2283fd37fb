using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// The misspelling look-ups of one query's tokens, shared between the thread that finds the query's candidates and a helper
/// (<see cref="CandidateIndex.LookUpSimilarFromTheEnd"/>), a slot per token (<see cref="SharedLookUp"/>).
/// </summary>
internal sealed class SharedSimilarWords : SharedLookUp
{
    private ArraySegment<int>[] _words = new ArraySegment<int>[16];

    /// <summary>Readies the look-ups of a query, before a helper is given them.</summary>
    /// <param name="query">The query.</param>
    public void Reset(NormalizedName query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var count = query.Tokens.Count;
        if (_words.Length < count)
        {
            _words = new ArraySegment<int>[count];
        }
        else
        {
            Array.Clear(_words, 0, count);
        }

        ResetSlots(query, count);
    }

    /// <summary>Forgets the query (the look-ups hold none of its words after this).</summary>
    public override void Clear()
    {
        if (Query is { } query)
        {
            Array.Clear(_words, 0, query.Tokens.Count);
        }

        base.Clear();
    }

    /// <summary>Gives the words a token taken was found to misspell.</summary>
    /// <param name="token">The token's position in the query.</param>
    /// <param name="words">The words found.</param>
    public void Done(int token, ArraySegment<int> words)
    {
        _words[token] = words;
        MarkDone(token);
    }

    /// <summary>Reads the words found for a token, once whichever thread took it is done; nothing once the look-ups are cleared
    /// (a helper may still read them after the screening's thread is done with them).</summary>
    /// <param name="token">The token's position in the query.</param>
    /// <param name="words">The words found.</param>
    /// <returns>Whether the token is done and its words are still held.</returns>
    public bool TryRead(int token, out ArraySegment<int> words)
    {
        words = IsDone(token) ? _words[token] : default;
        return words.Array is not null;
    }

    /// <summary>For the screening's thread: takes a token to look up itself (<see langword="false"/>), or reads the helper's
    /// words for it once the helper is done (<see langword="true"/>); a token the helper has held too long is left to the
    /// caller (<see langword="false"/>).</summary>
    /// <param name="token">The token's position in the query.</param>
    /// <param name="words">The helper's words.</param>
    /// <returns>Whether the words were read from the helper.</returns>
    public bool TryTakeOrRead(int token, out ArraySegment<int> words)
    {
        var read = TryTakeOrWait(token);
        words = read ? _words[token] : default;
        return read;
    }
}
