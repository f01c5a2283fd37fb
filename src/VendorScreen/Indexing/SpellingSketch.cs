using VendorScreen.Normalization;

namespace VendorScreen.Indexing;

/// <summary>
/// What a cheap test of spelling similarity (<see cref="MayBeSimilar"/>) knows of a word: its length, first and
/// last character, the characters it holds and those of its sound-alike spelling, each set as 32 bits (a character sets bit
/// <c>c % 32</c>, so the 26 lower-case letters, 97 to 122, have a bit each), and the length of the sound-alike spelling. Made by
/// <see cref="ICandidateScoring.Sketch"/>; 16 bytes, so that the sketches of a typo vocabulary of 118,000 words take 1.9 MB
/// and a look-up that reads hundreds of them at random meets the processor's caches more often.
/// </summary>
/// <remarks>Characters 32 apart share a bit ('a' and 'A', '0' and 'P'; a set of 64 bits already gave 'p' and '0' one bit),
/// and a length beyond 65,535 is kept as 65,535: every test of the sketches only lowers its bound of the edits between two
/// words by this, so it still lets through every pair it would with a bit per character and the full length. The lower-case
/// letters and digits of normalised words lose nothing by it. Instances are immutable and safe for concurrent use.</remarks>
/// <param name="Letters">The set of the word's characters (<see cref="Fold"/>).</param>
/// <param name="SoundLetters">The set of the characters of the word's sound-alike spelling.</param>
/// <param name="Length">The length of the word.</param>
/// <param name="SoundLength">The length of the sound-alike spelling.</param>
/// <param name="First">The first character of the word; U+0000 for an empty word.</param>
/// <param name="Last">The last character of the word; U+0000 for an empty word.</param>
internal readonly record struct SpellingSketch(uint Letters, uint SoundLetters, ushort Length, ushort SoundLength, char First, char Last)
{
    /// <summary>Makes the sketch of a word from the word and the set and length of its sound-alike spelling.</summary>
    /// <param name="word">The word.</param>
    /// <param name="soundLetters">The set of the characters of its sound-alike spelling (<see cref="EditBounds.CharacterSet"/>).</param>
    /// <param name="soundLength">The length of its sound-alike spelling.</param>
    /// <returns>The sketch.</returns>
    public static SpellingSketch Of(string word, ulong soundLetters, int soundLength)
    {
        ArgumentNullException.ThrowIfNull(word);
        return new SpellingSketch(
            Fold(EditBounds.CharacterSet(word)),
            Fold(soundLetters),
            Clamp(word.Length),
            Clamp(soundLength),
            word.Length == 0 ? '\0' : word[0],
            word.Length == 0 ? '\0' : word[^1]);
    }

    /// <summary>Gets a set of characters of 64 bits (<see cref="EditBounds.CharacterSet"/>) as a set of 32: bit <c>c % 32</c> for each
    /// character <c>c</c>.</summary>
    /// <param name="set">The set of 64 bits.</param>
    /// <returns>The set of 32 bits.</returns>
    public static uint Fold(ulong set) => (uint)set | (uint)(set >> 32);

    /// <summary>Gets the fewest edits between two texts known from their sets of 32 bits (<see cref="Fold"/>) and lengths, as
    /// <see cref="EditBounds.MinEdits(ulong, int, ulong, int)"/> does from their sets of 64: never more than that (a character of one text
    /// missing from the other, after folding, was missing before it), so never more than the true distance either.</summary>
    /// <param name="x">The folded set of the first text's characters.</param>
    /// <param name="xLength">The first text's length.</param>
    /// <param name="y">The folded set of the second text's characters.</param>
    /// <param name="yLength">The second text's length.</param>
    /// <returns>The lower bound of the distance.</returns>
    public static int MinEdits(uint x, int xLength, uint y, int yLength) =>
        EditBounds.MinEdits(System.Numerics.BitOperations.PopCount(x & ~y), xLength, System.Numerics.BitOperations.PopCount(y & ~x), yLength);

    /// <summary>
    /// Gets whether two words (tokens of the class <see cref="TokenClass.Word"/>) may be similar under any rule set of the scorer,
    /// from their sketches: <see langword="false"/> only when their similarity is 0. Two different words of four letters or more
    /// are similar only by one of three paths, each of which needs what is checked here: letter runs that differ only in length
    /// (the same letters, the same first and last letter); a spelling within the edit budget of the longer word
    /// (<see cref="EditBudget"/>; a first-letter edit is counted in it); or sound-alike spellings of three letters or more at most
    /// one edit apart, for words that start alike or are both six letters or longer.
    /// </summary>
    /// <param name="a">The sketch of the first word.</param>
    /// <param name="b">The sketch of the second word.</param>
    /// <returns><see langword="false"/> when the words are not similar.</returns>
    public static bool MayBeSimilar(in SpellingSketch a, in SpellingSketch b)
    {
        // Shorter words have further paths (an initial, a short word's slip): they are always compared.
        if (a.Length < 4 || b.Length < 4)
        {
            return true;
        }

        // A repeated keystroke: the same letters in the same order, in runs of other lengths.
        if (a.Letters == b.Letters && a.Length != b.Length && a.First == b.First && a.Last == b.Last)
        {
            return true;
        }

        return MinEdits(a.Letters, a.Length, b.Letters, b.Length) <= EditBudget(Math.Max(a.Length, b.Length)) || MaySoundAlike(a, b);
    }

    /// <summary>Gets the most edits at which two words of four letters or more, the longer of a length, may still be spelt alike: 1
    /// up to five letters, 2 up to nine, else 3.</summary>
    /// <param name="longer">The length of the longer word.</param>
    /// <returns>The edit budget.</returns>
    public static int EditBudget(int longer) => longer switch
    {
        <= 5 => 1,
        <= 9 => 2,
        _ => 3,
    };

    /// <summary>Gets whether two words may sound alike: sound-alike spellings of three letters or more, equal or one edit apart,
    /// of words that start alike (or with O and U, as "Osama" and "Usama") or are both six letters or longer.</summary>
    /// <param name="a">The sketch of the first word.</param>
    /// <param name="b">The sketch of the second word.</param>
    /// <returns><see langword="false"/> when the words do not sound alike.</returns>
    public static bool MaySoundAlike(in SpellingSketch a, in SpellingSketch b) =>
        a.SoundLength >= 3 && b.SoundLength >= 3
        && ((a.Length >= 6 && b.Length >= 6) || a.First == b.First || (a.First == 'o' && b.First == 'u') || (a.First == 'u' && b.First == 'o'))
        && MinEdits(a.SoundLetters, a.SoundLength, b.SoundLetters, b.SoundLength) <= 1;

    private static ushort Clamp(int length) => (ushort)Math.Clamp(length, 0, ushort.MaxValue);
}
