using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The look-up by sound keeps what each group of runs of a transliterated name offered (<see cref="SoundRunMemo"/>): a name met
/// again, or one that shares its runs with a name met before, takes the same words, weights and order, and so the same
/// candidates, as a look-up that works every run out; a full memo starts over; threads that fill one memo together agree.
/// </summary>
public sealed class SoundRunMemoTests
{
    // Names in Han, Hangul and Cyrillic that share runs ("金正恩" and "金正日", "김정은" and "김정일", two Putins).
    private static readonly string[] Names =
    [
        .. CandidateIndexSoundAlikeTests.Queries,
        "金正日", "김정일", "김여정", "金与正", "Людмила Путина", "Владимир Жириновский", "奥巴马", "오바마", "巴拉克", "Сергей Шойгу",
    ];

    [Fact]
    public async Task FindCandidates_NamesMetAgainAndSharedRuns_SameCandidatesAsWorkingEveryRunOut()
    {
        var index = await EmbeddedIndexAsync();
        var variants = Variants(Names);
        var fresh = variants.Select(v =>
        {
            index.ForgetSoundRuns();
            return index.FindCandidates(v, 64).ToArray();
        }).ToList();

        index.ForgetSoundRuns();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                index.FindCandidates(variants[i], 64).Should().Equal(fresh[i], "round {0}, {1}", round, variants[i].Key);
            }
        }

        fresh.Should().Contain(ids => ids.Length > 0);
        index.SoundRunMemoCount.Should().BeGreaterThan(variants.Count / 2);
    }

    [Fact]
    public async Task SoundAlikeWords_SecondLookUp_ReadsTheMemoAndAddsNothing()
    {
        var index = await EmbeddedIndexAsync();
        var variant = Variants(["김정은"])[0];
        index.ForgetSoundRuns();

        var first = index.SoundAlikeWords(variant);
        var kept = index.SoundRunMemoCount;
        var again = index.SoundAlikeWords(variant);

        kept.Should().BeGreaterThan(0);
        index.SoundRunMemoCount.Should().Be(kept);
        again.Should().Equal(first);
    }

    [Fact]
    public async Task SoundAlikeWords_SmallMemoFills_StartsOverAndGivesTheSameWords()
    {
        var index = await EmbeddedIndexAsync();
        var variants = Variants(Names);
        var fresh = WorkedOutEachTime(index, variants);

        var small = new SoundRunMemo(maxGroups: 3, maxWords: 64);
        index.UseSoundRunMemo(small);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                index.SoundAlikeWords(variants[i]).Should().Equal(fresh[i], "round {0}, {1}", round, variants[i].Key);
                small.Count.Should().BeInRange(1, 3);
                small.Words.Should().BeLessThanOrEqualTo(64);
            }
        }

        small.StartedOver.Should().BeGreaterThan(2);
    }

    [Fact]
    public async Task SoundAlikeWords_ManyThreadsOneMemo_EachGivesWhatOneThreadGives()
    {
        var index = await EmbeddedIndexAsync();
        var variants = Variants(Names);
        var fresh = WorkedOutEachTime(index, variants);

        index.ForgetSoundRuns();
        var results = new IReadOnlyList<(string Word, double Weight)>[4 * variants.Count];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = index.SoundAlikeWords(variants[i % variants.Count]));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Should().Equal(fresh[i % variants.Count], variants[i % variants.Count].Key);
        }
    }

    [Fact]
    public void Add_GroupsAndWords_CopiedBackInOrder()
    {
        var memo = new SoundRunMemo(maxGroups: 3, maxWords: 4);
        var ends = SoundRunMemo.PackEnds([2, 5])!.Value;
        var words = new List<SoundWord> { new(99, 9) };

        memo.TryCopy(NameScript.Hangul, "kimjo", ends, words).Should().BeFalse();
        words.Should().Equal(new SoundWord(99, 9));

        memo.Add(NameScript.Hangul, "kimjo", ends, [new SoundWord(7, 0.5), new SoundWord(3, 0.25)]);
        memo.Add(NameScript.Han, "kimjo", ends, [new SoundWord(1, 0.75)]);
        memo.Add(NameScript.Hangul, "kimjo", SoundRunMemo.PackEnds([5])!.Value, []);
        memo.Add(NameScript.Hangul, "kimjo", ends, [new SoundWord(4, 1)]);

        memo.TryCopy(NameScript.Hangul, "kimjo", ends, words).Should().BeTrue();
        words.Should().Equal(new SoundWord(7, 0.5), new SoundWord(3, 0.25));
        memo.TryCopy(NameScript.Han, "kimjo", ends, words).Should().BeTrue();
        words.Should().Equal(new SoundWord(1, 0.75));
        memo.TryCopy(NameScript.Hangul, "kimjo", SoundRunMemo.PackEnds([5])!.Value, words).Should().BeTrue();
        words.Should().BeEmpty();
        memo.TryCopy(NameScript.Cyrillic, "kimjo", ends, words).Should().BeFalse();
        (memo.Count, memo.Words, memo.StartedOver).Should().Be((3, 3, 0));
    }

    [Fact]
    public void Add_GroupsFull_StartsOverWithTheNewGroup()
    {
        var memo = new SoundRunMemo(maxGroups: 2, maxWords: 100);
        var words = new List<SoundWord>();
        memo.Add(NameScript.Han, "a", 1, [new(1, 1)]);
        memo.Add(NameScript.Han, "b", 1, [new(2, 1)]);

        memo.Add(NameScript.Han, "c", 1, [new(3, 1)]);

        memo.TryCopy(NameScript.Han, "a", 1, words).Should().BeFalse();
        memo.TryCopy(NameScript.Han, "c", 1, words).Should().BeTrue();
        words.Should().Equal(new SoundWord(3, 1));
        (memo.Count, memo.Words, memo.StartedOver).Should().Be((1, 1, 1));
    }

    [Fact]
    public void Add_WordsFull_StartsOverWithTheNewGroup()
    {
        var memo = new SoundRunMemo(maxGroups: 100, maxWords: 3);
        var words = new List<SoundWord>();
        memo.Add(NameScript.Han, "a", 1, [new(1, 1), new(2, 1)]);

        memo.Add(NameScript.Han, "b", 1, [new(3, 1), new(4, 1)]);

        memo.TryCopy(NameScript.Han, "a", 1, words).Should().BeFalse();
        memo.TryCopy(NameScript.Han, "b", 1, words).Should().BeTrue();
        words.Should().Equal(new SoundWord(3, 1), new SoundWord(4, 1));
        memo.StartedOver.Should().Be(1);
    }

    [Fact]
    public void Add_MoreWordsThanTheMemoHolds_KeepsNothing()
    {
        var memo = new SoundRunMemo(maxGroups: 10, maxWords: 2);
        memo.Add(NameScript.Han, "a", 1, [new(1, 1)]);

        memo.Add(NameScript.Han, "b", 1, [new(1, 1), new(2, 1), new(3, 1)]);

        memo.TryCopy(NameScript.Han, "b", 1, []).Should().BeFalse();
        (memo.Count, memo.StartedOver).Should().Be((1, 0));
    }

    [Fact]
    public void Add_CodesFull_StartsOverWithTheNewGroup()
    {
        var memo = new SoundRunMemo(maxGroups: 100, maxWords: 100, maxChars: 8);
        var words = new List<SoundWord>();
        memo.Add(NameScript.Hangul, "gimjo", 1, [new(1, 1)]);

        memo.Add(NameScript.Hangul, "parkx", 1, [new(2, 1)]);

        memo.TryCopy(NameScript.Hangul, "gimjo", 1, words).Should().BeFalse();
        memo.TryCopy(NameScript.Hangul, "parkx", 1, words).Should().BeTrue();
        words.Should().Equal(new SoundWord(2, 1));
        (memo.Count, memo.StartedOver).Should().Be((1, 1));
    }

    [Fact]
    public void Add_MoreCodesThanTheMemoHolds_KeepsNothing()
    {
        var memo = new SoundRunMemo(maxGroups: 10, maxWords: 10, maxChars: 4);
        memo.Add(NameScript.Han, "ab", 1, [new(1, 1)]);

        memo.Add(NameScript.Han, "abcde", 1, [new(2, 1)]);

        memo.TryCopy(NameScript.Han, "abcde", 1, []).Should().BeFalse();
        (memo.Count, memo.StartedOver).Should().Be((1, 0));
    }

    // Groups whose codes share a start, differ only in script or in run lengths, or are the empty text, in a table of few slots
    // (so that groups meet in slots and are told apart by what they hold): each copied back as added, and none mistaken for
    // another, before and after starting over.
    [Fact]
    public void Add_ManyGroupsInFewSlots_EachCopiedBackAsAdded()
    {
        var memo = new SoundRunMemo(maxGroups: 40, maxWords: 1000, maxChars: 1000);
        var groups = new List<(NameScript Script, string Codes, ulong Ends, SoundWord[] Words)>();
        var texts = new[] { "", "k", "ki", "kim", "kimj", "kimjo", "kimjon", "jo", "jong", "un" };
        var id = 0;
        foreach (var text in texts)
        {
            foreach (var script in new[] { NameScript.Han, NameScript.Hangul })
            {
                foreach (var ends in new ulong[] { 1, 0x0201 })
                {
                    groups.Add((script, text, ends, [new SoundWord(id, id / 10.0), new SoundWord(id + 1000, 1)]));
                    id++;
                }
            }
        }

        groups.Should().HaveCount(40);
        for (var round = 0; round < 2; round++)
        {
            foreach (var (script, codes, ends, words) in groups)
            {
                memo.Add(script, codes, ends, words);
            }

            var copied = new List<SoundWord>();
            foreach (var (script, codes, ends, words) in groups)
            {
                memo.TryCopy(script, codes, ends, copied).Should().BeTrue($"{script} \"{codes}\" {ends:X}");
                copied.Should().Equal(words);
            }

            memo.TryCopy(NameScript.Cyrillic, "kim", 1, copied).Should().BeFalse();
            memo.TryCopy(NameScript.Han, "kimjong", 1, copied).Should().BeFalse();
            memo.TryCopy(NameScript.Han, "kim", 0x0301, copied).Should().BeFalse();
            memo.Count.Should().Be(40);
            memo.Clear();
            memo.Count.Should().Be(0);
            memo.TryCopy(groups[0].Script, groups[0].Codes, groups[0].Ends, copied).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData(new[] { 3 }, 3UL)]
    [InlineData(new[] { 2, 5, 9 }, 0x09_05_02UL)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 255 }, 0xFF_07_06_05_04_03_02_01UL)]
    public void PackEnds_UpToEightRunsOfUpTo255Codes_OneBytePerRun(int[] ends, ulong packed) =>
        SoundRunMemo.PackEnds(ends).Should().Be(packed);

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new[] { 2, 256 })]
    [InlineData(new[] { 0, 2 })]
    public void PackEnds_TooManyOrTooLongRuns_Null(int[] ends) =>
        SoundRunMemo.PackEnds(ends).Should().BeNull();

    private static List<NormalizedName> Variants(IEnumerable<string> names) =>
        [.. names.SelectMany(n => NameNormalizer.Normalize(n).Where(v => v.IsTransliteration && v.SourceScript is NameScript.Han or NameScript.Hangul or NameScript.Cyrillic))];

    // Each variant's words looked up with the memo forgotten first: every run walked.
    private static List<IReadOnlyList<(string Word, double Weight)>> WorkedOutEachTime(CandidateIndex index, List<NormalizedName> variants) =>
    [
        .. variants.Select(v =>
        {
            index.ForgetSoundRuns();
            return index.SoundAlikeWords(v);
        }),
    ];

    private static async Task<CandidateIndex> EmbeddedIndexAsync()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        return new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
    }
}
