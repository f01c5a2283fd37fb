using FluentAssertions;
using VendorScreen.Indexing;
using VendorScreen.Normalization;
using VendorScreen.Screening;
using VendorScreen.Sources;
using VendorScreen.Tests.Infrastructure;

namespace VendorScreen.Tests.Screening;

/// <summary>
/// With <see cref="ScreeningOptions.ParallelCandidates"/> (the default) the candidates of a look-up are scored a few at a time by
/// the calling thread and a helper from the thread pool, and their matches kept in the order of the candidates. The results must
/// be those of one thread scoring the candidates in turn: alone, in a batch and a stream (which keep each screening to one
/// thread), when the thread pool is busy, and when the helper is held up so that the calling thread scores its turns again.
/// </summary>
/// They run alone: a thread pool busy with other tests' work starts helpers late, and a screening then scores its candidates
/// alone (which another test checks), where these tests count the look-ups shared.
[Collection(Collection)]
public sealed class ParallelCandidatesTests
{
    public const string Collection = "Parallel candidates";

    // The test host keeps some of the thread pool's threads waiting on its own work; with a few more threads ready a helper finds
    // one free at once, as in a process whose pool is not busy.
    public ParallelCandidatesTests()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < Environment.ProcessorCount + 8)
        {
            ThreadPool.SetMinThreads(Environment.ProcessorCount + 8, completionPorts);
        }
    }

    // Names in Latin letters (as listed, misspelt, reordered, with and without legal forms), Cyrillic and Han, and names that are
    // not listed: most find enough candidates on the embedded dataset to be shared.
    private static readonly string[] Embedded =
    [
        "Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision", "Hikvsion Digital Technology", "Zhejiang Dahua Technology Co Ltd",
        "Dahau Technology", "Technology Dahua Zhejiang", "Huawei Technologies Co., Ltd.", "Huawie Technologies", "ZTE Corporation",
        "Hytera Communications Corporation", "Hytera Comunications", "China Mobile Communications Group", "China Telecom Americas",
        "Kaspersky Lab", "Shenzhen Technology Trading Co", "Zhejiang Uniview Technologies", "Хиквижн", "Хуавэй Текнолоджиз", "海康威视",
        "浙江大华技术股份有限公司", "Acme Digital Technology Ltd", "Northern Trading Company", "John Smith",
    ];

    [Fact]
    public async Task ScreenAsync_NamesOnTheEmbeddedDataset_SameResultsAsOneThread()
    {
        using var engines = await EnginePair.StartAsync(o => o.ParallelCandidates = false);
        var eligible = Embedded.Count(n => HasCandidatesToShare(engines.Shared, n));
        eligible.Should().BeGreaterThanOrEqualTo(10, "most of these names find enough candidates to share");
        var requests = Embedded.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n)).ToList();

        var expected = await ResultJson.ScreenEachAsync(engines.OneThread, requests);
        using var turns = new HelperTurns(Embedded);

        await ResultJson.ShouldGiveEveryWayAsync(engines.Shared, requests, expected);

        // A look-up shares its candidates when one of the thread's two helpers' works is free: nearly always, here.
        turns.ValuesShared.Should().BeGreaterThanOrEqualTo(eligible * 2 / 3, "the helper takes turns of the names with enough candidates");
    }

    [Fact]
    public async Task ScreenAsync_NamesLookedUpBySound_SameResultsAsOneThreadWithGroupsOfRunsFromTheHelper()
    {
        // Names in Han and Cyrillic (and kana and Hangul, whose forms may go to a helper of their own instead): the helper is asked
        // for before the look-up of a romanisation and looks up the last groups of its runs by sound.
        string[] names =
        [
            "杭州海康威视数字技术股份有限公司", "浙江大华技术股份有限公司", "华为技术有限公司", "海能达通信股份有限公司", "中国移动通信集团有限公司",
            "Хиквижн Диджитал Текнолоджи", "Хуавэй Текнолоджиз", "Дахуа Текнолоджи", "Касперский Лаборатория", "ハイクビジョン", "하이크비전",
        ];
        using var engines = await EnginePair.StartAsync(o => o.ParallelCandidates = false);
        var requests = names.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n)).ToList();
        var expected = await ResultJson.ScreenEachAsync(engines.OneThread, requests);
        var before = Screener.SoundGroupsFromHelpers;

        // The calling thread waits (up to a few seconds) until the helper has looked up the last group before it takes the first,
        // as when a processor is free: on a busy machine it would often find the look-up done before the helper started.
        SharedSoundRuns.CallerStarting = shared =>
            SpinWait.SpinUntil(() => shared.IsDone(Math.Min(shared.GroupCount, SharedSoundRuns.MaxGroups) - 1), TimeSpan.FromSeconds(5));
        try
        {
            await ResultJson.ShouldGiveEveryWayAsync(engines.Shared, requests, expected);
        }
        finally
        {
            SharedSoundRuns.CallerStarting = null;
        }

        Screener.SoundGroupsFromHelpers.Should().BeGreaterThan(before, "the screening threads read groups of runs their helpers looked up");
    }

    [Fact]
    public async Task ScreenAsync_HelperBoundedTheLikelyCandidates_SameResultsAsOneThreadWithAnswersReadFromIt()
    {
        // The calling thread waits (up to a few seconds) after its look-up until the helper has bounded the names that share a rare
        // word with the query, as when a processor is free: the turns then read those answers instead of bounding the names. The
        // names follow one another with words in common, so that an answer of one name's look-up read for the next would show.
        using var engines = await EnginePair.StartAsync(o => o.ParallelCandidates = false);
        var requests = Embedded.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n)).ToList();
        var expected = await ResultJson.ScreenEachAsync(engines.OneThread, requests);
        var keys = Embedded.SelectMany(n => NameNormalizer.Normalize(n)).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var bounded = new System.Collections.Concurrent.ConcurrentDictionary<NormalizedName, bool>(ReferenceEqualityComparer.Instance);
        var before = Screener.BoundsFromHelpers;
        Screener.LikelyCandidatesBounded = form => bounded[form] = true;
        Screener.CandidatesFound = form =>
        {
            if (keys.Contains(form.Key))
            {
                SpinWait.SpinUntil(() => bounded.ContainsKey(form), TimeSpan.FromSeconds(5));
            }
        };
        try
        {
            await ResultJson.ShouldGiveEveryWayAsync(engines.Shared, requests, expected);
        }
        finally
        {
            Screener.CandidatesFound = null;
            Screener.LikelyCandidatesBounded = null;
        }

        Screener.BoundsFromHelpers.Should().BeGreaterThan(before, "the screening threads and helpers read answers their helpers worked out during the look-up");
    }

    [Fact]
    public async Task ScreenAsync_ThreadPoolBusy_SameResultsAsOneThread()
    {
        // Screenings started together on every processor: the helpers they queue may start late or not at all, and the screening
        // threads then score every candidate themselves.
        using var engines = await EnginePair.StartAsync(o => o.ParallelCandidates = false);

        await engines.ShouldMatchWhenThePoolIsBusyAsync(Embedded, times: 8);
    }

    [Fact]
    public async Task ScreenAsync_HelperHeldUp_TheCallingThreadScoresItsTurnsAgainWithTheSameResults()
    {
        // The calling thread waits in its first turn until the helper has taken one, and the helper is held up in it (as one the
        // system has set aside would be): the calling thread waits for it a little, then scores that turn itself. The value is
        // this test's own, so that other tests' screenings are not held up.
        const string Held = "Hikvsion Digital Technology Company";
        using var engines = await EnginePair.StartAsync(o => o.ParallelCandidates = false);
        var parallel = engines.Shared;
        HasCandidatesToShare(parallel, Held).Should().BeTrue();
        var expected = ResultJson.Of(await engines.OneThread.ScreenAsync(ScreeningRequest.ForParty(Held)));
        var scoredAgain = Screener.TurnsScoredAgain;
        using var release = new ManualResetEventSlim();
        string held;
        bool helperTookATurn;
        using (var gate = new FirstHelperTurn(Held, () => release.Wait(TimeSpan.FromSeconds(10))))
        {
            try
            {
                held = ResultJson.Of(await parallel.ScreenAsync(ScreeningRequest.ForParty(Held)));
            }
            finally
            {
                release.Set();
            }

            helperTookATurn = gate.HelperStarted;
        }

        held.Should().Be(expected);
        helperTookATurn.Should().BeTrue("the helper took a turn");
        Screener.TurnsScoredAgain.Should().BeGreaterThan(scoredAgain, "a helper held up leaves its turn to the calling thread");

        // Once the helper lets go, the same engine and thread go on with the same results.
        for (var round = 0; round < 3; round++)
        {
            ResultJson.Of(await parallel.ScreenAsync(ScreeningRequest.ForParty(Held))).Should().Be(expected);
        }
    }

    [Fact]
    public async Task ScreenAsync_CancelledWhileTheHelperScores_ThrowsOperationCanceled()
    {
        // The calling thread waits in its first turn until the helper has taken one, and the helper's turn cancels the screening.
        const string Cancelled = "Dahau Digital Technology Company";
        using var engine = new ScreeningEngineBuilder().Build();
        await engine.RefreshAsync();
        HasCandidatesToShare(engine, Cancelled).Should().BeTrue();
        using var cancellation = new CancellationTokenSource();
        using var gate = new FirstHelperTurn(Cancelled, cancellation.Cancel);

        var screening = async () => await engine.ScreenAsync(ScreeningRequest.ForParty(Cancelled), cancellation.Token);

        await screening.Should().ThrowAsync<OperationCanceledException>();
        gate.HelperStarted.Should().BeTrue("the helper took a turn");
    }

    [Fact]
    public void Screen_HelpersNotYetStarted_DoNotKeepTheIndexOfTheDisposedEngine()
    {
        // The helpers of the first look-ups are held back before they do anything, as a busy pool would leave them queued, while
        // the engine screens and is disposed: the works they hold must not keep its index until the pool gets round to them.
        using var release = new ManualResetEventSlim();
        var held = 0;
        Screener.HelperStarting = () =>
        {
            Interlocked.Increment(ref held);
            release.Wait(TimeSpan.FromSeconds(10));
        };
        try
        {
            var index = ThreadMemoryTests.ScreenAndDispose(["Hikvison Digitl Technology", "Dahua Technolgy USA", "杭州海康威视数字技术股份有限公司", "Huawie Technologies"]);
            SpinWait.SpinUntil(() => Volatile.Read(ref held) >= 2, TimeSpan.FromSeconds(5));

            for (var i = 0; i < 3 && index.IsAlive; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Volatile.Read(ref held).Should().BeGreaterThanOrEqualTo(2, "the first two look-ups queued a helper each, held back here");
            index.IsAlive.Should().BeFalse("a helper yet to start must not keep the index of an engine no longer screened with");
        }
        finally
        {
            release.Set();
            Screener.HelperStarting = null;
        }
    }

    [SharedDataFact]
    public async Task ScreenAsync_MisspeltOfacNamesAgainstOfacSdn2021_SameResultsAsOneThread()
    {
        using var parallel = OfacEngine(parallelCandidates: true);
        using var oneThread = OfacEngine(parallelCandidates: false);
        await parallel.RefreshAsync();
        await oneThread.RefreshAsync();
        var random = new Random(20261205);
        var names = oneThread.Dataset!.Entities
            .Select(e => e.PrimaryName)
            .Where(n => n.Length >= 8)
            .OrderBy(_ => random.Next())
            .Take(300)
            .Select(n => random.Next(2) == 0 ? n : Misspelt(n, random))
            .ToList();
        var eligible = names.Count(n => HasCandidatesToShare(parallel, n));
        eligible.Should().BeGreaterThan(150);
        var requests = names.Select(n => (ScreeningRequest)ScreeningRequest.ForParty(n)).ToList();
        var sharedBefore = Screener.SharedLookUps;
        List<string> shared;
        using (var turns = new HelperTurns(names))
        {
            shared = await ResultJson.ScreenEachAsync(parallel, requests);
            turns.ValuesShared.Should().BeGreaterThanOrEqualTo(eligible * 2 / 3, "the helper takes turns of the names with enough candidates");
        }

        shared.Should().Equal(await ResultJson.ScreenEachAsync(oneThread, requests));
        Screener.SharedLookUps.Should().BeGreaterThanOrEqualTo(sharedBefore + eligible * 2 / 3);
        shared.Count(r => r.Contains("\"decision\":\"Block\"", StringComparison.Ordinal)).Should().BeGreaterThan(100, "most of the names are listed or misspell a listed name");
    }

    // Makes each shared look-up of the values given wait, in the screening thread's turns, until its helper has taken a turn (up
    // to a few seconds), so that the values' candidates are scored by both threads whenever the look-up is shared; counts the
    // values the helper took turns of.
    private sealed class HelperTurns : IDisposable
    {
        private readonly HashSet<string> _values;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _helperTurns = new(StringComparer.Ordinal);

        public HelperTurns(IEnumerable<string> values)
        {
            _values = new HashSet<string>(values, StringComparer.Ordinal);
            Screener.TurnStarting = (value, helper) =>
            {
                if (!_values.Contains(value))
                {
                    return;
                }

                if (helper)
                {
                    _helperTurns.AddOrUpdate(value, 1, (_, n) => n + 1);
                }
                else
                {
                    SpinWait.SpinUntil(() => _helperTurns.ContainsKey(value), TimeSpan.FromSeconds(5));
                }
            };
        }

        public int ValuesShared => _helperTurns.Count;

        public void Dispose() => Screener.TurnStarting = null;
    }

    // Makes the calling thread of a screening of one value wait in its turns until the helper has taken one (up to a few seconds),
    // and runs an action in the helper's turns, after saying it has started.
    private sealed class FirstHelperTurn : IDisposable
    {
        private readonly ManualResetEventSlim _started = new();

        public FirstHelperTurn(string value, Action inHelperTurn)
        {
            Screener.TurnStarting = (screened, helper) =>
            {
                if (screened != value)
                {
                    return;
                }

                if (helper)
                {
                    _started.Set();
                    inHelperTurn();
                }
                else
                {
                    _started.Wait(TimeSpan.FromSeconds(10));
                }
            };
        }

        public bool HelperStarted => _started.IsSet;

        public void Dispose()
        {
            Screener.TurnStarting = null;
            _started.Dispose();
        }
    }

    // Whether screening a name shares its look-up's candidates: at least MinSharedCandidates of them in its first form.
    private static bool HasCandidatesToShare(ScreeningEngine engine, string name) =>
        engine.Datasets.Current!.State.Index.FindCandidates(NameNormalizer.Normalize(name)[0], new ScreeningOptions().MaxCandidates).Count >= 16;

    // The name with one letter of one of its words of four letters or more replaced.
    private static string Misspelt(string name, Random random)
    {
        var chars = name.ToCharArray();
        var letters = Enumerable.Range(0, chars.Length).Where(i => char.IsLetter(chars[i])).ToArray();
        var at = letters[random.Next(letters.Length)];
        chars[at] = Misspellings.Letters[random.Next(Misspellings.Letters.Length)];
        return new string(chars);
    }

    private static ScreeningEngine OfacEngine(bool parallelCandidates) => new ScreeningEngineBuilder()
        .Configure(o =>
        {
            o.UseDefaultDataset = false;
            o.ParallelCandidates = parallelCandidates;
        })
        .AddSource(SourceFormats.Get("ofac-csv").Open(SharedData.DataPath("ofac/2021-07_sdn_list")))
        .Build();
}

[CollectionDefinition(ParallelCandidatesTests.Collection, DisableParallelization = true)]
public sealed class ParallelCandidatesDefinition;

