using FluentAssertions;
using VendorScreen.Indexing;
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
        SpellingSketch.MinEdits(SpellingSketch.CharacterSet(x), x.Length, SpellingSketch.CharacterSet(y), y.Length).Should().Be(expected);
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
            var x = RandomText(alphabet, random.Next(0, 14), random);
            var y = random.Next(2) == 0 ? RandomText(alphabet, random.Next(0, 14), random) : Misspellings.Edit(x, random, random.Next(1, 4), alphabet);
            var bound = SpellingSketch.MinEdits(SpellingSketch.CharacterSet(x), x.Length, SpellingSketch.CharacterSet(y), y.Length);
            var distance = OsaDistance(x, y);
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
        var set = SpellingSketch.CharacterSet("abcdefghijklmnopqrstuvwxyz");

        System.Numerics.BitOperations.PopCount(set).Should().Be(26);
        SpellingSketch.CharacterSet("banana").Should().Be(SpellingSketch.CharacterSet("nab"));
        SpellingSketch.CharacterSet(string.Empty).Should().Be(0);
    }

    private static string RandomText(string alphabet, int length, Random random) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    // The optimal string alignment distance by the textbook table.
    private static int OsaDistance(string a, string b)
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
}
