using FluentAssertions;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Matching;

/// <summary>
/// The bound walks only the joined runs of a name whose first letters a word shares (<see cref="NameScorer.JoinedStartsFor"/>):
/// every run it leaves out must be one that <see cref="NameScorer.MaySpellAlike"/> rules out, or the bound would miss a joined pair.
/// </summary>
public sealed class NameScorerJoinedStartsTests
{
    [Theory]
    [InlineData("hikvision", "hik vision digital")]
    [InlineData("ikvision", "hik vision")]
    [InlineData("aaaabbbb", "a b")]
    [InlineData("abcd", "x b c d")]
    [InlineData("zzzz", "a b c d e")]
    [InlineData("elkurd", "ahmed al kurd")]
    [InlineData("xgcarlon", "a and g carlon")] // the second letter of "agcarlon", the run read without its inner "and"
    [InlineData("zgfoods", "x h and g foods")]
    [InlineData("zbgfoods", "h and and b g foods")]
    [InlineData("oilgas", "persia oil and gas")]
    public void JoinedStartsFor_LeavesOutOnlyRunsNotSpeltAlike(string word, string name)
    {
        var tokens = Tokens(name);

        LeftOutButSpeltAlike(word, tokens).Should().BeEmpty();
    }

    [Fact]
    public async Task JoinedStartsFor_RunsOfTheEmbeddedNames_LeavesOutOnlyRunsNotSpeltAlikeAndMostRuns()
    {
        // Words and names of the embedded dataset, each word against every name: the runs left out are not spelt alike with it.
        var names = await EmbeddedNamesAsync();
        var words = names.SelectMany(n => n).Select(t => t.Text).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).Take(400).ToList();
        var wrong = new List<string>();
        long runs = 0, leftOut = 0;
        foreach (var word in words)
        {
            foreach (var tokens in names)
            {
                wrong.AddRange(LeftOutButSpeltAlike(word, tokens, ref runs, ref leftOut));
            }
        }

        wrong.Should().BeEmpty();
        runs.Should().BeGreaterThan(100_000);
        leftOut.Should().BeGreaterThan(runs / 2, "most runs start with letters other than a given word's");
    }

    [Fact]
    public async Task JoinedStartsForAll_WordsOfEmbeddedNamesAgainstOtherNames_KeepsEveryStartAnyOneWordGives()
    {
        // The starts of several words at once (MarkJoined's single side) hold each start a word alone gives: a start left out
        // would be a run the bound never looks at.
        var names = await EmbeddedNamesAsync();
        var missed = new List<string>();
        long starts = 0, extra = 0;
        for (var n = 0; n < names.Count; n++)
        {
            var words = names[n];
            for (var m = 0; m < names.Count; m += 2)
            {
                var each = words.Aggregate(0UL, (mask, word) => NameScorer.JoinedStartsFor(word.Text, names[m], mask));
                var all = NameScorer.JoinedStartsForAll(words, names[m]);
                if ((each & ~all) != 0)
                {
                    missed.Add($"{string.Join(' ', words.Select(t => t.Text))} / {string.Join(' ', names[m].Select(t => t.Text))}");
                }

                starts += System.Numerics.BitOperations.PopCount(each);
                extra += System.Numerics.BitOperations.PopCount(all & ~each);
            }
        }

        missed.Should().BeEmpty();
        starts.Should().BeGreaterThan(10_000);
        extra.Should().BeLessThan(starts / 20, "letters 64 apart share a bit, which compare forms of lower-case letters and digits rarely meet");
    }

    [Fact]
    public void JoinedStartsForAll_NoWordOfFourLetters_GivesNoStart()
    {
        NameScorer.JoinedStartsForAll(Tokens("abc de"), Tokens("abc def ghi")).Should().Be(0);
    }

    [Fact]
    public void JoinedStartsFor_ShortWord_AddsNoStart()
    {
        NameScorer.JoinedStartsFor("abc", Tokens("abc def ghi"), 0b100).Should().Be(0b100);
    }

    private static List<string> LeftOutButSpeltAlike(string word, List<NameToken> tokens)
    {
        long runs = 0, leftOut = 0;
        return LeftOutButSpeltAlike(word, tokens, ref runs, ref leftOut);
    }

    // The runs of two to four tokens whose start the mask leaves out but that are spelt alike with the word.
    private static List<string> LeftOutButSpeltAlike(string word, List<NameToken> tokens, ref long runs, ref long leftOut)
    {
        var wrong = new List<string>();
        var starts = NameScorer.JoinedStartsFor(word, tokens, 0);
        for (var start = 0; start < tokens.Count - 1; start++)
        {
            for (var count = 2; count <= 4 && start + count <= tokens.Count; count++)
            {
                runs++;
                if ((starts & (1UL << start)) != 0)
                {
                    continue;
                }

                leftOut++;
                var withAl = NameScorer.HasJoinedArticle(word) && tokens[start].Text == "al" ? "al" + word[2..] : null;

                // The run as written, and without the "and"s inside it, as the runs are also read.
                var run = tokens.Skip(start).Take(count).Select(t => t.Text).ToList();
                var withoutAnd = run.Where((t, k) => k == 0 || k == count - 1 || t != "and").ToList();
                foreach (var joined in new[] { string.Concat(run), string.Concat(withoutAnd) }.Distinct(StringComparer.Ordinal))
                {
                    if (NameScorer.MaySpellAlike(word, joined) || (withAl is not null && NameScorer.MaySpellAlike(withAl, joined)))
                    {
                        wrong.Add($"{word} / {joined}");
                    }
                }
            }
        }

        return wrong;
    }

    private static List<NameToken> Tokens(string name) => [.. name.Split(' ').Select(t => new NameToken(t, TokenClass.Word))];

    // The token lists of the embedded dataset's indexed names of two to 64 tokens (shared with NameScorerJoinedShapeTests).
    internal static async Task<List<List<NameToken>>> EmbeddedNamesAsync()
    {
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        return [.. engine.Datasets.Current!.State.Index.Names.Select(n => n.Normalized.Tokens.ToList()).Where(t => t.Count >= 2 && t.Count <= 64)];
    }
}
