using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// What the look-up by sound took for the runs of a transliterated name (<see cref="CandidateIndex.SoundAlikeWords"/>): for
/// each group of runs walked together, the Latin words it offered with their weights, in the order it offered them, so that a
/// group met again (a common syllable pair of Korean or Chinese names, a word of a Russian name) is read back rather than walked
/// again.
/// </summary>
/// <remarks>
/// The memo is bounded and allocated once, when the first group is added: a table of <see cref="MaxGroups"/> groups and one
/// array of <see cref="MaxWords"/> words shared by every group. When either is full it starts over empty in the same memory,
/// so screening allocates nothing for it after that first addition. Safe for concurrent use: groups are added, and read by
/// copying their words out, under one lock.
/// </remarks>
internal sealed class SoundRunMemo
{
    /// <summary>The most groups the memo holds before it starts over.</summary>
    internal const int MaxGroups = 32_768;

    /// <summary>The most words, over all groups, the memo holds before it starts over (3 MB).</summary>
    internal const int MaxWords = 1 << 18;

    private readonly object _gate = new();
    private readonly int _maxGroups;
    private readonly int _maxWords;
    private Dictionary<Key, long>? _groups;
    private int[]? _words;
    private double[]? _weights;
    private int _used;
    private int _startedOver;

    /// <summary>Initializes a new, empty instance of the <see cref="SoundRunMemo"/> class of the default size.</summary>
    public SoundRunMemo()
        : this(MaxGroups, MaxWords)
    {
    }

    /// <summary>Initializes a new, empty instance of the <see cref="SoundRunMemo"/> class of a given size (for tests).</summary>
    /// <param name="maxGroups">The most groups held.</param>
    /// <param name="maxWords">The most words held over all groups, and the most one group can keep.</param>
    internal SoundRunMemo(int maxGroups, int maxWords)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxGroups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWords);
        _maxGroups = maxGroups;
        _maxWords = maxWords;
    }

    /// <summary>Gets the number of groups held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _groups?.Count ?? 0;
            }
        }
    }

    /// <summary>Gets the number of words held, over all groups.</summary>
    public int Words
    {
        get
        {
            lock (_gate)
            {
                return _used;
            }
        }
    }

    /// <summary>Gets how many times the memo was full and started over.</summary>
    public int StartedOver => Volatile.Read(ref _startedOver);

    /// <summary>Copies the words kept for a group of runs.</summary>
    /// <param name="script">The script the runs were transliterated from.</param>
    /// <param name="longest">The codes of the group's longest run; every other run's are its first codes.</param>
    /// <param name="ends">The number of codes of each run of the group, as <see cref="PackEnds"/> packs them.</param>
    /// <param name="words">Receives the words with their weights, in the order the look-up offered them, in place of what it held;
    /// left as it was when the group is not held.</param>
    /// <returns>Whether the group is held.</returns>
    public bool TryCopy(NameScript script, string longest, ulong ends, List<SoundWord> words)
    {
        lock (_gate)
        {
            if (_groups is null || !_groups.TryGetValue(new Key(script, longest, ends), out var at))
            {
                return false;
            }

            words.Clear();
            var start = (int)(at >> 32);
            var end = start + (int)at;
            for (var w = start; w < end; w++)
            {
                words.Add(new SoundWord(_words![w], _weights![w]));
            }

            return true;
        }
    }

    /// <summary>Keeps the words of a group of runs, starting over first when the memo is full; a group already held, or one
    /// with more words than the whole memo holds, is left as it is.</summary>
    /// <param name="script">The script the runs were transliterated from.</param>
    /// <param name="longest">The codes of the group's longest run.</param>
    /// <param name="ends">The number of codes of each run, packed (<see cref="PackEnds"/>).</param>
    /// <param name="words">The words with their weights, in the order the look-up offered them.</param>
    public void Add(NameScript script, string longest, ulong ends, ReadOnlySpan<SoundWord> words)
    {
        if (words.Length > _maxWords)
        {
            return;
        }

        var key = new Key(script, longest, ends);
        lock (_gate)
        {
            if (_groups is null)
            {
                _groups = new Dictionary<Key, long>(_maxGroups);
                _words = GC.AllocateUninitializedArray<int>(_maxWords);
                _weights = GC.AllocateUninitializedArray<double>(_maxWords);
            }
            else if (_groups.ContainsKey(key))
            {
                // Two threads that worked out the same group keep the first.
                return;
            }
            else if (_groups.Count >= _maxGroups || _used + words.Length > _maxWords)
            {
                _groups.Clear();
                _used = 0;
                _startedOver++;
            }

            _groups.Add(key, ((long)_used << 32) | (uint)words.Length);
            foreach (var (word, weight) in words)
            {
                _words![_used] = word;
                _weights![_used] = weight;
                _used++;
            }
        }
    }

    /// <summary>Forgets every group (the memory stays).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _groups?.Clear();
            _used = 0;
        }
    }

    /// <summary>Packs the number of codes of each run of a group, one byte each, into a key; <see langword="null"/> when a run
    /// is too long (over 255 codes) or the group has more than eight runs, which are not kept.</summary>
    /// <param name="ends">The number of codes of each run, in increasing order.</param>
    /// <returns>The packed key.</returns>
    public static ulong? PackEnds(ReadOnlySpan<int> ends)
    {
        if (ends.Length > 8)
        {
            return null;
        }

        var packed = 0UL;
        for (var r = 0; r < ends.Length; r++)
        {
            if (ends[r] is < 1 or > byte.MaxValue)
            {
                return null;
            }

            packed |= (ulong)ends[r] << (8 * r);
        }

        return packed;
    }

    // A group of runs: the script, the longest run's codes and the packed lengths of its runs.
    private readonly record struct Key(NameScript Script, string Longest, ulong Ends);
}

/// <summary>A Latin word the look-up by sound offered, by its number among the sound words, with its weight.</summary>
/// <param name="Word">The word's number in <see cref="SoundVocabulary.Words"/>.</param>
/// <param name="Weight">Its weight.</param>
internal readonly record struct SoundWord(int Word, double Weight);
