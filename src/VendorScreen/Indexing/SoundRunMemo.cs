using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// What the look-up by sound took for the runs of a transliterated name (<see cref="CandidateIndex.SoundAlikeWords"/>): for
/// each group of runs walked together, the Latin words it offered with their weights, in the order it offered them, so that a
/// group met again (a common syllable pair of Korean or Chinese names, a word of a Russian name) is read back rather than walked
/// again.
/// </summary>
/// <remarks>
/// The memo is bounded and allocated once, when the first group is added: a table of <see cref="MaxGroups"/> groups, one
/// array of <see cref="MaxWords"/> words shared by every group, and one array of <see cref="MaxChars"/> characters holding the
/// codes of each group's longest run. When any is full it starts over empty in the same memory, so screening allocates nothing
/// for it after that first addition. None of its arrays holds a reference: what it keeps is never traced or moved by the
/// collector, and adding to it leaves no new object for the next collection to promote (with the codes kept as strings, most
/// of what a screening process's later collections promoted were those strings). Safe for concurrent use: groups are added,
/// and read by copying their words out, under one lock.
/// </remarks>
internal sealed class SoundRunMemo
{
    /// <summary>The most groups the memo holds before it starts over.</summary>
    internal const int MaxGroups = 32_768;

    /// <summary>The most words, over all groups, the memo holds before it starts over (3 MB).</summary>
    internal const int MaxWords = 1 << 18;

    /// <summary>The most characters of codes, over all groups, the memo holds before it starts over (1 MB).</summary>
    internal const int MaxChars = 1 << 19;

    private readonly object _gate = new();
    private readonly int _maxGroups;
    private readonly int _maxWords;
    private readonly int _maxChars;

    // The table of groups by hash, open addressing with linear probing: 0 for an empty slot, else the group's place + 1. Twice
    // as many slots as groups, a power of two.
    private int[]? _slots;
    private Group[]? _groups;
    private char[]? _chars;
    private int[]? _words;
    private double[]? _weights;
    private int _count;
    private int _usedWords;
    private int _usedChars;
    private int _startedOver;

    /// <summary>Initializes a new, empty instance of the <see cref="SoundRunMemo"/> class of the default size.</summary>
    public SoundRunMemo()
        : this(MaxGroups, MaxWords, MaxChars)
    {
    }

    /// <summary>Initializes a new, empty instance of the <see cref="SoundRunMemo"/> class of a given size (for tests).</summary>
    /// <param name="maxGroups">The most groups held.</param>
    /// <param name="maxWords">The most words held over all groups, and the most one group can keep.</param>
    /// <param name="maxChars">The most characters of codes held over all groups, and the most one group's can take.</param>
    internal SoundRunMemo(int maxGroups, int maxWords, int maxChars = MaxChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxGroups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWords);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChars);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxGroups, 1 << 29);
        _maxGroups = maxGroups;
        _maxWords = maxWords;
        _maxChars = maxChars;
    }

    /// <summary>Gets the number of groups held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
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
                return _usedWords;
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
        var hash = HashOf(script, longest, ends);
        lock (_gate)
        {
            if (Find(script, longest, ends, hash) is not { } found)
            {
                return false;
            }

            words.Clear();
            var at = _groups![found].WordsAt;
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
    /// with more words or codes than the whole memo holds, is left as it is.</summary>
    /// <param name="script">The script the runs were transliterated from.</param>
    /// <param name="longest">The codes of the group's longest run.</param>
    /// <param name="ends">The number of codes of each run, packed (<see cref="PackEnds"/>).</param>
    /// <param name="words">The words with their weights, in the order the look-up offered them.</param>
    public void Add(NameScript script, string longest, ulong ends, ReadOnlySpan<SoundWord> words)
    {
        ArgumentNullException.ThrowIfNull(longest);
        if (words.Length > _maxWords || longest.Length > _maxChars)
        {
            return;
        }

        var hash = HashOf(script, longest, ends);
        lock (_gate)
        {
            if (_slots is null)
            {
                _slots = new int[SlotCount(_maxGroups)];
                _groups = GC.AllocateUninitializedArray<Group>(_maxGroups);
                _chars = GC.AllocateUninitializedArray<char>(_maxChars);
                _words = GC.AllocateUninitializedArray<int>(_maxWords);
                _weights = GC.AllocateUninitializedArray<double>(_maxWords);
            }
            else if (Find(script, longest, ends, hash) is not null)
            {
                // Two threads that worked out the same group keep the first.
                return;
            }
            else if (_count >= _maxGroups || _usedWords + words.Length > _maxWords || _usedChars + longest.Length > _maxChars)
            {
                StartOver();
                _startedOver++;
            }

            var mask = _slots.Length - 1;
            var slot = hash & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _groups![_count] = new Group(hash, script, ends, _usedChars, longest.Length, ((long)_usedWords << 32) | (uint)words.Length);
            _slots[slot] = ++_count;
            longest.CopyTo(_chars.AsSpan(_usedChars));
            _usedChars += longest.Length;
            foreach (var (word, weight) in words)
            {
                _words![_usedWords] = word;
                _weights![_usedWords] = weight;
                _usedWords++;
            }
        }
    }

    /// <summary>Forgets every group (the memory stays).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            StartOver();
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

    // The slots of a table of a number of groups: a power of two of at least twice as many.
    private static int SlotCount(int groups)
    {
        var slots = 2;
        while (slots < 2 * groups)
        {
            slots <<= 1;
        }

        return slots;
    }

    private static int HashOf(NameScript script, string longest, ulong ends) =>
        HashCode.Combine(script, string.GetHashCode(longest.AsSpan()), ends) & int.MaxValue;

    // The place of a group held, under the lock.
    private int? Find(NameScript script, string longest, ulong ends, int hash)
    {
        if (_slots is null)
        {
            return null;
        }

        var mask = _slots.Length - 1;
        for (var slot = hash & mask; _slots[slot] is var held and not 0; slot = (slot + 1) & mask)
        {
            ref readonly var group = ref _groups![held - 1];
            if (group.Hash == hash && group.Script == script && group.Ends == ends && group.TextLength == longest.Length
                && _chars.AsSpan(group.TextAt, group.TextLength).SequenceEqual(longest))
            {
                return held - 1;
            }
        }

        return null;
    }

    // Empties the table in place, under the lock.
    private void StartOver()
    {
        if (_slots is not null)
        {
            Array.Clear(_slots);
        }

        _count = 0;
        _usedWords = 0;
        _usedChars = 0;
    }

    // A group held: its hash, script and packed run lengths, where its codes are in the characters, and where its words are (the
    // first in the high 32 bits, the number in the low).
    private readonly record struct Group(int Hash, NameScript Script, ulong Ends, int TextAt, int TextLength, long WordsAt);
}

/// <summary>A Latin word the look-up by sound offered, by its number among the sound words, with its weight.</summary>
/// <param name="Word">The word's number in <see cref="SoundVocabulary.Words"/>.</param>
/// <param name="Weight">Its weight.</param>
internal readonly record struct SoundWord(int Word, double Weight);
