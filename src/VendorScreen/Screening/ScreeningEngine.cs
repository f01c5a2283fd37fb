using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VendorScreen.Policies;
using VendorScreen.Sources;

namespace VendorScreen;

/// <summary>Screens parties and product listings.</summary>
/// <remarks>All members are thread-safe for concurrent use.</remarks>
public interface IScreeningEngine
{
    /// <summary>Screens one request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token to cancel the screening.</param>
    /// <returns>The result; never throws for a hit or a missing source (those are <see cref="ScreeningDecision.Block"/> or <see cref="ScreeningDecision.Incomplete"/>).</returns>
    ValueTask<ScreeningResult> ScreenAsync(ScreeningRequest request, CancellationToken cancellationToken = default);

    /// <summary>Screens many requests against one dataset generation, <see cref="Environment.ProcessorCount"/> at a time, off the
    /// calling thread.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="cancellationToken">A token to cancel the batch.</param>
    /// <returns>One result per request, in order.</returns>
    ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>Screens many requests against one dataset generation, at most
    /// <see cref="ScreeningBatchOptions.MaxDegreeOfParallelism"/> at a time, off the calling thread.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="options">How many requests to screen at once; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the batch.</param>
    /// <returns>One result per request, in order.</returns>
    ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options, CancellationToken cancellationToken = default);

    /// <summary>Screens a stream of requests against one dataset generation and returns the results in input order as they are
    /// ready, holding at most <see cref="ScreeningBatchOptions.MaxInFlight"/> requests at a time, whatever the stream's length.</summary>
    /// <param name="requests">The requests, read as the in-flight window allows.</param>
    /// <param name="options">How many requests to screen at once and to hold; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the stream.</param>
    /// <returns>One result per request, in order.</returns>
    IAsyncEnumerable<ScreeningResult> ScreenStreamAsync(IAsyncEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Screens a sequence of requests against one dataset generation and returns the results in input order as they are
    /// ready, reading the sequence lazily and holding at most <see cref="ScreeningBatchOptions.MaxInFlight"/> requests at a time.</summary>
    /// <param name="requests">The requests, read as the in-flight window allows.</param>
    /// <param name="options">How many requests to screen at once and to hold; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">A token to cancel the stream.</param>
    /// <returns>One result per request, in order.</returns>
    IAsyncEnumerable<ScreeningResult> ScreenStreamAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// The screening engine: loads its sources, keeps the last good snapshot of each, builds an immutable dataset and index off to
/// the side and swaps them in one step, and screens requests against the current generation.
/// </summary>
/// <remarks>All members are thread-safe for concurrent use. A screening never sees a half-built dataset.</remarks>
public sealed partial class ScreeningEngine : IScreeningEngine, IDisposable
{
    private readonly IReadOnlyList<ISanctionListSource> _sources;
    private readonly ScreeningOptions _options;
    private readonly ScreeningPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly Dictionary<string, (ListSnapshot? Good, string? Error)> _lastGood = new(StringComparer.Ordinal);
    private readonly Screening.SourceAcceptance _acceptance;
    private Screening.EngineState? _state;

    internal ScreeningEngine(IReadOnlyList<ISanctionListSource> sources, ScreeningOptions options, ScreeningPolicy policy, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        _sources = sources;
        _options = options;
        _policy = policy;
        _timeProvider = timeProvider;
        _acceptance = new Screening.SourceAcceptance(options);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("VendorScreen.ScreeningEngine");
    }

    /// <summary>Gets the current dataset, or <see langword="null"/> before the first load.</summary>
    public Screening.ScreeningDataset? Dataset => Volatile.Read(ref _state)?.Dataset;

    /// <summary>Gets the state of every configured source.</summary>
    /// <remarks>A source whose snapshot became older than <see cref="ScreeningOptions.MaxSourceAge"/> since the last refresh is
    /// reported as not usable (stale) here and in every result.</remarks>
    public IReadOnlyList<SourceStatus> Sources => Volatile.Read(ref _state) is { } state
        ? Screening.SourceAges.Apply(state.Sources, _options, _timeProvider.GetUtcNow())
        : [];

    /// <summary>Gets the policy in use.</summary>
    public ScreeningPolicy Policy => _policy;

    /// <summary>Creates an engine over the embedded default dataset with default options.</summary>
    /// <returns>The engine.</returns>
    public static ScreeningEngine CreateDefault() => new ScreeningEngineBuilder().Build();

    /// <summary>Loads every source again. A source that fails keeps its last good snapshot and is reported in <see cref="Sources"/>;
    /// a source that never loaded makes results <see cref="ScreeningDecision.Incomplete"/>.</summary>
    /// <param name="cancellationToken">A token to cancel the refresh.</param>
    /// <returns>The source states after the refresh.</returns>
    public async ValueTask<IReadOnlyList<SourceStatus>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RefreshLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<IReadOnlyList<SourceStatus>> RefreshLockedAsync(CancellationToken cancellationToken)
    {
        var accepted = new List<ListSnapshot>();
        foreach (var source in _sources)
        {
            var started = Stopwatch.GetTimestamp();
            var prior = _lastGood.TryGetValue(source.Name, out var p) ? p.Good : null;
            try
            {
                // Entities whose names cannot be screened (invalid UTF-16, over-long) become rejected records, whatever the source.
                var snapshot = VendorScreen.Sources.Lists.EntityChecks.RejectInvalid(await source.LoadAsync(cancellationToken).ConfigureAwait(false));
                if (snapshot.RejectedRecords.Count > 0)
                {
                    LogRejected(_logger, source.Name, snapshot.RejectedRecords.Count, snapshot.Version);
                }

                if (_acceptance.FindProblem(snapshot, prior) is { } problem)
                {
                    _lastGood[source.Name] = (prior, "refused: " + problem);
                    LogRefused(_logger, source.Name, problem, prior?.Version ?? "none");
                    continue;
                }

                _lastGood[source.Name] = (snapshot, null);
                accepted.Add(snapshot);
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogLoaded(_logger, source.Name, snapshot.Version, snapshot.Entities.Count, elapsedMs);
                }
            }
#pragma warning disable CA1031 // Any failure of one source (not only SanctionListSourceException) must leave the others and the last good snapshot in place.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                var message = ex is SanctionListSourceException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                _lastGood[source.Name] = (prior, message);
                LogLoadFailed(_logger, source.Name, prior?.Version ?? "none", ex);
            }
        }

        if (_acceptance.Remember(accepted, _timeProvider.GetUtcNow()) is { } stateError)
        {
            LogStateNotWritten(_logger, stateError);
        }

        var now = _timeProvider.GetUtcNow();
        var statuses = new List<SourceStatus>();
        var snapshots = new List<ListSnapshot>();
        foreach (var source in _sources)
        {
            var (good, error) = _lastGood[source.Name];
            if (good is not null)
            {
                snapshots.Add(good);
            }

            statuses.Add(new SourceStatus(source.Name)
            {
                Version = good?.Version,
                FetchedAt = good?.FetchedAt,
                IsUsable = good is not null,
                Error = StatusError(good, error),
                Entities = good?.Entities.Count ?? 0,
                Rejected = good?.RejectedRecords.Count ?? 0,
            });
        }

        var next = new Screening.EngineState(Screening.ScreeningDataset.Create(snapshots), statuses);
        Volatile.Write(ref _state, next);
        return Screening.SourceAges.Apply(statuses, _options, now);
    }

    /// <summary>The error of a source's status: why the last load failed or was refused (and which version is served instead), and
    /// the warning of the snapshot served (a cached copy served after a failed fetch, a refused remote version).</summary>
    private static string? StatusError(ListSnapshot? good, string? error)
    {
        var failure = error is null ? null : (good is null ? error : $"refresh failed, serving version {good.Version}: {error}");
        return (failure, good?.Warning) switch
        {
            (null, var warning) => warning,
            (var f, null) => f,
            var (f, warning) => f + "; " + warning,
        };
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A collection or item of the request is <see langword="null"/>, or a text is longer than
    /// <see cref="ScreeningRequest.MaxTextLength"/>; the message names the field.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, also before the call.</exception>
    public async ValueTask<ScreeningResult> ScreenAsync(ScreeningRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ScreeningRequest.Validate(request, nameof(request), null);
        cancellationToken.ThrowIfCancellationRequested();
        var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
        return Screen(state, request, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A request is <see langword="null"/>, has a <see langword="null"/> collection or item, or a
    /// text longer than <see cref="ScreeningRequest.MaxTextLength"/>; the message names the request's position and field. No
    /// request is screened then.</exception>
    /// <exception cref="ScreeningBatchException">Some requests could not be screened; every other one was, and its result is in
    /// <see cref="ScreeningBatchException.Results"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, also before the call; the
    /// screening stops within the request being screened and no partial result is returned.</exception>
    public ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, CancellationToken cancellationToken = default) =>
        ScreenBatchAsync(requests, null, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A request is <see langword="null"/>, has a <see langword="null"/> collection or item, or a
    /// text longer than <see cref="ScreeningRequest.MaxTextLength"/>; the message names the request's position and field. No
    /// request is screened then.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    /// <exception cref="ScreeningBatchException">Some requests could not be screened; every other one was, and its result is in
    /// <see cref="ScreeningBatchException.Results"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, also before the call; the
    /// screening stops within the requests being screened and no partial result is returned.</exception>
    public ValueTask<ScreeningBatchResult> ScreenBatchAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var (parallelism, _) = ScreeningBatchOptions.Resolve(options, nameof(options));
        return new(Screening.BatchScreening.RunAsync(requests, BindAsync, parallelism, nameof(requests), cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>A request that is refused (an <see cref="ArgumentException"/> naming its position and field) or cannot be screened
    /// (a <see cref="ScreeningBatchException"/> naming its position) ends the stream when its turn comes, after every earlier
    /// result; no further request is read. Cancellation ends it with an <see cref="OperationCanceledException"/>. Leaving the loop
    /// early cancels the requests still in flight.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    public IAsyncEnumerable<ScreeningResult> ScreenStreamAsync(IAsyncEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var (parallelism, window) = ScreeningBatchOptions.Resolve(options, nameof(options));
        return Screening.BatchScreening.StreamAsync(requests, BindAsync, parallelism, window, nameof(requests), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>As <see cref="ScreenStreamAsync(IAsyncEnumerable{ScreeningRequest}, ScreeningBatchOptions?, CancellationToken)"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    public IAsyncEnumerable<ScreeningResult> ScreenStreamAsync(IEnumerable<ScreeningRequest> requests, ScreeningBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var (parallelism, window) = ScreeningBatchOptions.Resolve(options, nameof(options));
        return Screening.BatchScreening.StreamAsync(Screening.BatchScreening.AsAsync(requests, CancellationToken.None), BindAsync, parallelism, window, nameof(requests), cancellationToken);
    }

    /// <summary>Binds the screening of one request to the current dataset generation, loading it first if needed.</summary>
    private async ValueTask<Func<ScreeningRequest, CancellationToken, ScreeningResult>> BindAsync(CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
        return (request, token) => Screen(state, request, token);
    }

    /// <inheritdoc />
    public void Dispose() => _refreshLock.Dispose();

    private ScreeningResult Screen(Screening.EngineState state, ScreeningRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        var asOf = request.AsOf ?? DateOnly.FromDateTime(now.UtcDateTime);
        return Screening.Screener.Screen(state, request, _options, _policy, asOf, now, cancellationToken);
    }

    private async ValueTask<Screening.EngineState> GetStateAsync(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        if (state is not null)
        {
            return state;
        }

        // Concurrent first screenings wait for one load instead of each loading every source again.
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _state) is null)
            {
                await RefreshLockedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _refreshLock.Release();
        }

        return Volatile.Read(ref _state)!;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Source {SourceName} loaded version {Version}: {EntityCount} entities in {ElapsedMs} ms")]
    private static partial void LogLoaded(ILogger logger, string sourceName, string version, int entityCount, double elapsedMs);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Source {SourceName} rejected {RejectedCount} records while loading version {Version}")]
    private static partial void LogRejected(ILogger logger, string sourceName, int rejectedCount, string version);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Source {SourceName} loaded a version that was refused ({Problem}); still serving version {ServingVersion}")]
    private static partial void LogRefused(ILogger logger, string sourceName, string problem, string servingVersion);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogStateNotWritten(ILogger logger, string problem);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Source {SourceName} failed to load; still serving version {ServingVersion}")]
    private static partial void LogLoadFailed(ILogger logger, string sourceName, string servingVersion, Exception exception);
}
