using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Normalization;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The candidate look-up can share the misspelling look-ups of a query's tokens with a helper thread that takes them from the
/// last token back (<see cref="CandidateIndex.LookUpSimilarFromTheEnd"/>). The candidates must be those of the look-up alone,
/// in the same order: whoever looks a token up, whether the helper starts at once, late or never, and when the helper holds a
/// token and does not finish it.
/// </summary>
public sealed class SharedSimilarWordsTests
{
    [Fact]
    public async Task FindCandidates_LookUpsSharedWithAHelper_SameCandidatesAsAlone()
    {
        // The helper, a thread of its own, and the look-up start together on each query: which tokens each takes is theirs to race
        // for (the two tests below fix it both ways); the candidates must not depend on it.
        var index = await EmbeddedIndex.BuildAsync();
        var shared = new SharedSimilarWords();
        using var helper = new LockstepHelper<NormalizedName>(_ => index.LookUpSimilarFromTheEnd(shared));
        foreach (var query in Queries())
        {
            var expected = EmbeddedIndex.CandidatesAlone(index, query);
            shared.Reset(query);
            int[]? ids = null;
            var found = helper.Race(query, () => index.FindCandidates(query, 64, null, ref ids, shared));

            ids.AsSpan(0, found).ToArray().Should().Equal(expected, "\"{0}\"", query.Key);
        }
    }

    [Fact]
    public async Task FindCandidates_HelperLooksUpEveryTokenFirst_SameCandidatesAsAlone()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var shared = new SharedSimilarWords();
        foreach (var query in Queries())
        {
            shared.Reset(query);
            index.LookUpSimilarFromTheEnd(shared);
            int[]? ids = null;
            var found = index.FindCandidates(query, 64, null, ref ids, shared);

            ids.AsSpan(0, found).ToArray().Should().Equal(EmbeddedIndex.CandidatesAlone(index, query), "\"{0}\"", query.Key);
            shared.ReadFromHelper.Should().BeGreaterThan(0, "every token to look up was looked up by the helper");
        }
    }

    [Fact]
    public async Task FindCandidates_HelperHoldsATokenAndNeverFinishes_LooksItUpItselfWithTheSameCandidates()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var query = NameNormalizer.Normalize("Hikvsion Digital Tecnology Company")[0];
        var shared = new SharedSimilarWords();
        shared.Reset(query);

        // A helper that took the last two tokens and was then set aside for good.
        shared.TryTake(query.Tokens.Count - 1).Should().BeTrue();
        shared.TryTake(query.Tokens.Count - 2).Should().BeTrue();
        int[]? ids = null;
        var found = index.FindCandidates(query, 64, null, ref ids, shared);

        ids.AsSpan(0, found).ToArray().Should().Equal(EmbeddedIndex.CandidatesAlone(index, query));
        shared.ReadFromHelper.Should().Be(0, "the tokens the helper held were looked up again");
    }

    [Fact]
    public async Task LookUpSimilarFromTheEnd_LookUpClearedBeforeTheHelperStarts_TakesNothingAndThrowsNothing()
    {
        // The screening's thread may find its candidates and be done with the look-up before the pool starts the helper: the
        // helper then finds the look-up cleared, and has nothing to do (it threw, and swallowed, an exception in that case).
        var index = await EmbeddedIndex.BuildAsync();
        var query = NameNormalizer.Normalize("Hikvsion Digital Tecnology Company")[0];
        var shared = new SharedSimilarWords();
        shared.Reset(query);
        int[]? ids = null;
        index.FindCandidates(query, 64, null, ref ids, shared);
        shared.Clear();

        var helper = () => index.LookUpSimilarFromTheEnd(shared);

        helper.Should().NotThrow();
        shared.Query.Should().BeNull("the look-up stays cleared");
        shared.Reset(query);
        var found = index.FindCandidates(query, 64, null, ref ids, shared);
        ids.AsSpan(0, found).ToArray().Should().Equal(EmbeddedIndex.CandidatesAlone(index, query));
        shared.ReadFromHelper.Should().Be(0, "the helper of the cleared look-up looked nothing up");
    }

    [Fact]
    public async Task ShortPostings_LookUpsClearedWhileAHelperReadsThem_ReadsNoWordAndThrowsNothing()
    {
        // The helper bounds the likely candidates from the look-ups done so far while the screening's thread may already be done
        // with them and have cleared them: the tokens stay marked done, their words are gone (it threw, and swallowed, an
        // exception in that case).
        var index = await EmbeddedIndex.BuildAsync();
        var query = NameNormalizer.Normalize("Hikvsion Digital Technology")[0];
        var shared = new SharedSimilarWords();
        shared.Reset(query);
        index.LookUpSimilarFromTheEnd(shared);
        Span<int> numbers = stackalloc int[32];
        var withWords = index.ShortPostings(query, shared, 64, numbers);
        shared.Clear();

        var afterClear = index.ShortPostings(query, shared, 64, numbers);

        afterClear.Should().BeLessThan(withWords, "the words of the misspelt token are no longer read");
        afterClear.Should().Be(index.ShortPostings(query, null, 64, numbers), "only the query's own words are read");
        shared.TryRead(0, out _).Should().BeFalse();
    }

    [Fact]
    public async Task ShortPostings_QueryWithAMisspeltWord_ListsOfItsWordsAndOfTheWordsDoneItMisspellsShortestFirst()
    {
        // "Hikvsion" has no list of its own; once the helper has looked it up, the lists of the words it misspells are read.
        var index = await EmbeddedIndex.BuildAsync();
        var query = NameNormalizer.Normalize("Hikvsion Digital Technology")[0];
        var shared = new SharedSimilarWords();
        shared.Reset(query);
        Span<int> numbers = stackalloc int[32];

        var before = index.ShortPostings(query, shared, 64, numbers);
        var written = numbers[..before].ToArray();
        index.LookUpSimilarFromTheEnd(shared);
        var after = index.ShortPostings(query, shared, 64, numbers);
        var lists = numbers[..after].ToArray().Select(n => index.PostingList(n).ToArray()).ToList();

        after.Should().BeGreaterThan(before, "the misspelt word's lists are read once it is looked up");
        lists.Should().OnlyContain(l => l.Length <= 64);
        lists.Select(l => l.Length).Should().BeInAscendingOrder();
        lists.SelectMany(l => l).Select(id => index.Names[id].Name.Value)
            .Should().Contain(n => n.Contains("Hikvision", StringComparison.OrdinalIgnoreCase), "the names of the word it misspells are read");
        written.Select(n => index.PostingList(n).Length).Should().OnlyContain(length => length <= 64);
    }

    [Fact]
    public async Task ShortPostings_LessRoomThanLists_WritesNoMoreThanTheRoom()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var query = NameNormalizer.Normalize("Hikvision Dahua Hytera Kaspersky Uniview Huawei")[0];
        Span<int> numbers = stackalloc int[2];

        var count = index.ShortPostings(query, null, 64, numbers);

        count.Should().Be(2);
    }

    [Fact]
    public async Task ShortPostings_NegativeMostNames_Throws()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var query = NameNormalizer.Normalize("Hikvision")[0];

        var lookUp = () => index.ShortPostings(query, null, -1, new int[4]);

        lookUp.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxNames");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task PostingList_NumberOfNoList_ThrowsNamingIt(int number)
    {
        var index = await EmbeddedIndex.BuildAsync();

        var read = () => index.PostingList(number).Length;

        read.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(number)).WithMessage("*no posting list has this number*");
    }

    [Fact]
    public async Task FindCandidates_SharedLookUpsOfAnotherQuery_Throws()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var shared = new SharedSimilarWords();
        shared.Reset(NameNormalizer.Normalize("Dahua Technology")[0]);
        int[]? ids = null;

        var lookUp = () => index.FindCandidates(NameNormalizer.Normalize("Hikvision Digital")[0], 64, null, ref ids, shared);

        lookUp.Should().Throw<ArgumentException>().WithMessage("*another query*");
    }


    // Names of three words or more with a letter changed in two of them, in Latin letters, each in its one form.
    private static IEnumerable<NormalizedName> Queries()
    {
        string[] names =
        [
            "Hangzhou Hikvision Digital Technology Co., Ltd.", "Zhejiang Dahua Technology Co Ltd", "Huawei Technologies Company Limited",
            "Hytera Communications Corporation Limited", "China Mobile Communications Group", "Zhejiang Uniview Technologies",
            "Shenzhen Technology Trading Company", "Kaspersky Laboratory Moscow", "Northern Trading Company Limited",
        ];
        var random = new Random(51205);
        foreach (var name in names)
        {
            yield return NameNormalizer.Normalize(name)[0];
            var words = name.Split(' ');
            for (var round = 0; round < 4; round++)
            {
                var misspelt = (string[])words.Clone();
                foreach (var at in new[] { random.Next(words.Length), random.Next(words.Length) })
                {
                    var chars = misspelt[at].ToCharArray();
                    chars[random.Next(chars.Length)] = Misspellings.Letters[random.Next(Misspellings.Letters.Length)];
                    misspelt[at] = new string(chars);
                }

                yield return NameNormalizer.Normalize(string.Join(' ', misspelt))[0];
            }
        }
    }
}
