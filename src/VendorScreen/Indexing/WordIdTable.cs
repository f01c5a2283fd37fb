using System.Numerics;

namespace VendorScreen.Indexing;

/// <summary>The position of each word of a list of distinct words, found by the word: a table of positions with open addressing,
/// half empty, which takes a quarter of the memory of a dictionary of strings and is made without an entry object per word.</summary>
/// <remarks>Immutable once made, and safe for concurrent reads.</remarks>
internal sealed class WordIdTable
{
    private readonly string[] _words;

    // The position of a word plus one in the slot of its hash, or in the first empty slot after it; 0 in an empty slot.
    private readonly int[] _slots;
    private readonly int _mask;

    /// <summary>Initializes a new instance of the <see cref="WordIdTable"/> class.</summary>
    /// <param name="words">The words, each once; the table reads them, and they must not be changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="words"/> or one of its words is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A word is listed twice.</exception>
    public WordIdTable(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, 2 * words.Length));
        _slots = new int[size];
        _mask = size - 1;
        for (var id = 0; id < words.Length; id++)
        {
            var word = words[id] ?? throw new ArgumentNullException(nameof(words), $"Word {id} is null.");
            var at = string.GetHashCode(word.AsSpan()) & _mask;
            while (_slots[at] != 0)
            {
                if (string.Equals(_words[_slots[at] - 1], word, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The word \"{word}\" is listed twice.", nameof(words));
                }

                at = (at + 1) & _mask;
            }

            _slots[at] = id + 1;
        }
    }

    /// <summary>Gets the number of bytes of the table of positions.</summary>
    public long Bytes => 4L * _slots.Length;

    /// <summary>Finds the position of a word.</summary>
    /// <param name="word">The word.</param>
    /// <param name="id">Its position in the list; -1 when it is not listed.</param>
    /// <returns>Whether the word is listed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is <see langword="null"/>.</exception>
    public bool TryGetId(string word, out int id)
    {
        ArgumentNullException.ThrowIfNull(word);
        var at = string.GetHashCode(word.AsSpan()) & _mask;
        while (_slots[at] is var slot and not 0)
        {
            if (string.Equals(_words[slot - 1], word, StringComparison.Ordinal))
            {
                id = slot - 1;
                return true;
            }

            at = (at + 1) & _mask;
        }

        id = -1;
        return false;
    }
}
