using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

/// <summary>
/// The tables the legal forms are read with: each form a misspelling is read for has its own number under 64 (what the bound keeps
/// per indexed name is a mask of them), its spellings (single words and phrases), and the wider classes of a few words.
/// </summary>
public sealed class LegalFormsTablesTests
{
    private static readonly string[] KnownForms = ["co", "corp", "inc", "ltd", "llc", "llp", "lp", "plc", "gmbh", "ag", "sa", "sas", "srl", "jsc", "fze", "pt"];

    [Fact]
    public void MisspellingFormNumber_EveryFormReadForMisspellings_HasItsOwnNumberUnder64()
    {
        var numbers = KnownForms.Select(LegalForms.MisspellingFormNumber).ToArray();

        numbers.Should().OnlyContain(n => n >= 0 && n < 64);
        numbers.Should().OnlyHaveUniqueItems();
        LegalForms.MisspellingFormNumber("not-a-form").Should().Be(-1);
    }

    [Fact]
    public void MisspellingSpellings_AForm_ListsItsWordsAndPhrasesOnce()
    {
        LegalForms.MisspellingSpellings("llc").Should().Contain(["llc", "limited liability company"]).And.OnlyHaveUniqueItems();
        LegalForms.MisspellingSpellings("jsc").Should().Contain(["joint stock company", "joint stock co"]).And.OnlyHaveUniqueItems();
        LegalForms.MisspellingSpellings("sa").Should().Contain(["sa", "anonima", "sadecv"]);

        // Only letters are read for misspellings: no Cyrillic spelling, no one-letter word.
        LegalForms.MisspellingSpellings("llc").Should().NotContain("ооо");
    }

    [Theory]
    [InlineData("federal", "Generic")]
    [InlineData("atlantic", "Location")]
    [InlineData("mediterranean", "Location")]
    [InlineData("bank", "Word")]
    public void WiderClass_AWord_IsReclassifiedOnlyWhenTheWiderTablesNameIt(string word, string expected)
    {
        LegalForms.WiderClass(new NameToken(word, TokenClass.Word)).Class.ToString().Should().Be(expected);
        LegalForms.WiderClass(new NameToken(word, TokenClass.Generic)).Class.Should().Be(TokenClass.Generic, "only words are reclassified");
    }
}
