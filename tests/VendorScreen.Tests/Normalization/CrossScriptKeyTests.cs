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

    [Theory]
    [InlineData("huawei")] // h and w only
    [InlineData("aeiou")]
    [InlineData("yahya")]
    public void RetrievalKeys_CodesWithNoConsonantOfAClass_HaveTheNoConsonantKey(string codes)
    {
        // A word whose every consonant is one transcriptions drop was in no bucket, and no name in another script found it by sound.
        CrossScriptKey.RetrievalKeys(codes, skipFirst: false).Should().Equal(CrossScriptKey.NoConsonantKey);
        CrossScriptKey.RetrievalKeys(codes, skipFirst: true).Should().Equal(CrossScriptKey.NoConsonantKey);
    }

    [Theory]
    [InlineData("xuavei", "huawei")] // Хуавей: Russian writes a foreign h as х, a w as в
    [InlineData("daxua", "dahua")] // Дахуа
    [InlineData("xaiteRa", "haitera")] // Хайтера
    [InlineData("vagneR", "wagner")] // Вагнер
    public void WriteQueryRetrievalKeys_CyrillicXOrV_SharesAKeyWithTheLatinWordWithoutThem(string cyrillicCodes, string latin)
    {
        var keys = CrossScriptKey.WriteQueryRetrievalKeys(cyrillicCodes, NameScript.Cyrillic, new int[CrossScriptKey.MaxQueryRetrievalKeys], out var ofTheCodes).ToArray();
        var latinKeys = CrossScriptKey.RetrievalKeys(CrossScriptKey.Latin(latin), skipFirst: false);

        keys.Take(ofTheCodes).Should().Equal(CrossScriptKey.RetrievalKeys(cyrillicCodes.Replace('R', 'r'), skipFirst: true), "the codes' own keys come first");
        keys.Should().OnlyHaveUniqueItems();
        keys.Intersect(latinKeys).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("xuavei", "hangul")] // only a Cyrillic run reads x and v so
    [InlineData("putin", "cyrillic")] // no x or v
    public void WriteQueryRetrievalKeys_OtherwiseTheCodesOwnKeys(string codes, string scriptName)
    {
        var script = Enum.Parse<NameScript>(scriptName, ignoreCase: true);
        CrossScriptKey.WriteQueryRetrievalKeys(codes, script, new int[CrossScriptKey.MaxQueryRetrievalKeys], out var ofTheCodes).ToArray()
            .Should().Equal(CrossScriptKey.RetrievalKeys(codes, skipFirst: true));
        ofTheCodes.Should().Be(CrossScriptKey.RetrievalKeys(codes, skipFirst: true).Count);
    }
}
