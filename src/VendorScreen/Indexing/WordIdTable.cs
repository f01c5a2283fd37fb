using System.Numerics;
using System.Runtime.CompilerServices;

namespace VendorScreen.Indexing;

/// <summary>The position of each word of a list of distinct words, found by the word: a table of positions with open addressing,
/// half empty, which takes about 60 % of the memory of a dictionary of strings and is made without an entry object per word. Each slot
/// keeps the word's hash beside its position, so that a probe reads a word only when the hashes agree: a word of the list is
/// read once when found, and a word not listed is almost never read.</summary>
/// <remarks>Immutable once made, and safe for concurrent reads.</remarks>
internal sealed class WordIdTable
{
    private readonly string[] _words;

    // The word's hash in the high 32 bits and its position plus one in the low 32, in the slot of its hash or in the first empty
    // slot after it; 0 in an empty slot.
    private readonly ulong[] _slots;
    private readonly int _mask;

    /// <summary>Initializes a new instance of the <see cref="WordIdTable"/> class.</summary>
    /// <param name="words">The words, each once; the table reads them, and they must not be changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="words"/> or one of its words is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A word is listed twice.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Made once per index build or load, over every word.
    public WordIdTable(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, 2 * words.Length));
        _slots = new ulong[size];
        _mask = size - 1;
        for (var id = 0; id < words.Length; id++)
        {
            var word = words[id] ?? throw new ArgumentNullException(nameof(words), $"Word {id} is null.");
            var hash = string.GetHashCode(word.AsSpan());
            var at = hash & _mask;
            while (_slots[at] is var slot and not 0)
            {
                if (HashOf(slot) == hash && string.Equals(_words[IdOf(slot)], word, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The word \"{word}\" is listed twice.", nameof(words));
                }

                at = (at + 1) & _mask;
            }

            _slots[at] = ((ulong)(uint)hash << 32) | (uint)(id + 1);
        }
    }

    /// <summary>Gets the number of bytes of the table of positions.</summary>
    public long Bytes => 8L * _slots.Length;

    /// <summary>Finds the position of a word.</summary>
    /// <param name="word">The word.</param>
    /// <param name="id">Its position in the list; -1 when it is not listed.</param>
    /// <returns>Whether the word is listed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is <see langword="null"/>.</exception>
    public bool TryGetId(string word, out int id)
    {
        ArgumentNullException.ThrowIfNull(word);
        return TryGetId(word.AsSpan(), out id);
    }

    /// <summary>Finds the position of a word given as characters (a part of a longer word), without making a string of it.</summary>
    /// <param name="word">The word.</param>
    /// <param name="id">Its position in the list; -1 when it is not listed.</param>
    /// <returns>Whether the word is listed.</returns>
    public bool TryGetId(ReadOnlySpan<char> word, out int id)
    {
        var hash = string.GetHashCode(word);
        var at = hash & _mask;
        while (_slots[at] is var slot and not 0)
        {
            if (HashOf(slot) == hash && word.SequenceEqual(_words[IdOf(slot)]))
            {
                id = IdOf(slot);
                return true;
            }

            at = (at + 1) & _mask;
        }

        id = -1;
        return false;
    }

    private static int HashOf(ulong slot) => (int)(slot >> 32);

    private static int IdOf(ulong slot) => (int)(uint)slot - 1;
}
