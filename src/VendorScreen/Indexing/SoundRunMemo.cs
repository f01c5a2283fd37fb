using System.Collections.Concurrent;
using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// What the look-up by sound took for the runs of a transliterated name (<see cref="CandidateIndex.SoundAlikeWords"/>): for
/// each group of runs walked together, the Latin words it offered with their weights, in the order it offered them, so that a
/// run met again (a common syllable pair of Korean or Chinese names, a word of a Russian name) is read back rather than walked
/// again. The words are kept by number in large arrays shared by every group, so a group added allocates no array of its own.
/// </summary>
/// <remarks>
/// Safe for concurrent use: a group's words are written under a lock and published, once written, by adding the group's key.
/// The memo is bounded: once it holds <see cref="MaxGroups"/> groups or its arrays are full it takes no more, and the index
/// that owns it starts a new, empty one (<see cref="CandidateIndex"/>), which a thread still reading the old one does not
/// disturb.
/// </remarks>
internal sealed class SoundRunMemo
{
    /// <summary>The most groups one memo holds.</summary>
    internal const int MaxGroups = 32_768;

    // Words per array: 8,192 of 16 bytes, 128 KB, above the large-object threshold.
    private const int ChunkLength = 1 << 13;

    // Arrays per memo: 64 of 8,192 words, 8 MB at most.
    private const int MaxChunks = 64;

    private readonly ConcurrentDictionary<Key, long> _groups = new();
    private readonly SoundWord[]?[] _chunks;
    private readonly int _chunkLength;
    private readonly int _maxGroups;
    private readonly object _gate = new();
    private int _chunkCount;
    private int _used;
    private int _count;

    /// <summary>Initializes a new, empty instance of the <see cref="SoundRunMemo"/> class of the default size.</summary>
    public SoundRunMemo()
        : this(MaxGroups, ChunkLength, MaxChunks)
    {
    }

    /// <summary>Initializes a new, empty instance of the <see cref="SoundRunMemo"/> class of a given size (for tests).</summary>
    /// <param name="maxGroups">The most groups held.</param>
    /// <param name="chunkLength">The words each shared array holds, and the most one group can keep.</param>
    /// <param name="maxChunks">The most shared arrays.</param>
    internal SoundRunMemo(int maxGroups, int chunkLength, int maxChunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxGroups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChunks);
        _maxGroups = maxGroups;
        _chunkLength = chunkLength;
        _chunks = new SoundWord[]?[maxChunks];
    }

    /// <summary>Gets the number of groups held.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Gets whether the memo takes no more groups.</summary>
    public bool IsFull => Volatile.Read(ref _count) >= _maxGroups;

    /// <summary>Gets the words kept for a group of runs.</summary>
    /// <param name="script">The script the runs were transliterated from.</param>
    /// <param name="longest">The codes of the group's longest run; every other run's are its first codes.</param>
    /// <param name="ends">The number of codes of each run of the group, as <see cref="PackEnds"/> packs them.</param>
    /// <param name="words">The words with their weights, in the order the look-up offered them.</param>
    /// <returns>Whether the group is held.</returns>
    public bool TryGet(NameScript script, string longest, ulong ends, out ReadOnlySpan<SoundWord> words)
    {
        if (_groups.TryGetValue(new Key(script, longest, ends), out var at))
        {
            words = _chunks[(int)(at >> 40)].AsSpan((int)(at >> 20) & 0xFFFFF, (int)(at & 0xFFFFF));
            return true;
        }

        words = default;
        return false;
    }

    /// <summary>Keeps the words of a group of runs.</summary>
    /// <param name="script">The script the runs were transliterated from.</param>
    /// <param name="longest">The codes of the group's longest run.</param>
    /// <param name="ends">The number of codes of each run, packed (<see cref="PackEnds"/>).</param>
    /// <param name="words">The words with their weights, in the order the look-up offered them.</param>
    /// <returns><see langword="false"/> when the memo is full and took nothing (a group already held, or one with more words
    /// than one shared array holds, is left as it is and counts as taken).</returns>
    public bool TryAdd(NameScript script, string longest, ulong ends, ReadOnlySpan<SoundWord> words)
    {
        if (words.Length > _chunkLength)
        {
            return true;
        }

        long at;
        lock (_gate)
        {
            if (_count >= _maxGroups)
            {
                return false;
            }

            if (_chunkCount == 0 || _used + words.Length > _chunkLength)
            {
                if (_chunkCount == _chunks.Length)
                {
                    _count = _maxGroups;
                    return false;
                }

                _chunks[_chunkCount++] = new SoundWord[_chunkLength];
                _used = 0;
            }

            var chunk = _chunkCount - 1;
            words.CopyTo(_chunks[chunk].AsSpan(_used));
            at = ((long)chunk << 40) | ((long)_used << 20) | (long)words.Length;
            _used += words.Length;
            _count++;
        }

        // Two threads that worked out the same group keep the first; the words of the second stay unread in their array.
        _groups.TryAdd(new Key(script, longest, ends), at);
        return true;
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
