using FluentAssertions;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The facts of an indexed name give each token's sound codes as a Latin word, kept from their first read: the codes the index
/// gives for the token's letters, and none for a token that is not a word of the sound vocabulary.
/// </summary>
public sealed class IndexedNameFactsSoundCodesTests
{
    [Fact]
    public async Task SoundCodesAt_EveryTokenOfTheEmbeddedDataset_AreTheIndexsCodesOfItsLetters()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        var index = engine.Datasets.Current!.State.Index;
        int withCodes = 0, without = 0;
        for (var id = 0; id < index.Names.Length; id++)
        {
            var facts = index.FactsOf(id).Made();
            for (var place = 0; place < facts.Tokens.Count; place++)
            {
                var expected = index.LatinCodes(facts.Tokens[place].Text);

                // Read twice: the first read keeps the codes, the second reads them kept.
                facts.SoundCodesAt(place).Should().Be(expected, "the codes of \"{0}\"", facts.Tokens[place].Text);
                facts.SoundCodesAt(place).Should().Be(expected);
                withCodes += expected is null ? 0 : 1;
                without += expected is null ? 1 : 0;
            }
        }

        withCodes.Should().BeGreaterThan(100, "most words of Latin-script names are words of the sound vocabulary");
        without.Should().BeGreaterThan(10, "short words, numbers and words in other scripts are not");
    }
}
