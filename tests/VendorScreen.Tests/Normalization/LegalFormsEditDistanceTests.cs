using FluentAssertions;
using VendorScreen.Normalization;
using VendorScreen.Tests.Infrastructure;

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
            var a = Misspellings.RandomWord(random, letters, random.Next(0, 12));
            var b = random.Next(3) == 0 ? Misspellings.RandomWord(random, letters, random.Next(0, 12)) : Misspellings.Edit(a, random, random.Next(0, 4), letters);

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
}
