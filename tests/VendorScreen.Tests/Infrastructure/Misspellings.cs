namespace VendorScreen.Tests.Infrastructure;

/// <summary>Seeded misspellings of words for tests of the spelling similarity and the typo look-up: random letter edits and
/// sound-alike rewrites.</summary>
internal static class Misspellings
{
    /// <summary>The lower-case Latin letters.</summary>
    public const string Letters = "abcdefghijklmnopqrstuvwxyz";

    private static readonly (string From, string To)[] SoundRewrites =
    [
        ("ks", "x"), ("x", "ks"), ("ph", "f"), ("f", "ph"), ("kh", "h"), ("th", "t"), ("sch", "sh"), ("ou", "u"), ("u", "ou"),
        ("oo", "u"), ("ee", "i"), ("y", "i"), ("i", "y"), ("w", "v"), ("v", "w"), ("c", "k"), ("k", "c"), ("q", "k"),
        ("z", "s"), ("s", "z"), ("dj", "j"), ("ck", "k"), ("o", "u"),
    ];

    /// <summary>Draws a random text of letters from an alphabet.</summary>
    /// <param name="random">The seeded source of the letters.</param>
    /// <param name="alphabet">The letters to draw from.</param>
    /// <param name="length">The length of the text.</param>
    /// <returns>The text.</returns>
    public static string RandomWord(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Draws the second word of a test pair: one time in <paramref name="oneInRandom"/> a random text of letters from the
    /// alphabet, otherwise the word with a few edits (the draws in that order, so that a seed gives the same pairs).</summary>
    /// <param name="word">The first word.</param>
    /// <param name="random">The seeded source.</param>
    /// <param name="alphabet">The letters to draw from.</param>
    /// <param name="oneInRandom">How rarely the second word is random rather than an edit of the first.</param>
    /// <param name="randomLength">The lengths of a random text: from the first, below the second.</param>
    /// <param name="edits">The number of edits: from the first, below the second.</param>
    /// <returns>The second word.</returns>
    public static string NearOrRandom(string word, Random random, string alphabet, int oneInRandom, (int From, int Below) randomLength = default, (int From, int Below) edits = default)
    {
        randomLength = randomLength == default ? (0, 14) : randomLength;
        edits = edits == default ? (0, 4) : edits;
        return random.Next(oneInRandom) == 0
            ? RandomWord(random, alphabet, random.Next(randomLength.From, randomLength.Below))
            : Edit(word, random, random.Next(edits.From, edits.Below), alphabet);
    }

    /// <summary>The optimal string alignment distance (edits: a letter changed, dropped or inserted, two neighbours swapped)
    /// by the textbook table over both whole words: the reference for the library's faster distances.</summary>
    /// <param name="a">One word.</param>
    /// <param name="b">The other word.</param>
    /// <returns>The distance.</returns>
    public static int OsaDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Applies random edits to a text, each one of: a letter changed, a letter dropped (while more than
    /// <paramref name="minLength"/> letters remain), a letter inserted, two neighbours swapped, and with
    /// <paramref name="doubling"/> a letter typed twice.</summary>
    /// <param name="text">The text.</param>
    /// <param name="random">The seeded source of the edits.</param>
    /// <param name="edits">How many edits.</param>
    /// <param name="alphabet">The letters changed or inserted letters are drawn from.</param>
    /// <param name="minLength">The fewest letters a drop leaves.</param>
    /// <param name="doubling">Whether a letter typed twice is one of the edits.</param>
    /// <returns>The edited text.</returns>
    public static string Edit(string text, Random random, int edits = 1, string alphabet = Letters, int minLength = 0, bool doubling = false)
    {
        var chars = text.ToList();
        for (var e = 0; e < edits; e++)
        {
            var at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            var letter = alphabet[random.Next(alphabet.Length)];
            switch (chars.Count == 0 ? 2 : random.Next(doubling ? 5 : 4))
            {
                case 0:
                    chars[at] = letter;
                    break;
                case 1 when chars.Count > minLength:
                    chars.RemoveAt(at);
                    break;
                case 2:
                    chars.Insert(at, letter);
                    break;
                case 3 when doubling:
                    chars.Insert(at, chars[at]);
                    break;
                default:
                    if (at + 1 < chars.Count)
                    {
                        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }

    /// <summary>Rewrites one spelling of a word into a sound-alike one ("ks" / "x", "ph" / "f", "w" / "v", a leading o / u, ...),
    /// at a random place where it stands; the word as it is when no rewrite applies.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <param name="random">The seeded source of the choice.</param>
    /// <returns>The rewritten word.</returns>
    public static string SoundAlike(string word, Random random)
    {
        if (word.Length > 3 && word[0] is 'o' or 'u' && random.Next(3) == 0)
        {
            return (word[0] == 'o' ? "u" : "o") + word[1..];
        }

        var applicable = SoundRewrites.Where(r => word.Contains(r.From, StringComparison.Ordinal)).ToArray();
        if (applicable.Length == 0)
        {
            return word;
        }

        var (from, to) = applicable[random.Next(applicable.Length)];
        var starts = Enumerable.Range(0, word.Length - from.Length + 1).Where(i => string.CompareOrdinal(word, i, from, 0, from.Length) == 0).ToArray();
        var at = starts[random.Next(starts.Length)];
        return word[..at] + to + word[(at + from.Length)..];
    }
}
