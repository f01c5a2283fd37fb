using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

/// <summary>
/// The legal-form misspelling test computes the Levenshtein distance in a buffer on the stack; it must give the distance
/// FuzzySharp's <c>Levenshtein.EditDistance</c> (which it replaces) gives, so that every misspelt legal form reads as before.
/// </summary>
public sealed class LegalFormsEditDistanceTests
{
    [Fact]
    public void EditDistance_SeededTexts_EqualsFuzzySharpLevenshtein()
    {
        var random = new Random(20261201);
        const string letters = "abcdeilmnoprsty ";
        for (var n = 0; n < 20_000; n++)
        {
            var a = RandomText(random, letters, random.Next(0, 12));
            var b = random.Next(3) == 0 ? RandomText(random, letters, random.Next(0, 12)) : Mutate(random, letters, a);

            LegalForms.EditDistance(a, b).Should().Be(FuzzySharp.Levenshtein.EditDistance(a, b), $"\"{a}\" / \"{b}\"");
        }
    }

    [Theory]
    [InlineData("limitd", "ltd", true)]
    [InlineData("ltz", "ltd", true)]
    [InlineData("cmmpany", "co", true)]
    [InlineData("joint stock mompany", "jsc", true)]
    [InlineData("limited", "ltd", false)]
    [InlineData("trading", "ltd", false)]
    public void IsMisspelling_TextInABuffer_ReadsAsTheString(string text, string form, bool expected)
    {
        Span<char> buffer = stackalloc char[64];
        text.AsSpan().CopyTo(buffer);

        LegalForms.IsMisspelling(buffer[..text.Length], form).Should().Be(expected);
        LegalForms.IsMisspelling(text, form).Should().Be(expected);
    }

    private static string RandomText(Random random, string letters, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = letters[random.Next(letters.Length)];
        }

        return new string(chars);
    }

    private static string Mutate(Random random, string letters, string text)
    {
        var chars = new List<char>(text);
        for (var edits = random.Next(0, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    chars.Insert(at, letters[random.Next(letters.Length)]);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
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
