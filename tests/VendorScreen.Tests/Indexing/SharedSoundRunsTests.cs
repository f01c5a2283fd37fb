using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Matching;
using VendorScreen.Normalization;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Indexing;

/// <summary>
/// The look-up by sound of a transliterated query can be shared with a helper thread that takes its groups of runs from the
/// last group back (<see cref="CandidateIndex.LookUpSoundFromTheEnd"/>). The candidates must be those of the look-up alone, in
/// the same order: whoever looks a group up, from the memo of the look-up by sound or by walking, whether the helper starts at
/// once, late or never, and when the helper holds a group and does not finish it.
/// </summary>
public sealed class SharedSoundRunsTests
{
    [Fact]
    public async Task FindCandidates_LookUpSharedWithAHelper_SameCandidatesAsAlone()
    {
        // The helper, a thread of its own, and the look-up start together on each query, with the memo of the look-up by sound
        // emptied before each: which groups each takes and walks is theirs to race for; the candidates must not depend on it.
        var index = await EmbeddedIndex.BuildAsync();
        var shared = new SharedSoundRuns();
        using var helper = new LockstepHelper<NormalizedName>(_ => index.LookUpSoundFromTheEnd(shared));
        foreach (var query in Queries())
        {
            var expected = EmbeddedIndex.CandidatesAlone(index, query);
            index.ForgetSoundRuns();
            shared.Reset(query);
            int[]? ids = null;
            var found = helper.Race(query, () => index.FindCandidates(query, 64, null, ref ids, sharedSound: shared));

            ids.AsSpan(0, found).ToArray().Should().Equal(expected, "\"{0}\"", query.Key);
        }
    }

    [Fact]
    public async Task LookUpSoundFromTheEnd_LookUpClearedBeforeTheHelperStarts_TakesNothingAndThrowsNothing()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var query = SoundForms("항저우 하이크비전 디지털 테크놀로지").First();
        var shared = new SharedSoundRuns();
        shared.Reset(query);
        int[]? ids = null;
        index.FindCandidates(query, 64, null, ref ids, sharedSound: shared);
        shared.Clear();

        var helper = () => index.LookUpSoundFromTheEnd(shared);

        helper.Should().NotThrow();
        shared.Reset(query);
        var found = index.FindCandidates(query, 64, null, ref ids, sharedSound: shared);
        ids.AsSpan(0, found).ToArray().Should().Equal(EmbeddedIndex.CandidatesAlone(index, query));
        shared.ReadFromHelper.Should().Be(0, "the helper of the cleared look-up looked nothing up");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FindCandidates_HelperLooksUpEveryGroupFirst_SameCandidatesAsAlone(bool fromTheMemo)
    {
        var index = await EmbeddedIndex.BuildAsync();
        var shared = new SharedSoundRuns();
        foreach (var query in Queries())
        {
            var expected = EmbeddedIndex.CandidatesAlone(index, query);
            if (!fromTheMemo)
            {
                index.ForgetSoundRuns();
            }

            shared.Reset(query);
            index.LookUpSoundFromTheEnd(shared);
            int[]? ids = null;
            var found = index.FindCandidates(query, 64, null, ref ids, sharedSound: shared);

            ids.AsSpan(0, found).ToArray().Should().Equal(expected, "\"{0}\"", query.Key);
            shared.ReadFromHelper.Should().Be(shared.GroupCount, "every group of \"{0}\" was looked up by the helper", query.Key);
        }
    }

    [Fact]
    public async Task FindCandidates_HelperHoldsGroupsAndNeverFinishes_LooksThemUpItselfWithTheSameCandidates()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var query = SoundForms("항저우 하이크비전 디지털 테크놀로지").First();
        var expected = EmbeddedIndex.CandidatesAlone(index, query);
        index.ForgetSoundRuns();
        var shared = new SharedSoundRuns();
        shared.Reset(query);
        shared.GroupCount.Should().BeGreaterThan(2);

        // A helper that took the last two groups and was then set aside for good.
        shared.TryTake(shared.GroupCount - 1).Should().BeTrue();
        shared.TryTake(shared.GroupCount - 2).Should().BeTrue();
        int[]? ids = null;
        var found = index.FindCandidates(query, 64, null, ref ids, sharedSound: shared);

        ids.AsSpan(0, found).ToArray().Should().Equal(expected);
        shared.ReadFromHelper.Should().Be(0, "the groups the helper held were looked up again");
    }

    [Fact]
    public async Task FindCandidates_MoreGroupsThanShared_TheScreeningsThreadLooksUpTheRestWithTheSameCandidates()
    {
        // A run of syllables longer than the groups shared: the helper takes the last groups shared, the screening's thread the rest.
        var index = await EmbeddedIndex.BuildAsync();
        var query = SoundForms(string.Concat(Enumerable.Repeat("하이크비전다후아", 6))).First();
        var expected = EmbeddedIndex.CandidatesAlone(index, query);
        index.ForgetSoundRuns();
        var shared = new SharedSoundRuns();
        shared.Reset(query);
        shared.GroupCount.Should().BeGreaterThan(SharedSoundRuns.MaxGroups);

        index.LookUpSoundFromTheEnd(shared);
        int[]? ids = null;
        var found = index.FindCandidates(query, 64, null, ref ids, sharedSound: shared);

        ids.AsSpan(0, found).ToArray().Should().Equal(expected);
        shared.ReadFromHelper.Should().Be(SharedSoundRuns.MaxGroups, "the groups past those shared are the screening thread's");
    }

    [Fact]
    public async Task FindCandidates_SharedLookUpOfAnotherQuery_Throws()
    {
        var index = await EmbeddedIndex.BuildAsync();
        var shared = new SharedSoundRuns();
        shared.Reset(SoundForms("하이크비전").First());
        int[]? ids = null;

        var another = () => index.FindCandidates(SoundForms("화웨이").First(), 64, null, ref ids, sharedSound: shared);
        var latin = () => index.FindCandidates(NameNormalizer.Normalize("Hikvision Digital")[0], 64, null, ref ids, sharedSound: shared);

        another.Should().Throw<ArgumentException>().WithMessage("*another query*");
        latin.Should().Throw<ArgumentException>().WithMessage("*another query*");
    }

    [Fact]
    public void LookUpSoundFromTheEnd_NoQueryOrNull_LooksNothingUpOrThrows()
    {
        // A look-up without a query (never reset, or cleared) has nothing to look up; none at all is a caller's mistake.
        var index = new CandidateIndex([], NameScoringRules.Default);

        var withoutQuery = () => index.LookUpSoundFromTheEnd(new SharedSoundRuns());
        var none = () => index.LookUpSoundFromTheEnd(null!);

        withoutQuery.Should().NotThrow();
        none.Should().Throw<ArgumentNullException>().WithParameterName("shared");
    }


    // The forms of a name that are looked up by sound.
    private static IEnumerable<NormalizedName> SoundForms(string name) => NameNormalizer.Normalize(name).Where(CandidateIndex.LooksUpBySound);

    // Names in Han, Hangul, kana and Cyrillic, each in every form looked up by sound.
    private static List<NormalizedName> Queries()
    {
        string[] names =
        [
            "海康威视", "杭州海康威视数字技术股份有限公司", "浙江大华技术股份有限公司", "华为技术有限公司", "中兴通讯", "海能达通信股份有限公司",
            "하이크비전", "항저우 하이크비전 디지털 테크놀로지", "다후아 테크놀로지", "화웨이", "김정은", "ハイクビジョン", "ファーウェイ",
            "Хиквижн", "Хуавэй Текнолоджиз", "Дахуа Текнолоджи", "Касперский Лаборатория",
        ];
        var forms = names.SelectMany(SoundForms).ToList();
        forms.Should().HaveCountGreaterThanOrEqualTo(names.Length, "each name has a form looked up by sound");
        return forms;
    }
}
