using FluentAssertions;
using VendorScreen.Normalization;
using Xunit;

namespace VendorScreen.Tests.Normalization;

public sealed class RomanizationTests
{
    [Theory]
    [InlineData("zhang", true)]
    [InlineData("xi", true)]
    [InlineData("cheng", true)]
    [InlineData("a", true)]
    [InlineData("er", true)]
    [InlineData("cook", false)]
    [InlineData("putin", false)]
    [InlineData("gates", false)]
    [InlineData("zhangwei", false)]
    [InlineData("", false)]
    public void IsPinyinSyllable_ByShape_RecognisesSyllables(string token, bool expected) =>
        Romanization.IsPinyinSyllable(token).Should().Be(expected);

    // A token is told apart by its last letter before it is looked up: a syllable ending in each letter a final can end with is
    // still one, in both look-ups, and words ending in other letters are not.
    [Theory]
    [InlineData("ma", true)]
    [InlineData("bo", true)]
    [InlineData("de", true)]
    [InlineData("li", true)]
    [InlineData("wu", true)]
    [InlineData("lv", true)]
    [InlineData("nve", true)]
    [InlineData("huan", true)]
    [InlineData("huang", true)]
    [InlineData("er", true)]
    [InlineData("ahmed", false)]
    [InlineData("bank", false)]
    [InlineData("mak", false)]
    [InlineData("liz", false)]
    public void IsPinyinSyllable_ByLastLetter_RecognisesSyllablesOfEveryEndingInBothLookUps(string token, bool expected)
    {
        Romanization.IsPinyinSyllable(token).Should().Be(expected);
        Romanization.IsPinyinSyllable(token.AsSpan()).Should().Be(expected);
    }

    // The look-up reads finals from a table of bits: every text of up to four letters, every syllable, and every syllable with a
    // letter added, changed or taken away is a syllable exactly when the set of every initial + final shape holds it.
    [Fact]
    public void IsPinyinSyllable_EveryShortTextAndEverySyllableWithOneEdit_AgreesWithTheSetOfSyllables()
    {
        var syllables = Romanization.AllSyllables;
        syllables.Should().Contain(["zhuang", "a", "er", "lve", "qiong"]).And.HaveCountGreaterThan(400);
        var texts = new List<string> { "", "Zhang", "zhAng", "zh", "ch", "sh", "h", "zhangwei", "x\u00e9", "\u00e9r", "zhuang\u0301", "1a", "a1" };
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var buffer = new char[4];
        void AddAll(int length, int at)
        {
            if (at == length)
            {
                texts.Add(new string(buffer, 0, length));
                return;
            }

            foreach (var letter in letters)
            {
                buffer[at] = letter;
                AddAll(length, at + 1);
            }
        }

        for (var length = 1; length <= 4; length++)
        {
            AddAll(length, 0);
        }

        foreach (var syllable in syllables)
        {
            foreach (var letter in letters)
            {
                texts.Add(syllable + letter);
                texts.Add(letter + syllable);
                for (var k = 0; k < syllable.Length; k++)
                {
                    texts.Add(string.Concat(syllable.AsSpan(0, k), letter.ToString(), syllable.AsSpan(k + 1)));
                }
            }

            for (var k = 0; k < syllable.Length; k++)
            {
                texts.Add(syllable.Remove(k, 1));
            }
        }

        var disagreements = texts.Where(t => Romanization.IsPinyinSyllable(t) != syllables.Contains(t)
            || Romanization.IsPinyinSyllable(t.AsSpan()) != syllables.Contains(t)).Take(10).ToList();
        disagreements.Should().BeEmpty();
        texts.Count(syllables.Contains).Should().BeGreaterThan(syllables.Count, "syllables one edit from another are syllables too");
    }

    [Theory]
    [InlineData("gim", "kim")]
    [InlineData("jeong", "jong")]
    [InlineData("eun", "un")]
    [InlineData("byeong", "pyong")]
    [InlineData("cheol", "chol")]
    [InlineData("lyong", "ryong")]
    [InlineData("bag", "pak")]
    [InlineData("song", "song")]
    [InlineData("co", "co")]
    public void ToNorthKoreanSpelling_RevisedRomanizationSyllable_IsRespelt(string syllable, string expected) =>
        Romanization.ToNorthKoreanSpelling(syllable).Should().Be(expected);

    [Theory]
    [InlineData("김정은", "Kim Jong Un")]
    [InlineData("리병철", "Ri Pyong Chol")]
    [InlineData("최룡해", "Choe Ryong Hae")]
    public void Normalize_HangulName_AlsoGetsTheNorthKoreanSpelling(string hangul, string listed) =>
        NameNormalizer.Normalize(hangul).Select(v => v.Key).Should().Contain(NameNormalizer.Key(listed));
}
