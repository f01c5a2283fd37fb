namespace VendorScreen.Normalization;

/// <summary>
/// The nominative endings that Latvian and Lithuanian add to names, their own and foreign ones: Latvian <c>-s</c> ("Lavrovs",
/// "Sergejs", "Vladimirs"), Lithuanian <c>-as</c>, <c>-is</c>, <c>-ys</c>, <c>-us</c>, <c>-ius</c> ("Lavrovas", "Sergejus",
/// "Igoris"). A name so written is the name without the ending; the Russian <c>й</c> that Latvian and Lithuanian write <c>j</c>
/// is <c>y</c> or <c>i</c> in English ("Sergejs" / "Sergey", "Sergei").
/// </summary>
/// <remarks>The type is stateless and safe for concurrent use.</remarks>
internal static class BalticEndings
{
    // Longest first, so that "ius" is tried before "us" and "s".
    private static readonly string[] Endings = ["ius", "as", "is", "ys", "us", "s"];

    /// <summary>The fewest letters of a stem: shorter words ("Ross", "Mais") are not read as a stem with an ending.</summary>
    public const int MinStem = 4;

    /// <summary>Gets whether a word (in compare form) is another word (in compare form) with a Latvian or Lithuanian nominative
    /// ending: the word without the ending, of <see cref="MinStem"/> letters or more and ending in a consonant or <c>j</c>, is the
    /// other word, once a final <c>j</c>, <c>y</c> or <c>i</c> after a vowel and a final <c>iy</c> or <c>ij</c> are read alike.</summary>
    /// <param name="withEnding">The word that may carry the ending ("lavrovs").</param>
    /// <param name="other">The other word ("lavrov").</param>
    /// <returns><see langword="true"/> for "lavrovs" / "lavrov", "sergejs" / "sergey", "sergejus" / "sergei"; <see langword="false"/>
    /// for equal words, "harris" / "harry" or a word that ends as the other does.</returns>
    public static bool IsWithEnding(string withEnding, string other)
    {
        ArgumentNullException.ThrowIfNull(withEnding);
        ArgumentNullException.ThrowIfNull(other);
        // Every ending ends in s: most pairs of words are told apart by their lengths and last letters alone.
        if (withEnding.Length <= other.Length || !withEnding.EndsWith('s') || other.Length == 0 || other.EndsWith('s') || !IsLetters(withEnding) || !IsLetters(other))
        {
            return false;
        }

        foreach (var ending in Endings)
        {
            if (!withEnding.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = withEnding.AsSpan(0, withEnding.Length - ending.Length);
            if (stem.Length < MinStem || IsVowel(stem[^1]))
            {
                continue;
            }

            if (FoldedEqual(stem, other))
            {
                return true;
            }
        }

        return false;
    }

    // Reads a final j, y or i after a vowel as y, and a final iy or ij as y: "sergej", "sergei" and "sergey" alike, "dmitrij" and
    // "dmitriy" as "dmitry". Compares the two words so read, without copying them.
    private static bool FoldedEqual(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var aKept = Kept(a);
        var bKept = Kept(b);
        return (aKept < a.Length) == (bKept < b.Length) && a[..aKept].SequenceEqual(b[..bKept]);
    }

    // Gets how many letters of a word are kept as written: all, or all but the last one or two when they are read as a final y.
    private static int Kept(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return word.Length;
        }

        var last = word[^1];
        if (last is 'j' or 'y' or 'i' && word[^2] == 'i')
        {
            return word.Length - 2;
        }

        if (last == 'y' || (last is 'j' or 'i' && IsVowel(word[^2])))
        {
            return word.Length - 1;
        }

        return word.Length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }
}
