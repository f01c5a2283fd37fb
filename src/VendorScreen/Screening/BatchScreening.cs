using System.Globalization;
using System.Runtime.CompilerServices;

namespace VendorScreen.Screening;

/// <summary>Screens many requests with a bounded degree of parallelism, in input order, off the calling thread: a whole batch, or a
/// stream whose memory is bounded by an in-flight window.</summary>
/// <remarks>The engine binds the screening of one request to one dataset generation (<c>bind</c>), so a batch or stream is screened
/// against one generation. Failures: a request that cannot be screened never loses the others' results (see
/// <see cref="ScreeningBatchException"/>); a refused request is an <see cref="ArgumentException"/> naming its position; cancellation
/// is an <see cref="OperationCanceledException"/>. The members are stateless and safe for concurrent use.</remarks>
internal static class BatchScreening
{
    /// <summary>Screens a whole batch: every request is checked first (none is screened when one is refused), then all are screened,
    /// at most <paramref name="parallelism"/> at a time, on thread-pool threads.</summary>
    /// <param name="requests">The requests, read once on a thread-pool thread.</param>
    /// <param name="bind">Gets the dataset generation to screen against and returns the screening of one request.</param>
    /// <param name="parallelism">The most requests screened at the same time.</param>
    /// <param name="paramName">The parameter the requests came in, for messages.</param>
    /// <param name="cancellationToken">A token to cancel the batch.</param>
    /// <returns>One result per request, in order.</returns>
    /// <exception cref="ArgumentException">A request is refused; no request was screened.</exception>
    /// <exception cref="ScreeningBatchException">Some requests could not be screened; every other one was, and its result is in
    /// <see cref="ScreeningBatchException.Results"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ScreeningBatchResult> RunAsync(
        IEnumerable<ScreeningRequest> requests,
        Func<CancellationToken, ValueTask<Func<ScreeningRequest, CancellationToken, ScreeningResult>>> bind,
        int parallelism,
        string paramName,
        CancellationToken cancellationToken) =>
        // Task.Run: the caller's thread never reads the requests, loads a dataset or screens.
        Task.Run(() => RunCoreAsync(requests, bind, parallelism, paramName, cancellationToken), cancellationToken);

    private static async Task<ScreeningBatchResult> RunCoreAsync(
        IEnumerable<ScreeningRequest> requests,
        Func<CancellationToken, ValueTask<Func<ScreeningRequest, CancellationToken, ScreeningResult>>> bind,
        int parallelism,
        string paramName,
        CancellationToken cancellationToken)
    {
        var list = requests.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (Refuse(list[i], i, paramName) is { } refusal)
            {
                throw refusal;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var screen = await bind(cancellationToken).ConfigureAwait(false);
        var results = new ScreeningResult?[list.Count];
        var failures = new ScreeningBatchFailure?[list.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        // The loop stops taking requests once the token is cancelled, and each screening checks the token as it goes.
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), options, (i, token) =>
        {
            try
            {
                results[i] = ScreenOnItsThread(screen, list[i], token);
            }
#pragma warning disable CA1031 // Any failure of one request (a policy's bug, an unexpected input) must leave the other results in place; it is reported below.
            catch (Exception ex) when (!IsCancellation(ex, token))
#pragma warning restore CA1031
            {
                failures[i] = new ScreeningBatchFailure(i, list[i].Id, ex);
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        var failed = failures.OfType<ScreeningBatchFailure>().ToArray();
        return failed.Length == 0
            ? new ScreeningBatchResult(results!)
            : throw new ScreeningBatchException(list.Count, failed, results);
    }

    /// <summary>Screens a stream of requests and returns the results in input order as they are ready. At most
    /// <paramref name="window"/> requests are read ahead of the result being returned, and at most <paramref name="parallelism"/>
    /// are screened at the same time, on thread-pool threads.</summary>
    /// <param name="requests">The requests, read one at a time as the window allows.</param>
    /// <param name="bind">Gets the dataset generation to screen against and returns the screening of one request; called once, when
    /// the stream is first read.</param>
    /// <param name="parallelism">The most requests screened at the same time.</param>
    /// <param name="window">The most requests read and not yet returned.</param>
    /// <param name="paramName">The parameter the requests came in, for messages.</param>
    /// <param name="cancellationToken">A token to cancel the stream.</param>
    /// <returns>One result per request, in order.</returns>
    /// <remarks>A request that is refused or cannot be screened ends the stream when its turn comes, after every earlier result has
    /// been returned: with an <see cref="ArgumentException"/> or a <see cref="ScreeningBatchException"/> naming its position. No
    /// further request is read. Leaving the stream early (a <c>break</c>, an exception in the caller's loop) cancels the requests
    /// still in flight and waits for them.</remarks>
    public static async IAsyncEnumerable<ScreeningResult> StreamAsync(
        IAsyncEnumerable<ScreeningRequest> requests,
        Func<CancellationToken, ValueTask<Func<ScreeningRequest, CancellationToken, ScreeningResult>>> bind,
        int parallelism,
        int window,
        string paramName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(parallelism, parallelism);
        var token = stop.Token;
        var pending = new Queue<Task<ScreeningResult>>();
        Task<bool>? next = null;
        var reading = true;
        var index = 0;
        var enumerator = requests.GetAsyncEnumerator(token);
        try
        {
            // Off the caller's thread: the first read may load every source.
            var screen = await Task.Run(() => bind(token).AsTask(), token).ConfigureAwait(false);
            while (true)
            {
                if (reading && next is null && pending.Count < window)
                {
                    next = enumerator.MoveNextAsync().AsTask();
                }

                // Take the next request when it is there and the window has room; otherwise return the oldest result when it is
                // ready, whichever comes first, so that a slow producer never holds back a finished result.
                if (next is not null && (pending.Count == 0 || next.IsCompleted || (!pending.Peek().IsCompleted
                    && await Task.WhenAny(next, pending.Peek()).WaitAsync(token).ConfigureAwait(false) == next)))
                {
                    bool more;
                    Exception? unreadable = null;
                    try
                    {
                        more = await next.ConfigureAwait(false);
                    }
#pragma warning disable CA1031 // The caller's sequence failed: its turn ends the stream after every earlier result, as a refused request does.
                    catch (Exception ex) when (!IsCancellation(ex, token))
#pragma warning restore CA1031
                    {
                        more = false;
                        unreadable = ex;
                    }

                    next = null;
                    if (!more)
                    {
                        if (unreadable is not null)
                        {
                            pending.Enqueue(Task.FromException<ScreeningResult>(unreadable));
                        }

                        reading = false;
                        continue;
                    }

                    var at = index++;
                    var request = enumerator.Current;
                    if (Refuse(request, at, paramName) is { } refusal)
                    {
                        // Its turn ends the stream; nothing after it is read.
                        pending.Enqueue(Task.FromException<ScreeningResult>(refusal));
                        reading = false;
                        continue;
                    }

                    pending.Enqueue(StartAsync(request, at, screen, gate, token));
                    continue;
                }

                if (pending.Count == 0)
                {
                    break;
                }

                var result = await pending.Dequeue().ConfigureAwait(false);
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await DrainAsync(pending, next).ConfigureAwait(false);
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Adapts a sequence to the stream: the requests are read one at a time as the window allows.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="cancellationToken">A token to stop reading.</param>
    /// <returns>The same requests.</returns>
    public static async IAsyncEnumerable<ScreeningRequest> AsAsync(IEnumerable<ScreeningRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return request;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Checks one request before it is screened.</summary>
    /// <returns>The refusal naming the request's position and field, or <see langword="null"/>.</returns>
    private static ArgumentException? Refuse(ScreeningRequest? request, int index, string paramName)
    {
        if (request is null)
        {
            return new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Request {paramName}[{index}] is null."), paramName);
        }

        try
        {
            ScreeningRequest.Validate(request, paramName, index);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex;
        }
    }

    // A batch or a stream screens on every processor: each of its screenings keeps to its thread (Screener.OneThreadPerScreening).
    private static ScreeningResult ScreenOnItsThread(Func<ScreeningRequest, CancellationToken, ScreeningResult> screen, ScreeningRequest request,
        CancellationToken token)
    {
        var oneThread = Screener.OneThreadPerScreening;
        Screener.OneThreadPerScreening = true;
        try
        {
            return screen(request, token);
        }
        finally
        {
            Screener.OneThreadPerScreening = oneThread;
        }
    }

    private static Task<ScreeningResult> StartAsync(
        ScreeningRequest request, int index, Func<ScreeningRequest, CancellationToken, ScreeningResult> screen, SemaphoreSlim gate, CancellationToken token) =>
        Task.Run(
            async () =>
            {
                await gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    return ScreenOnItsThread(screen, request, token);
                }
#pragma warning disable CA1031 // Any failure of one request is reported, with its position, when its turn comes in the stream.
                catch (Exception ex) when (!IsCancellation(ex, token))
#pragma warning restore CA1031
                {
                    throw new ScreeningBatchException(null, [new ScreeningBatchFailure(index, request.Id, ex)], []);
                }
                finally
                {
                    gate.Release();
                }
            },
            token);

    /// <summary>Waits for the work still in flight when a stream ends, so none of it outlives the stream.</summary>
    private static async Task DrainAsync(Queue<Task<ScreeningResult>> pending, Task<bool>? next)
    {
        var all = pending.Cast<Task>().ToList();
        if (next is not null)
        {
            all.Add(next);
        }

        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The stream has ended (returned, failed or was left); what the abandoned work threw is of no use to anyone.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static bool IsCancellation(Exception ex, CancellationToken token) => ex is OperationCanceledException && token.IsCancellationRequested;
}
