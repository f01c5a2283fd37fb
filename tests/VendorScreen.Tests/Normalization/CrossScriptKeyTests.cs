using FluentAssertions;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Normalization;

public sealed class CrossScriptKeyTests
{
    [Theory]
    [InlineData("shchukin", "Cyrillic", "Sukin")]
    [InlineData("tshabab", "Arabic", "Cabab")]
    [InlineData("mohammad", "Arabic", "mohammad")]
    [InlineData("zhang", "Han", "JaN")]
    [InlineData("kelusen", "Han", "kelusen")]
    [InlineData("aoerbaer", "Han", "aoeRbaeR")]
    [InlineData("syuseu", "Hangul", "Suseu")]
    [InlineData("jiyafuaki", "Kana", "Jafaki")]
    [InlineData("straße", "Cyrillic", "strase")]
    [InlineData("ngong", "Hangul", "ngoN")]
    [InlineData("tsvetkov", "Cyrillic", "Tvetkov")]
    [InlineData("khashoggi", "Hebrew", "kaSoggi")]
    [InlineData("xiaoqiang", "Han", "XiaoqiaN")]
    [InlineData("yaakov", "Hebrew", "yakov")]
    public void Native_TransliteratedToken_SpellsTheSourceScriptsSounds(string token, string scriptName, string expected)
    {
        var script = Enum.Parse<NameScript>(scriptName);
        CrossScriptKey.Native(token, script).Should().Be(expected);
        CrossScriptKey.NativeOf(token.AsSpan(), script).Should().Be(expected);
    }

    [Theory]
    [InlineData("schmidt", "Smidt")]
    [InlineData("tschaikowsky", "Caikouski")]
    [InlineData("quixote", "kwiksot")]
    [InlineData("xavier", "zavieR")]
    [InlineData("pierre", "pieRr")]
    [InlineData("hugh", "hu")]
    [InlineData("ghana", "gana")]
    [InlineData("straße", "stras")]
    [InlineData("dzhokhar", "JoxaR")]
    [InlineData("jørgen", "JoRgen")]
    [InlineData("youngblood", "youNblod")]
    public void Latin_Word_SpellsItsSoundsByEnglishAndEuropeanOrthography(string token, string expected)
    {
        CrossScriptKey.Latin(token).Should().Be(expected);
    }

    [Fact]
    public void Native_TokenLongerThanTheStackBuffers_IsSpelledWhole()
    {
        var token = string.Concat(Enumerable.Repeat("bang", 60));

        CrossScriptKey.Native(token, NameScript.Hangul).Should().Be(string.Concat(Enumerable.Repeat("baN", 60)));
    }

    [Theory]
    [InlineData("aoeRbaeR")]
    [InlineData("kelusen")]
    [InlineData("R")]
    [InlineData("aeiou")]
    [InlineData("baRdRk")]
    [InlineData("pTkl")]
    public void WriteRetrievalKeys_SilentRAsLiquid_GivesTheKeysOfTheCodesWithRReadAsr(string codes)
    {
        Span<int> buffer = stackalloc int[CrossScriptKey.MaxRetrievalKeys];
        foreach (var skipFirst in new[] { false, true })
        {
            CrossScriptKey.WriteRetrievalKeys(codes, skipFirst, silentRAsLiquid: true, buffer).ToArray()
                .Should().Equal(CrossScriptKey.RetrievalKeys(codes.Replace('R', 'r'), skipFirst), codes);
            CrossScriptKey.WriteRetrievalKeys(codes, skipFirst, silentRAsLiquid: false, buffer).ToArray()
                .Should().Equal(CrossScriptKey.RetrievalKeys(codes, skipFirst), codes);
        }
    }
}
