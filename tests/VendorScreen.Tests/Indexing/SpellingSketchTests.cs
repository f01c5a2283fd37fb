using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Normalization;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

public sealed class SpellingSketchTests
{
    [Theory]
    [InlineData("kaspersky", "caspersky", 1)]
    [InlineData("abcde", "abxy", 3)]
    [InlineData("abcd", "abc", 1)]
    [InlineData("apple", "appel", 0)]
    [InlineData("barack", "barackk", 1)]
    [InlineData("muhanna", "xmuhanna", 1)]
    public void MinEdits_KnownPairs_IsTheBoundFromLettersAndLengths(string x, string y, int expected)
    {
        EditBounds.MinEdits(EditBounds.CharacterSet(x), x.Length, EditBounds.CharacterSet(y), y.Length).Should().Be(expected);
    }

    [Fact]
    public void MinEdits_RandomTexts_NeverExceedsTheOptimalStringAlignmentDistance()
    {
        // Small alphabets give many near pairs; characters 64 apart ('a' and U+00A1) share a bit of the set, and non-Latin
        // letters are sketched like any other.
        var random = new Random(64);
        var alphabets = new[] { "abc", "abcdefghij", "aeiouklmnrst", "a\u00a1b\u00a2\u0430\u0431", "abcdefghijklmnopqrstuvwxyz0123456789" };
        var exceeded = new List<string>();
        var belowDistance = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var alphabet = alphabets[n % alphabets.Length];
            var x = Misspellings.RandomWord(random, alphabet, random.Next(0, 14));
            var y = Misspellings.NearOrRandom(x, random, alphabet, oneInRandom: 2, edits: (1, 4));
            var bound = EditBounds.MinEdits(EditBounds.CharacterSet(x), x.Length, EditBounds.CharacterSet(y), y.Length);
            var distance = Misspellings.OsaDistance(x, y);
            if (bound > distance)
            {
                exceeded.Add($"{x} / {y}: bound {bound}, distance {distance}");
            }

            belowDistance += bound < distance ? 1 : 0;
        }

        exceeded.Should().BeEmpty();
        belowDistance.Should().BeGreaterThan(0, "the bound is only a bound, so some pairs are further apart than it says");
    }

    [Fact]
    public void CharacterSet_LowerCaseLetters_HaveOneBitEach()
    {
        var set = EditBounds.CharacterSet("abcdefghijklmnopqrstuvwxyz");

        System.Numerics.BitOperations.PopCount(set).Should().Be(26);
        EditBounds.CharacterSet("banana").Should().Be(EditBounds.CharacterSet("nab"));
        EditBounds.CharacterSet(string.Empty).Should().Be(0);
    }

    [Fact]
    public void MinEdits_FoldedSets_NeverExceedTheBoundOfTheFullSets()
    {
        // Characters 32 apart (not 64) share a bit only once folded ('a' and 'A', '0' and 'P'): the bound can only fall.
        var random = new Random(32);
        var alphabets = new[] { "abcdefghijklmnopqrstuvwxyz0123456789!-'\u00a1\u00e9\u0430", "aA0P" };
        var fell = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var alphabet = alphabets[n % alphabets.Length];
            var x = Misspellings.RandomWord(random, alphabet, random.Next(0, 14));
            var y = Misspellings.RandomWord(random, alphabet, random.Next(0, 14));
            var (setX, setY) = (EditBounds.CharacterSet(x), EditBounds.CharacterSet(y));
            var full = EditBounds.MinEdits(setX, x.Length, setY, y.Length);
            var folded = SpellingSketch.MinEdits(SpellingSketch.Fold(setX), x.Length, SpellingSketch.Fold(setY), y.Length);

            folded.Should().BeLessThanOrEqualTo(full, $"{x} / {y}");
            fell += folded < full ? 1 : 0;
        }

        fell.Should().BeGreaterThan(0, "some characters of the alphabet share a bit once folded");
    }

    [Fact]
    public void Of_LowerCaseLetters_KeepABitEachAndTheSketchTakesSixteenBytes()
    {
        var sketch = SpellingSketch.Of("abcdefghijklmnopqrstuvwxyz", EditBounds.CharacterSet("xyz"), 3);

        System.Numerics.BitOperations.PopCount(sketch.Letters).Should().Be(26);
        System.Numerics.BitOperations.PopCount(sketch.SoundLetters).Should().Be(3);
        (sketch.Length, sketch.SoundLength, sketch.First, sketch.Last).Should().Be(((ushort)26, (ushort)3, 'a', 'z'));
        System.Runtime.CompilerServices.Unsafe.SizeOf<SpellingSketch>().Should().Be(16);
    }
}
