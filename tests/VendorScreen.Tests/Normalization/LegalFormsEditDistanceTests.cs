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
            var b = Misspellings.NearOrRandom(a, random, letters, oneInRandom: 3, randomLength: (0, 12));

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

    // Compare forms of legal forms whose misspellings are read, of one to four letters.
    public static TheoryData<string> Forms => new() { "ltd", "co", "llc", "jsc", "sa", "srl", "gmbh" };

    [Theory]
    [MemberData(nameof(Forms))]
    public void IsMisspelling_TextsNearEverySpelling_AgreesWithTheEditDistanceAlone(string form)
    {
        // The test skips the distance for a text whose characters already need more edits than allowed: it must answer as the
        // rule read with the distance alone (one edit, two from a spelling of eight letters or more; a two-letter spelling takes
        // one letter added after its first; never a written legal form itself).
        var spellings = LegalForms.MisspellingSpellings(form);
        spellings.Should().NotBeEmpty();
        var random = new Random(20261202);
        const string letters = "abcdeilmnoprstyz ";
        var misspellings = 0;
        for (var n = 0; n < 4_000; n++)
        {
            var spelling = spellings[random.Next(spellings.Count)];
            var text = Misspellings.NearOrRandom(spelling, random, letters, oneInRandom: 4);
            var expected = text.Length >= 2 && !LegalForms.IsLegalFormSpelling(text) && spellings.Any(s => s.Length == 2
                ? text.Length == 3 && text[0] == s[0] && text[2] == s[1]
                : Math.Abs(s.Length - text.Length) <= (s.Length >= 8 ? 2 : 1) && LegalForms.EditDistance(s, text) <= (s.Length >= 8 ? 2 : 1));

            LegalForms.IsMisspelling(text, form).Should().Be(expected, $"\"{text}\" against {form}");
            misspellings += expected ? 1 : 0;
        }

        misspellings.Should().BeGreaterThan(100, "edits of a spelling misspell it");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void MisspellingLengths_EveryLengthUnder64_AgreesWithMayBeMisspelling(string form)
    {
        var lengths = LegalForms.MisspellingLengths(form);

        lengths.Should().NotBe(0UL, "some lengths may misspell a legal form");
        for (var n = 0; n < 64; n++)
        {
            ((lengths >> n) & 1).Should().Be(LegalForms.MayBeMisspelling(n, form) ? 1UL : 0UL, $"length {n} of {form}");
        }
    }

    [Fact]
    public void MisspellingLengths_NotALegalForm_IsEmpty()
    {
        LegalForms.MisspellingLengths("not-a-form").Should().Be(0UL);
        LegalForms.MisspellingSpellings("not-a-form").Should().BeEmpty();
    }
}
