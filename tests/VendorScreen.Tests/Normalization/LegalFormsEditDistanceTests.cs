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

    [Fact]
    public void MoreOutside_SeededTexts_RulesOutOnlyTextsBeyondTheEdits()
    {
        // A text with more characters outside a spelling's set than the edits allowed is never within them: the misspelling test
        // skips the distance for it, so it must not rule out a text the distance would accept.
        var random = new Random(20261202);
        const string letters = "abcdeilmnoprstyz0 ";
        var ruledOut = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var spelling = Misspellings.RandomWord(random, letters, random.Next(2, 14));
            var text = random.Next(3) == 0 ? Misspellings.RandomWord(random, letters, random.Next(1, 14)) : Misspellings.Edit(spelling, random, random.Next(0, 4), letters);
            var allowed = random.Next(1, 3);
            if (LegalForms.Spelling.Of(spelling).MoreOutside(text, allowed))
            {
                ruledOut++;
                LegalForms.EditDistance(spelling, text).Should().BeGreaterThan(allowed, $"\"{text}\" was ruled out against \"{spelling}\"");
            }
        }

        ruledOut.Should().BeGreaterThan(1_000, "the test rules out texts with other letters");
    }

    [Theory]
    [InlineData("ltd")]
    [InlineData("co")]
    [InlineData("llc")]
    [InlineData("jsc")]
    [InlineData("sa")]
    [InlineData("srl")]
    [InlineData("gmbh")]
    [InlineData("not-a-form")]
    public void MisspellingLengths_EveryLengthUnder64_AgreesWithMayBeMisspelling(string form)
    {
        var lengths = LegalForms.MisspellingLengths(form);

        for (var n = 0; n < 64; n++)
        {
            ((lengths >> n) & 1).Should().Be(LegalForms.MayBeMisspelling(n, form) ? 1UL : 0UL, $"length {n} of {form}");
        }

        if (form == "ltd")
        {
            lengths.Should().NotBe(0UL, "some lengths may misspell a legal form");
        }
    }
}
