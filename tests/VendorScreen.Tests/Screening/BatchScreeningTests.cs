using System.Globalization;
using System.Runtime.CompilerServices;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using VendorScreen.Policies;
using VendorScreen.Screening;

namespace VendorScreen.Tests.Screening;

public sealed class BatchScreeningTests
{
    // Guards against a hang when an implementation would deadlock; never a speed assertion.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] ListedNames = ["Hikvision", "Dahua Technology", "ZTE Corporation", "Hytera", "Huawei"];

    [Fact]
    public async Task ScreenBatchAsync_ScreeningHeldUp_ReturnsToTheCallerBeforeTheBatchEnds()
    {
        using var hold = new HoldingPolicy();
        using var engine = CreateSut(hold);
        await engine.RefreshAsync();

        var batch = engine.ScreenBatchAsync([ScreeningRequest.ForParty("Hikvision") with { Id = "1" }]);
        var entered = hold.Entered.Wait(Guard);
        var returnedEarly = !batch.IsCompleted;
        hold.Release.Set();
        var result = await batch;

        entered.Should().BeTrue("the batch is screened on another thread while the caller goes on");
        returnedEarly.Should().BeTrue();
        hold.TimedOut.Should().BeFalse();
        result.Results.Single().Decision.Should().Be(ScreeningDecision.Block);
    }

    [Fact]
    public async Task ScreenStreamAsync_ScreeningHeldUp_MoveNextReturnsToTheCallerFirst()
    {
        using var hold = new HoldingPolicy();
        using var engine = CreateSut(hold);
        await engine.RefreshAsync();

        await using var results = engine.ScreenStreamAsync([ScreeningRequest.ForParty("Hikvision")]).GetAsyncEnumerator();
        var next = results.MoveNextAsync();
        var entered = hold.Entered.Wait(Guard);
        var returnedEarly = !next.IsCompleted;
        hold.Release.Set();

        (await next).Should().BeTrue();
        entered.Should().BeTrue();
        returnedEarly.Should().BeTrue();
        results.Current.Decision.Should().Be(ScreeningDecision.Block);
        (await results.MoveNextAsync()).Should().BeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ScreenBatchAsync_DegreeOfParallelism_IsReachedAndNeverExceeded(int parallelism)
    {
        using var policy = new RendezvousPolicy(parallelism);
        using var engine = CreateSut(policy);
        await engine.RefreshAsync();
        var requests = Requests(24);

        var batch = await engine.ScreenBatchAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = parallelism });

        policy.TimedOut.Should().BeFalse($"{parallelism} requests must be screened at the same time");
        policy.MaxConcurrent.Should().Be(parallelism);
        batch.Results.Select(r => r.RequestId).Should().Equal(requests.Select(r => r.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ScreenStreamAsync_DegreeOfParallelism_IsReachedAndNeverExceeded(int parallelism)
    {
        using var policy = new RendezvousPolicy(parallelism);
        using var engine = CreateSut(policy);
        await engine.RefreshAsync();
        var requests = Requests(24);

        var results = await Collect(engine.ScreenStreamAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = parallelism }));

        policy.TimedOut.Should().BeFalse();
        policy.MaxConcurrent.Should().Be(parallelism);
        results.Select(r => r.RequestId).Should().Equal(requests.Select(r => r.Id));
    }

    [Fact]
    public async Task RunAsync_CountsConcurrentScreenings_NeverMoreThanTheDegree()
    {
        const int Parallelism = 4;
        using var counter = new ConcurrencyCounter(Parallelism);
        var requests = Requests(40);

        var batch = await BatchScreening.RunAsync(requests, _ => new(counter.Screen), Parallelism, "requests", default);

        counter.TimedOut.Should().BeFalse();
        counter.MaxConcurrent.Should().Be(Parallelism);
        counter.Calls.Should().Be(requests.Count);
        batch.Results.Select(r => r.RequestId).Should().Equal(requests.Select(r => r.Id));
    }

    [Fact]
    public async Task StreamAsync_CountsConcurrentScreenings_NeverMoreThanTheDegree()
    {
        const int Parallelism = 4;
        using var counter = new ConcurrencyCounter(Parallelism);
        var requests = Requests(40);

        var results = await Collect(BatchScreening.StreamAsync(BatchScreening.AsAsync(requests, default), _ => new(counter.Screen), Parallelism, 6, "requests", default));

        counter.TimedOut.Should().BeFalse();
        counter.MaxConcurrent.Should().Be(Parallelism);
        results.Select(r => r.RequestId).Should().Equal(requests.Select(r => r.Id));
    }

    [Fact]
    public async Task ScreenStreamAsync_MixedRequests_ResultsInInputOrderAndCarryTheirRequest()
    {
        using var engine = CreateSut();
        var requests = Enumerable.Range(0, 60).Select(i => (i % 3) switch
        {
            0 => (ScreeningRequest)(ScreeningRequest.ForParty(ListedNames[i % ListedNames.Length]) with { Id = Id(i) }),
            1 => ScreeningRequest.ForProduct() with { Id = Id(i), Title = string.Join(' ', Enumerable.Repeat("outdoor dome camera", i)) + " EZVIZ" },
            _ => ScreeningRequest.ForParty("Axis Communications AB") with { Id = Id(i) },
        }).ToList();

        var streamed = await Collect(engine.ScreenStreamAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = 4, MaxInFlight = 7 }));
        var batch = await engine.ScreenBatchAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = 4 });

        streamed.Select(r => r.RequestId).Should().Equal(requests.Select(r => r.Id));
        streamed.Select(r => r.Request).Should().Equal(requests, (a, b) => ReferenceEquals(a, b));
        batch.Results.Select(r => r.Decision).Should().Equal(streamed.Select(r => r.Decision));
        streamed.Select(r => r.Decision).Should().Contain([ScreeningDecision.Block, ScreeningDecision.Clear]);
    }

    [Fact]
    public async Task ScreenAsync_Result_CarriesTheRequest()
    {
        using var engine = CreateSut();
        var request = ScreeningRequest.ForProduct() with { Id = "po-1", Brand = "EZVIZ", Seller = "Best Home Deals" };

        var result = await engine.ScreenAsync(request);

        result.Request.Should().BeSameAs(request);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 5)]
    [InlineData(1, 1)]
    public async Task ScreenStreamAsync_LongSequence_ReadsAtMostTheWindowAhead(int parallelism, int window)
    {
        using var engine = CreateSut();
        var source = new CountingSource(10_000);
        var received = 0;

        await foreach (var result in engine.ScreenStreamAsync(source.Sync(), new ScreeningBatchOptions { MaxDegreeOfParallelism = parallelism, MaxInFlight = window }))
        {
            result.RequestId.Should().Be(Id(received));
            received++;
            // Result i (from 0) is returned with at most `window` requests read and not yet returned, itself included.
            source.Pulled.Should().BeLessThanOrEqualTo(received - 1 + window);
            if (received == 50)
            {
                break;
            }
        }

        source.Pulled.Should().BeLessThanOrEqualTo(49 + window);
        source.Disposed.Should().BeTrue("leaving the loop disposes of the caller's sequence");
    }

    [Fact]
    public async Task ScreenStreamAsync_AsyncSequence_ReadsAtMostTheDefaultWindowAhead()
    {
        using var engine = CreateSut();
        var source = new CountingSource(10_000);
        var options = new ScreeningBatchOptions { MaxDegreeOfParallelism = 2 };
        var received = 0;

        await foreach (var result in engine.ScreenStreamAsync(source.Async(), options))
        {
            received++;
            source.Pulled.Should().BeLessThanOrEqualTo(received - 1 + (4 * 2));
            if (received == 40)
            {
                break;
            }
        }

        source.Pulled.Should().BeLessThan(10_000);
    }

    [Fact]
    public async Task ScreenStreamAsync_SlowProducer_ReturnsEachResultBeforeTheNextRequestArrives()
    {
        using var engine = CreateSut();
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<ScreeningRequest> Producer()
        {
            yield return ScreeningRequest.ForParty("Hikvision") with { Id = "first" };
            // The second request is sent only after the first result came back.
            await next.Task.WaitAsync(Guard);
            yield return ScreeningRequest.ForParty("ZTE Corporation") with { Id = "second" };
        }

        var ids = new List<string?>();
        await foreach (var result in engine.ScreenStreamAsync(Producer()))
        {
            ids.Add(result.RequestId);
            next.TrySetResult();
        }

        ids.Should().Equal("first", "second");
    }

    [Fact]
    public async Task ScreenStreamAsync_CancelledMidStream_StopsBeforeScreeningEveryRequest()
    {
        using var cts = new CancellationTokenSource();
        var policy = new CountingPolicy();
        using var engine = CreateSut(policy);
        await engine.RefreshAsync();
        var requests = Requests(400);
        var received = 0;

        var act = async () =>
        {
            await foreach (var result in engine.ScreenStreamAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = 2 }, cts.Token))
            {
                if (++received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        received.Should().Be(3);
        policy.Evaluations.Should().BeLessThan(requests.Count);
    }

    [Fact]
    public async Task ScreenStreamAsync_WithCancellation_IsHonoured()
    {
        using var engine = CreateSut();
        await engine.RefreshAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = async () =>
        {
            await foreach (var result in engine.ScreenStreamAsync(Requests(5)).WithCancellation(cts.Token))
            {
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ScreenBatchAsync_OneRequestFails_TheOthersAreScreenedAndTheFailureNamesItsIndex()
    {
        using var engine = CreateSut(new FailingPolicy("Dahua"));
        var requests = new[]
        {
            ScreeningRequest.ForParty("Hikvision") with { Id = "a" },
            ScreeningRequest.ForParty("Dahua Technology") with { Id = "b" },
            ScreeningRequest.ForParty("ZTE Corporation") with { Id = "c" },
            ScreeningRequest.ForParty("Axis Communications AB") with { Id = "d" },
        };

        var act = async () => await engine.ScreenBatchAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = 2 });

        var thrown = (await act.Should().ThrowExactlyAsync<ScreeningBatchException>()).Which;
        thrown.Message.Should().Contain("1 of 4 requests").And.Contain("requests[1] (id b)").And.Contain("policy failed on Dahua");
        thrown.Failures.Should().ContainSingle().Which.Should().Match<ScreeningBatchFailure>(f => f.Index == 1 && f.RequestId == "b" && f.Exception is InvalidOperationException);
        thrown.InnerException.Should().BeOfType<InvalidOperationException>();
        thrown.Results.Select(r => r?.RequestId).Should().Equal("a", null, "c", "d");
        thrown.Results.Select(r => r?.Decision).Should().Equal(ScreeningDecision.Block, null, ScreeningDecision.Block, ScreeningDecision.Clear);
    }

    [Fact]
    public async Task ScreenStreamAsync_OneRequestFails_EveryEarlierResultThenTheFailureNamingItsIndex()
    {
        using var engine = CreateSut(new FailingPolicy("Dahua"));
        var requests = new[]
        {
            ScreeningRequest.ForParty("Hikvision") with { Id = "a" },
            ScreeningRequest.ForParty("ZTE Corporation") with { Id = "b" },
            ScreeningRequest.ForParty("Dahua Technology") with { Id = "c" },
            ScreeningRequest.ForParty("Hytera") with { Id = "d" },
        };
        var ids = new List<string?>();

        var act = async () =>
        {
            await foreach (var result in engine.ScreenStreamAsync(requests, new ScreeningBatchOptions { MaxDegreeOfParallelism = 2 }))
            {
                ids.Add(result.RequestId);
            }
        };

        var thrown = (await act.Should().ThrowExactlyAsync<ScreeningBatchException>()).Which;
        ids.Should().Equal("a", "b");
        thrown.Failures.Should().ContainSingle().Which.Index.Should().Be(2);
        thrown.Message.Should().Contain("requests[2] (id c)");
        thrown.Results.Should().BeEmpty();
    }

    [Fact]
    public async Task ScreenStreamAsync_RefusedRequest_EndsTheStreamAfterEveryEarlierResult()
    {
        using var engine = CreateSut();
        var source = new CountingSource(10, invalidAt: 3);
        var ids = new List<string?>();

        var act = async () =>
        {
            await foreach (var result in engine.ScreenStreamAsync(source.Sync(), new ScreeningBatchOptions { MaxDegreeOfParallelism = 2, MaxInFlight = 4 }))
            {
                ids.Add(result.RequestId);
            }
        };

        var thrown = (await act.Should().ThrowExactlyAsync<ArgumentException>()).Which;
        thrown.Message.Should().Contain("requests[3].Aliases[0]");
        thrown.ParamName.Should().Be("requests");
        ids.Should().Equal(Id(0), Id(1), Id(2));
        source.Pulled.Should().Be(4, "nothing after the refused request is read");
    }

    [Fact]
    public async Task ScreenStreamAsync_CallersSequenceThrows_EveryEarlierResultThenItsException()
    {
        using var engine = CreateSut();

        static IEnumerable<ScreeningRequest> Broken()
        {
            yield return ScreeningRequest.ForParty("Hikvision") with { Id = "a" };
            yield return ScreeningRequest.ForParty("Axis") with { Id = "b" };
            throw new InvalidDataException("row 3 is unreadable");
        }

        var ids = new List<string?>();
        var act = async () =>
        {
            await foreach (var result in engine.ScreenStreamAsync(Broken()))
            {
                ids.Add(result.RequestId);
            }
        };

        (await act.Should().ThrowExactlyAsync<InvalidDataException>()).Which.Message.Should().Be("row 3 is unreadable");
        ids.Should().Equal("a", "b");
    }

    [Fact]
    public async Task ScreenBatchAsync_NullRequest_IsRefusedNamingTheIndex()
    {
        using var engine = CreateSut();

        var act = async () => await engine.ScreenBatchAsync([ScreeningRequest.ForParty("Axis"), null!], new ScreeningBatchOptions());

        (await act.Should().ThrowExactlyAsync<ArgumentException>()).Which.Message.Should().Contain("requests[1] is null");
    }

    [Theory]
    [InlineData(0, null, "MaxDegreeOfParallelism (0)")]
    [InlineData(-1, null, "MaxDegreeOfParallelism (-1)")]
    [InlineData(2, 0, "MaxInFlight (0)")]
    public void Options_OutOfRange_AreRefusedWhenTheCallIsMade(int parallelism, int? window, string expected)
    {
        using var engine = CreateSut();
        var options = new ScreeningBatchOptions { MaxDegreeOfParallelism = parallelism, MaxInFlight = window };

        var stream = () => engine.ScreenStreamAsync(Requests(1), options);
        var batch = () => engine.ScreenBatchAsync(Requests(1), options);

        stream.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().Contain(expected);
        if (window is null)
        {
            batch.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("options");
        }
    }

    [Fact]
    public void Options_Defaults_AreTheProcessorCountAndFourTimesIt()
    {
        var (parallelism, window) = ScreeningBatchOptions.Resolve(null, "options");

        parallelism.Should().Be(Environment.ProcessorCount);
        window.Should().Be(4 * Environment.ProcessorCount);
        new ScreeningBatchOptions().MaxDegreeOfParallelism.Should().Be(Environment.ProcessorCount);
    }

    private static ScreeningEngine CreateSut(ScreeningPolicy? policy = null)
    {
        var builder = new ScreeningEngineBuilder { TimeProvider = new FakeTimeProvider(Now) };
        return (policy is null ? builder : builder.UsePolicy(policy)).Build();
    }

    private static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static List<ScreeningRequest> Requests(int count) =>
        Enumerable.Range(0, count).Select(i => (ScreeningRequest)(ScreeningRequest.ForParty(ListedNames[i % ListedNames.Length]) with { Id = Id(i) })).ToList();

    private static async Task<List<ScreeningResult>> Collect(IAsyncEnumerable<ScreeningResult> results)
    {
        var list = new List<ScreeningResult>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    /// <summary>A sequence of listed names that counts how many requests were read; optionally one request is invalid.</summary>
    private sealed class CountingSource(int count, int invalidAt = -1)
    {
        private int _pulled;
        private int _disposed;

        public int Pulled => Volatile.Read(ref _pulled);

        public bool Disposed => Volatile.Read(ref _disposed) == 1;

        public IEnumerable<ScreeningRequest> Sync()
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    Interlocked.Increment(ref _pulled);
                    yield return Make(i);
                }
            }
            finally
            {
                Volatile.Write(ref _disposed, 1);
            }
        }

        public async IAsyncEnumerable<ScreeningRequest> Async([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref _pulled);
                yield return Make(i);
            }
        }

        private ScreeningRequest Make(int i) => i == invalidAt
            ? ScreeningRequest.ForParty("Hikvision") with { Id = Id(i), Aliases = [null!] }
            : ScreeningRequest.ForParty(ListedNames[i % ListedNames.Length]) with { Id = Id(i) };
    }

    /// <summary>Blocks the first evaluation until released, to show where the screening runs.</summary>
    private sealed class HoldingPolicy : ScreeningPolicy, IDisposable
    {
        private readonly DefaultScreeningPolicy _inner = new();
        private int _held;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public bool TimedOut { get; private set; }

        public override string Name => "holding";

        public override PolicyVerdict Evaluate(in PolicyArguments arguments)
        {
            if (Interlocked.Exchange(ref _held, 1) == 0)
            {
                Entered.Set();
                TimedOut = !Release.Wait(Guard);
            }

            return _inner.Evaluate(arguments);
        }

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }
    }

    /// <summary>Counts concurrent evaluations. The first <c>degree</c> evaluations wait until that many are in at once, which can
    /// only happen when as many requests are screened at the same time (a request evaluates its hits one after another).</summary>
    private sealed class RendezvousPolicy(int degree) : ScreeningPolicy, IDisposable
    {
        private readonly DefaultScreeningPolicy _inner = new();
        private readonly CountdownEvent _all = new(degree);
        private int _current;
        private int _max;
        private int _arrivals;
        private int _timedOut;

        public int MaxConcurrent => Volatile.Read(ref _max);

        public bool TimedOut => Volatile.Read(ref _timedOut) == 1;

        public override string Name => "rendezvous";

        public void Dispose() => _all.Dispose();

        public override PolicyVerdict Evaluate(in PolicyArguments arguments)
        {
            var now = Interlocked.Increment(ref _current);
            UpdateMax(ref _max, now);
            if (Interlocked.Increment(ref _arrivals) <= degree)
            {
                _all.Signal();
                if (!_all.Wait(Guard))
                {
                    Volatile.Write(ref _timedOut, 1);
                }
            }

            var verdict = _inner.Evaluate(arguments);
            Interlocked.Decrement(ref _current);
            return verdict;
        }
    }

    /// <summary>A screening function that counts concurrent calls exactly; the first <c>degree</c> calls wait for each other.</summary>
    private sealed class ConcurrencyCounter(int degree) : IDisposable
    {
        private readonly CountdownEvent _all = new(degree);
        private int _current;
        private int _max;
        private int _calls;
        private int _timedOut;

        public int MaxConcurrent => Volatile.Read(ref _max);

        public int Calls => Volatile.Read(ref _calls);

        public bool TimedOut => Volatile.Read(ref _timedOut) == 1;

        public void Dispose() => _all.Dispose();

        public ScreeningResult Screen(ScreeningRequest request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _current);
            UpdateMax(ref _max, now);
            if (Interlocked.Increment(ref _calls) <= degree)
            {
                _all.Signal();
                if (!_all.Wait(Guard, cancellationToken))
                {
                    Volatile.Write(ref _timedOut, 1);
                }
            }

            Interlocked.Decrement(ref _current);
            return new ScreeningResult
            {
                RequestId = request.Id,
                Request = request,
                Decision = ScreeningDecision.Clear,
                Reason = "counted",
                DatasetVersion = "test",
                Algorithm = "test",
                Policy = "test",
            };
        }
    }

    private sealed class CountingPolicy : ScreeningPolicy
    {
        private readonly DefaultScreeningPolicy _inner = new();
        private int _evaluations;

        public int Evaluations => Volatile.Read(ref _evaluations);

        public override string Name => "counting";

        public override PolicyVerdict Evaluate(in PolicyArguments arguments)
        {
            Interlocked.Increment(ref _evaluations);
            return _inner.Evaluate(arguments);
        }
    }

    /// <summary>Throws for any hit on an entity whose name contains a word, as a buggy custom policy would.</summary>
    private sealed class FailingPolicy(string word) : ScreeningPolicy
    {
        private readonly DefaultScreeningPolicy _inner = new();

        public override string Name => "failing";

        public override PolicyVerdict Evaluate(in PolicyArguments arguments) =>
            arguments.Evidence.ListedEntity.PrimaryName.Contains(word, StringComparison.OrdinalIgnoreCase)
            || arguments.Evidence.MatchedEntity.PrimaryName.Contains(word, StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException($"policy failed on {word}")
                : _inner.Evaluate(arguments);
    }

    private static void UpdateMax(ref int max, int value)
    {
        var seen = Volatile.Read(ref max);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, value, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }
}
