using FluentAssertions;
using VendorScreen.Sources.Lists;

namespace VendorScreen.Tests.Sources.Lists;

public sealed class NameSetTests
{
    [Fact]
    public void Add_FirstName_IsPrimaryWhateverItsKind()
    {
        var names = new NameSet();

        names.Add("ACME TRADING", NameKind.Alias);
        names.Add("ACME", NameKind.Primary);

        names.Primary.Should().Be("ACME TRADING");
        names.ToList().Select(n => (n.Value, n.Kind)).Should().Equal(("ACME TRADING", NameKind.Primary), ("ACME", NameKind.Alias));
    }

    [Fact]
    public void Add_TextToClean_IsCleanedAndEmptyIgnored()
    {
        var names = new NameSet();

        names.Add("  IVAN  MARQUEZ ", NameKind.Primary);
        names.Add("   ", NameKind.Alias);
        names.Add(null, NameKind.Alias);

        names.ToList().Select(n => n.Value).Should().Equal("IVAN MARQUEZ");
    }

    [Theory]
    [InlineData(NameKind.WeakAlias, NameKind.Alias, NameKind.Alias)]
    [InlineData(NameKind.Former, NameKind.Alias, NameKind.Alias)]
    [InlineData(NameKind.WeakAlias, NameKind.NativeScript, NameKind.NativeScript)]
    [InlineData(NameKind.WeakAlias, NameKind.Former, NameKind.Former)]
    [InlineData(NameKind.NativeScript, NameKind.Former, NameKind.NativeScript)]
    [InlineData(NameKind.Alias, NameKind.WeakAlias, NameKind.Alias)]
    [InlineData(NameKind.Alias, NameKind.Brand, NameKind.Alias)]
    public void Add_RepeatedName_KeepsTheStrongerKind(NameKind first, NameKind second, NameKind expected)
    {
        var names = new NameSet();
        names.Add("ACME", NameKind.Primary);

        names.Add("ACME TRADING", first);
        names.Add("acme  trading", second);

        names.Count.Should().Be(2);
        names.ToList()[1].Should().Be(new EntityName("ACME TRADING", expected));
    }

    [Fact]
    public void Add_RepeatOfThePrimaryName_StaysPrimary()
    {
        var names = new NameSet();
        names.Add("ACME", NameKind.Primary);

        names.Add("Acme", NameKind.Alias);
        names.Add("ACME", NameKind.Primary);

        names.ToList().Should().Equal(new EntityName("ACME", NameKind.Primary));
    }

    [Fact]
    public void Add_RepeatWithOtherLanguageOrScript_KeepsTheFirst()
    {
        var names = new NameSet();
        names.Add("ACME", NameKind.Primary);

        names.Add("АКМЕ", NameKind.WeakAlias, language: "ru");
        names.Add("акме", NameKind.NativeScript, language: "bg", script: "Latn");

        names.ToList()[1].Should().Be(new EntityName("АКМЕ", NameKind.NativeScript) { Language = "ru", Script = "Cyrl" });
    }

    [Fact]
    public void Add_ScriptGivenByTheList_IsKept()
    {
        var names = new NameSet();

        names.Add("ACME", NameKind.Primary);
        names.Add("АКМЕ", NameKind.NativeScript);
        names.Add("アクメ", NameKind.NativeScript, script: "Kana");

        names.ToList().Select(n => n.Script).Should().Equal(null, "Cyrl", "Kana");
    }
}
