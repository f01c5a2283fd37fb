using CsCheck;
using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Properties;

/// <summary>Properties of <see cref="NameNormalizer"/> over hostile text.</summary>
public sealed class NameNormalizerProperties
{
    [Fact]
    public void Normalize_WellFormedText_NeverThrowsAndGivesNonEmptyTokens() => Property.ForAll(TextGen.WellFormed, name =>
    {
        foreach (var variant in NameNormalizer.Normalize(name))
        {
            variant.Tokens.Should().NotBeEmpty();
            variant.Tokens.Should().OnlyContain(t => t.Text.Length > 0 && !t.Text.Any(char.IsWhiteSpace));
        }
    }, 2000, nameof(Normalize_WellFormedText_NeverThrowsAndGivesNonEmptyTokens));

    /// <summary>A name cut at the length limit inside a surrogate pair, or with an unpaired surrogate anywhere, is still a name
    /// (issue 8, defect 2: "String contains invalid Unicode code points" lost the whole run).</summary>
    [Fact]
    public void Normalize_UnpairedSurrogatesOrLongTextWithEmojiAcrossTheLimit_NeverThrows() => Property.ForAll(TextGen.Hostile, name =>
    {
        foreach (var variant in NameNormalizer.Normalize(name))
        {
            variant.Tokens.Should().NotBeEmpty();
        }

        NameNormalizer.Key(NameNormalizer.Key(name)).Should().Be(NameNormalizer.Key(name));
    }, 1500, nameof(Normalize_UnpairedSurrogatesOrLongTextWithEmojiAcrossTheLimit_NeverThrows));

    /// <summary>The class documents that <see cref="NameNormalizer.Normalize"/> is idempotent on its own output keys.</summary>
    [Fact]
    public void Key_OfAKey_IsTheSameKey() => Property.ForAll(TextGen.WellFormed, name =>
    {
        var key = NameNormalizer.Key(name);
        NameNormalizer.Key(key).Should().Be(key);
    }, 2000, nameof(Key_OfAKey_IsTheSameKey));

    [Fact]
    public void Key_IsTokensJoinedBySingleSpaces() => Property.ForAll(TextGen.WellFormed, name =>
    {
        var key = NameNormalizer.Key(name);
        key.Should().NotStartWith(" ").And.NotEndWith(" ").And.NotContain("  ");
    }, 2000, nameof(Key_IsTokensJoinedBySingleSpaces));

    /// <summary>"The key; empty when the name has no letters or digits." An ampersand is read as the word "and" ("AT&amp;T" is
    /// "at and t"), so it is left out here.</summary>
    [Fact]
    public void Key_TextWithoutLettersOrDigits_IsEmpty() => Property.ForAll(
        Gen.Select(TextGen.WellFormedNameLike, s => new string(s.Where(c => !char.IsLetterOrDigit(c) && !char.IsSurrogate(c) && c != '&').ToArray()))
            .Where(s => !s.Normalize(System.Text.NormalizationForm.FormKC).Any(char.IsLetterOrDigit)),
        name => NameNormalizer.Key(name).Should().BeEmpty(),
        1000, nameof(Key_TextWithoutLettersOrDigits_IsEmpty));
}
