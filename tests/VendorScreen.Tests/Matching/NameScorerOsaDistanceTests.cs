using FluentAssertions;
using VendorScreen.Matching;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The scorer's optimal string alignment distance computes only the cells within its limit of the diagonal. Its callers only ask
/// whether the distance is within the limit and, when it is, what it is: it must give the distance of the whole table whenever
/// that is at most the limit, and a number above the limit otherwise.
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
            var a = RandomWord(random, letters, random.Next(0, 14));
            var b = random.Next(4) == 0 ? RandomWord(random, letters, random.Next(0, 14)) : Edit(random, letters, a);
            var limit = random.Next(0, 4);
            var full = FullTable(a, b);

            var banded = NameScorer.OsaDistance(a, b, limit);

            if (full <= limit)
            {
                banded.Should().Be(full, $"\"{a}\" / \"{b}\" within {limit}");
                within++;
            }
            else
            {
                banded.Should().BeGreaterThan(limit, $"\"{a}\" / \"{b}\" beyond {limit}");
            }
        }

        within.Should().BeGreaterThan(5_000);
    }

    [Theory]
    [InlineData("appel", "apple", 1, 1)]
    [InlineData("hannibal", "hannibol", 2, 1)]
    [InlineData("kaspersky", "caspersky", 2, 1)]
    [InlineData("abc", "abc", 0, 0)]
    public void OsaDistance_KnownPairs_GivesTheDistance(string a, string b, int limit, int expected) =>
        NameScorer.OsaDistance(a, b, limit).Should().Be(expected);

    // The optimal string alignment distance over the whole table.
    private static int FullTable(string a, string b)
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

    private static string RandomWord(Random random, string letters, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = letters[random.Next(letters.Length)];
        }

        return new string(chars);
    }

    private static string Edit(Random random, string letters, string word)
    {
        var chars = new List<char>(word);
        for (var edits = random.Next(0, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(at, letters[random.Next(letters.Length)]);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 2 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
                default:
                    if (at < chars.Count)
                    {
                        chars[at] = letters[random.Next(letters.Length)];
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }
}
