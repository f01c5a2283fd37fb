using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The look-up by sound keeps what each group of runs of a transliterated name offered (<see cref="SoundRunMemo"/>): a name met
/// again, or one that shares a run with a name met before, takes the same words, weights and order, and so the same candidates,
/// as a look-up that works every run out; a full memo is replaced by an empty one; threads that fill one memo together agree.
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
    public async Task SoundAlikeWords_SmallMemoFills_IsReplacedAndGivesTheSameWords()
    {
        var index = await EmbeddedIndexAsync();
        var variants = Variants(Names);
        var fresh = variants.Select(v =>
        {
            index.ForgetSoundRuns();
            return index.SoundAlikeWords(v);
        }).ToList();

        var small = new SoundRunMemo(maxGroups: 3, chunkLength: 64, maxChunks: 4);
        index.UseSoundRunMemo(small);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                index.SoundAlikeWords(variants[i]).Should().Equal(fresh[i], "round {0}, {1}", round, variants[i].Key);
                index.SoundRunMemoCount.Should().BeLessThanOrEqualTo(SoundRunMemo.MaxGroups);
            }
        }

        small.IsFull.Should().BeTrue();
        small.Count.Should().Be(3);
        index.SoundRunMemoCount.Should().BeLessThan(SoundRunMemo.MaxGroups).And.BeGreaterThan(0, "a new memo took over");
    }

    [Fact]
    public async Task SoundAlikeWords_ManyThreadsOneMemo_EachGivesWhatOneThreadGives()
    {
        var index = await EmbeddedIndexAsync();
        var variants = Variants(Names);
        var fresh = variants.Select(v =>
        {
            index.ForgetSoundRuns();
            return index.SoundAlikeWords(v);
        }).ToList();

        index.ForgetSoundRuns();
        var results = new IReadOnlyList<(string Word, double Weight)>[4 * variants.Count];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = index.SoundAlikeWords(variants[i % variants.Count]));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Should().Equal(fresh[i % variants.Count], variants[i % variants.Count].Key);
        }
    }

    [Fact]
    public void TryAdd_GroupsAndWords_ReadBackInOrderUntilFull()
    {
        var memo = new SoundRunMemo(maxGroups: 3, chunkLength: 4, maxChunks: 8);
        var ends = SoundRunMemo.PackEnds([2, 5])!.Value;

        memo.TryAdd(NameScript.Hangul, "kimjo", ends, [new SoundWord(7, 0.5), new SoundWord(3, 0.25)]).Should().BeTrue();
        memo.TryAdd(NameScript.Han, "kimjo", ends, [new SoundWord(1, 0.75)]).Should().BeTrue();
        memo.TryAdd(NameScript.Hangul, "kimjo", SoundRunMemo.PackEnds([5])!.Value, []).Should().BeTrue();

        memo.TryGet(NameScript.Hangul, "kimjo", ends, out var hangul).Should().BeTrue();
        hangul.ToArray().Should().Equal(new SoundWord(7, 0.5), new SoundWord(3, 0.25));
        memo.TryGet(NameScript.Han, "kimjo", ends, out var han).Should().BeTrue();
        han.ToArray().Should().Equal(new SoundWord(1, 0.75));
        memo.TryGet(NameScript.Hangul, "kimjo", SoundRunMemo.PackEnds([5])!.Value, out var alone).Should().BeTrue();
        alone.IsEmpty.Should().BeTrue();
        memo.TryGet(NameScript.Cyrillic, "kimjo", ends, out _).Should().BeFalse();

        memo.TryAdd(NameScript.Hangul, "park", SoundRunMemo.PackEnds([4])!.Value, [new SoundWord(2, 1)]).Should().BeFalse("the memo holds its three groups");
        memo.IsFull.Should().BeTrue();
        memo.Count.Should().Be(3);
    }

    [Fact]
    public void TryAdd_SharedArraysFull_TakesNoMoreGroups()
    {
        var memo = new SoundRunMemo(maxGroups: 100, chunkLength: 3, maxChunks: 2);
        SoundWord[] words = [new(1, 1), new(2, 1)];

        memo.TryAdd(NameScript.Han, "a", 1, words).Should().BeTrue();
        memo.TryAdd(NameScript.Han, "b", 1, words).Should().BeTrue();
        memo.TryAdd(NameScript.Han, "c", 1, words).Should().BeFalse("each group takes an array of its own and both are used");
        memo.IsFull.Should().BeTrue();
        memo.TryGet(NameScript.Han, "b", 1, out var b).Should().BeTrue();
        b.ToArray().Should().Equal(words);
    }

    [Fact]
    public void TryAdd_MoreWordsThanAnArrayHolds_KeepsNothingAndStaysOpen()
    {
        var memo = new SoundRunMemo(maxGroups: 10, chunkLength: 2, maxChunks: 2);

        memo.TryAdd(NameScript.Han, "a", 1, [new(1, 1), new(2, 1), new(3, 1)]).Should().BeTrue();

        memo.TryGet(NameScript.Han, "a", 1, out _).Should().BeFalse();
        memo.Count.Should().Be(0);
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

    private static async Task<CandidateIndex> EmbeddedIndexAsync()
    {
        var snapshot = await new VendorScreen.Sources.VendorScreenJson.DefaultDatasetSource().LoadAsync();
        return new CandidateIndex(snapshot.Entities, NameScoringRules.Default);
    }
}
