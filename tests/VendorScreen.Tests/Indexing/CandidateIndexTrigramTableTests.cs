using FluentAssertions;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The misspelling look-up reads a trigram's list through a direct table when the trigram is made of padding marks, digits and
/// lower-case letters, and through the trigram table's dictionary otherwise: both ways give the same list for every trigram.
/// </summary>
public sealed class CandidateIndexTrigramTableTests
{
    private const string Symbols = "^$0123456789abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task TryGetTrigramRange_EveryTrigramOfTheTable_GivesTheDictionarysList()
    {
        using var engine = await EmbeddedEngineAsync();
        var index = engine.Datasets.Current!.State.Index;
        var keys = index.TrigramLists.Keys.ToList();
        keys.Should().HaveCountGreaterThan(1_000);
        foreach (var gram in keys)
        {
            ShouldAgree(index, gram);
        }
    }

    [Fact]
    public async Task TryGetTrigramRange_EveryTrigramOfTheDirectTablesSymbols_AgreesWithTheDictionary()
    {
        using var engine = await EmbeddedEngineAsync();
        var index = engine.Datasets.Current!.State.Index;
        int found = 0, missing = 0;
        foreach (var a in Symbols)
        {
            foreach (var b in Symbols)
            {
                foreach (var c in Symbols)
                {
                    var has = ShouldAgree(index, Pack(a, b, c));
                    found += has ? 1 : 0;
                    missing += has ? 0 : 1;
                }
            }
        }

        found.Should().BeGreaterThan(1_000);
        missing.Should().BeGreaterThan(10_000, "most combinations of three symbols are in no word");
    }

    [Theory]
    [InlineData("жук")]
    [InlineData("ége")]
    [InlineData("^Ab")]
    [InlineData("a b")]
    [InlineData("中国$")]
    [InlineData("ab\u007f")]
    public async Task TryGetTrigramRange_TrigramWithOtherCharacters_AgreesWithTheDictionary(string text)
    {
        using var engine = await EmbeddedEngineAsync();
        var index = engine.Datasets.Current!.State.Index;
        ShouldAgree(index, Pack(text[0], text[1], text[2]));
    }

    [Fact]
    public async Task TryGetTrigramRange_TrigramOfAWordWithAccents_IsFoundThroughTheDictionary()
    {
        // A word of another alphabet is a vocabulary word too: its trigrams are in the table, outside the direct one.
        using var engine = await EmbeddedEngineAsync();
        var index = engine.Datasets.Current!.State.Index;
        var outside = index.TrigramLists.Keys.Where(g => Chars(g).Any(ch => !Symbols.Contains(ch))).ToList();
        outside.Should().NotBeEmpty("the embedded dataset holds names in other scripts");
        foreach (var gram in outside)
        {
            ShouldAgree(index, gram).Should().BeTrue();
        }
    }

    // An engine on the embedded dataset, loaded; the caller disposes of it once done with its index.
    private static async Task<ScreeningEngine> EmbeddedEngineAsync()
    {
        var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        return engine;
    }

    // Checks that both ways give the same answer and list; returns whether the trigram has one.
    private static bool ShouldAgree(VendorScreen.Indexing.CandidateIndex index, ulong gram)
    {
        var expected = index.TrigramLists.TryGetRange(gram, out var expectedIds, out var expectedStart, out var expectedEnd);
        var actual = index.TryGetTrigramRange(gram, out var ids, out var start, out var end);
        actual.Should().Be(expected, "trigram \"{0}\"", new string(Chars(gram)));
        ids.Should().BeSameAs(expectedIds);
        (start, end).Should().Be((expectedStart, expectedEnd), "trigram \"{0}\"", new string(Chars(gram)));
        return actual;
    }

    private static ulong Pack(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;

    private static char[] Chars(ulong gram) => [(char)((gram >> 32) & 0xFFFF), (char)((gram >> 16) & 0xFFFF), (char)(gram & 0xFFFF)];
}
