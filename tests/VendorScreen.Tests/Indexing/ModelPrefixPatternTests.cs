using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

public sealed class ModelPrefixPatternTests
{
    [Theory]
    [InlineData("DS-", "DS-2CD2143G2-I", true)]
    [InlineData("DS-", "DS2CD2143G2", true)]
    [InlineData("DS-", "DS", false)]
    [InlineData("iDS-", "iDS-2CD7A46G0", true)]
    [InlineData("DS-", "iDS-2CD7A46G0", false)]
    [InlineData("NVR5#", "NVR5216-16P", true)]
    [InlineData("NVR5#", "NVR5A16", false)]
    [InlineData("N8##", "N843", true)]
    [InlineData("N8##", "N8A3", false)]
    [InlineData("AD410", "AD410", true)]
    [InlineData("AD410", "AD41", false)]
    public void MatchesFolded_ModelField(string prefix, string model, bool expected)
    {
        ModelPrefixPattern.Compile(prefix).MatchesFolded(NameNormalizer.FoldIdentifier(model)).Should().Be(expected);
    }

    [Theory]
    [InlineData("DS-", "DS-7616NI-Q2", true)]
    [InlineData("DS-", "DS220", false)]
    [InlineData("DS-7", "DS-7616NI", true)]
    [InlineData("DS-7", "DS-2CD2143", false)]
    [InlineData("DH-XVR", "dh-xvr5108hs", true)]
    [InlineData("DH-", "DHI-DB11", false)]
    [InlineData("DHI-", "DHI_DB11", true)]
    [InlineData("IP4M-", "IP4M-1041B", true)]
    [InlineData("Hi35##", "Hi3516EV300", true)]
    [InlineData("DS-2CD", "DS2CD2043G2I", true)] // a prefix of five letters and digits or more also without its separators
    [InlineData("DS-2CD", "DS-2CD2043G2-I", true)]
    [InlineData("DS-2CD", "DS2CD", false)]
    [InlineData("IPC-HFW", "IPCHFW2431S", true)]
    [InlineData("DS-", "DS2CD2043G2I", false)] // a shorter one needs them
    [InlineData("IP4M-", "IP4M1041B", false)]
    public void MatchesWord_NeedsTheSeparators(string prefix, string word, bool expected)
    {
        ModelPrefixPattern.Compile(prefix).MatchesWord(ModelPrefixPattern.FoldWord(word)).Should().Be(expected);
    }

    [Theory]
    [InlineData("IPC-HDW", "IPC", "HDW2431T", true)]
    [InlineData("DS-2CD", "DS", "2CD2043G2-I", true)]
    [InlineData("DS-7", "ds", "7608NI-K2", true)]
    [InlineData("DH-XVR", "DH", "XVR5108HS", true)]
    [InlineData("DS-", "DS", "220", false)] // the prefix ends at the space: two letters say nothing of a maker
    [InlineData("LC-", "LC", "1080P", false)]
    [InlineData("iDS-", "iDS", "2CD7A46G0", false)]
    [InlineData("DS-2CD", "DS", "2DS", false)]
    [InlineData("IPC-HFW", "IP", "CHFW2431", false)] // the space must be where the prefix has its separator
    [InlineData("AD410", "AD", "410", false)]
    public void MatchesSpacedWords_ThePrefixGoesOnPastTheSpace(string prefix, string first, string second, bool expected)
    {
        var space = ModelPrefixPattern.FoldWord(first);

        ModelPrefixPattern.Compile(prefix).MatchesSpacedWords(space + "-" + ModelPrefixPattern.FoldWord(second), space.Length).Should().Be(expected);
    }
}
