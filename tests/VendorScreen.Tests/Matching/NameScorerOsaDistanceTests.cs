using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The scorer's optimal string alignment distance computes only the cells within its limit of the diagonal. Its callers only ask
/// whether the distance is within the limit and, when it is, what it is: it must give the distance of the whole table whenever
/// that is at most the limit, and a number above the limit otherwise. Pairs whose character sets already need more edits than
/// the limit are answered before the table is filled; characters that share a bit of those sets must not hide an edit. A text
/// of at most 64 characters is compared one machine word a column: texts on either side of that length, characters above 127
/// and swapped letters must give the distance of the table too.
/// </summary>
public sealed class NameScorerOsaDistanceTests
{
    [Fact]
    public void OsaDistance_SeededWords_AgreesWithTheWholeTableWithinTheLimit()
    {
        var random = new Random(7);
        const string letters = "aehiklmnorsu";
        var within = 0;
        for (var n = 0; n < 30_000; n++)
        {
            var a = Misspellings.RandomWord(random, letters, random.Next(0, 14));
            var b = Misspellings.NearOrRandom(a, random, letters, oneInRandom: 4);
            var limit = random.Next(0, 4);
            within += AgreesWithTheWholeTable(a, b, limit) ? 1 : 0;
        }

        within.Should().BeGreaterThan(5_000);
    }

    [Fact]
    public void OsaDistance_LongTextsAndWideLimits_AgreesWithTheWholeTableWithinTheLimit()
    {
        // Texts of 128 characters or more are compared in a table on the heap, whose cells start at 0: a cell read before it was
        // written for its row would show as a distance below the true one. Shorter texts reuse the stack, so calls alternate.
        var random = new Random(11);
        const string letters = "abcdehiklmnorsu";
        for (var n = 0; n < 3_000; n++)
        {
            var length = n % 2 == 0 ? random.Next(128, 180) : random.Next(0, 40);
            var a = Misspellings.RandomWord(random, letters, length);
            var b = Misspellings.Edit(a, random, random.Next(0, 8), letters);
            var limit = random.Next(0, 9);
            AgreesWithTheWholeTable(a, b, limit);
        }
    }

    [Fact]
    public void OsaDistance_ShortTextsAtAnyLimit_IsTheDistanceOfTheWholeTable()
    {
        // At a limit above any distance of these texts, the distance must be exact (a machine word a column for all of them).
        var random = new Random(13);
        foreach (var letters in new[] { "ab", "abc", "aehiklmnorsu", "абвг" })
        {
            for (var n = 0; n < 20_000; n++)
            {
                var a = Misspellings.RandomWord(random, letters, random.Next(1, 17));
                var b = Misspellings.NearOrRandom(a, random, letters, oneInRandom: 3, randomLength: (1, 24), edits: (0, 5));
                if (b.Length == 0)
                {
                    continue;
                }

                NameScorer.OsaDistance(a, b, 40).Should().Be(Misspellings.OsaDistance(a, b), $"\"{a}\" / \"{b}\"");
            }
        }
    }

    [Fact]
    public void OsaDistance_TextsAroundSixtyFourCharacters_AgreesWithTheWholeTable()
    {
        // The shorter text is the column of the table: up to 64 characters it is one machine word, past that the band is used.
        var random = new Random(17);
        foreach (var letters in new[] { "ab", "abcd", "aehiklmnorsu", "aбвгé" })
        {
            for (var n = 0; n < 1_500; n++)
            {
                var a = Misspellings.RandomWord(random, letters, random.Next(56, 72));
                var b = Misspellings.NearOrRandom(a, random, letters, oneInRandom: 5, randomLength: (56, 72), edits: (0, 6));
                AgreesWithTheWholeTable(a, b, random.Next(0, 9));
            }
        }
    }

    [Fact]
    public void OsaDistance_SwappedLettersNextToEachOther_CountsEachSwapOnce()
    {
        // "abab" / "baba": two swaps; "abc" / "ca": the optimal string alignment distance is 3 (a swapped pair is not edited again).
        NameScorer.OsaDistance("abab", "baba", 4).Should().Be(Misspellings.OsaDistance("abab", "baba"));
        NameScorer.OsaDistance("ca", "abc", 4).Should().Be(3);
        NameScorer.OsaDistance(new string('a', 64) + "b", new string('a', 63) + "ba", 2).Should().Be(1);
        NameScorer.OsaDistance("ba" + new string('c', 62), "ab" + new string('c', 62), 1).Should().Be(1);
    }

    // Checks the distance against the whole table: the same when that is within the limit, above the limit otherwise. Returns
    // whether it was within the limit.
    private static bool AgreesWithTheWholeTable(string a, string b, int limit)
    {
        var full = Misspellings.OsaDistance(a, b);

        var distance = NameScorer.OsaDistance(a, b, limit);

        if (full <= limit)
        {
            distance.Should().Be(full, $"\"{a}\" / \"{b}\" within {limit}");
            return true;
        }

        distance.Should().BeGreaterThan(limit, $"\"{a}\" / \"{b}\" beyond {limit}");
        return false;
    }

    [Theory]
    [InlineData("appel", "apple", 1, 1)]
    [InlineData("hannibal", "hannibol", 2, 1)]
    [InlineData("kaspersky", "caspersky", 2, 1)]
    [InlineData("abc", "abc", 0, 0)]
    [InlineData("мир", "мор", 1, 1)]
    [InlineData("a!", "!a", 1, 1)] // 'a' and '!' share a bit of the character sets the distance is first bounded with
    [InlineData("ab!", "abz", 1, 1)]
    public void OsaDistance_KnownPairs_GivesTheDistance(string a, string b, int limit, int expected) =>
        NameScorer.OsaDistance(a, b, limit).Should().Be(expected);
}
