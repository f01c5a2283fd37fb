using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VendorScreen.Policies;

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

    /// <summary>Finds the listed entities whose names are closest to a name, best first, with scores and explanations, as an
    /// analyst searches a list by hand. No policy applies and nothing is decided: use <see cref="ScreenAsync"/> to screen.</summary>
    /// <param name="name">The name to search for.</param>
    /// <param name="top">The most entities to return, 1 to 1,000.</param>
    /// <param name="minScore">The lowest score returned, in [0, 1].</param>
    /// <param name="cancellationToken">A token to cancel the search.</param>
    /// <returns>The entities found; <see cref="NameSearchResult.IsComplete"/> is <see langword="false"/> when a source was not
    /// usable.</returns>
    ValueTask<NameSearchResult> SearchAsync(string name, int top = 10, double minScore = 0.5, CancellationToken cancellationToken = default);

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
/// The screening engine: screens requests against the current dataset generation of its <see cref="IScreeningDatasetProvider"/>.
/// The engine knows no list sources; loading, refresh and source acceptance belong to the provider (the built-in loader that
/// <see cref="ScreeningEngineBuilder"/> and <c>AddVendorScreen</c> create, or a host's own).
/// </summary>
/// <remarks>All members are thread-safe for concurrent use. A screening never sees a half-built dataset: it uses one generation from
/// start to end.</remarks>
public sealed partial class ScreeningEngine : IScreeningEngine, IDisposable
{
    private readonly IScreeningDatasetProvider _datasets;
    private readonly ScreeningOptions _options;
    private readonly ScreeningPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly VendorScreenMetrics _metrics;
    private readonly bool _ownsDatasets;

    /// <summary>Initializes a new instance of the <see cref="ScreeningEngine"/> class that screens the generations of a dataset provider.</summary>
    /// <param name="datasets">The provider of dataset generations.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults. They are validated and copied.</param>
    /// <param name="policy">The policy; <see langword="null"/> for the built-in policy named by <see cref="ScreeningOptions.Policy"/>.</param>
    /// <param name="timeProvider">The clock for "today" and source ages; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">The logger factory; <see langword="null"/> for no logging.</param>
    /// <param name="meterFactory">The meter factory; <see langword="null"/> for the shared <see cref="VendorScreenTelemetry.MeterName"/> meter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="datasets"/> is <see langword="null"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public ScreeningEngine(
        IScreeningDatasetProvider datasets,
        ScreeningOptions? options = null,
        ScreeningPolicy? policy = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
        : this(datasets, Validated(options ?? new ScreeningOptions()).Clone(), policy, timeProvider ?? TimeProvider.System, loggerFactory, meterFactory, ownsDatasets: false)
    {
    }

    internal ScreeningEngine(
        IScreeningDatasetProvider datasets,
        ScreeningOptions options,
        ScreeningPolicy? policy,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory,
        bool ownsDatasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        _datasets = datasets;
        _options = options;
        _policy = policy ?? ScreeningPolicies.Resolve(options.Policy);
        _timeProvider = timeProvider;
        _ownsDatasets = ownsDatasets;
        _metrics = VendorScreenMetrics.For(meterFactory);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("VendorScreen.ScreeningEngine");
    }

    /// <summary>Gets the provider whose generations the engine screens.</summary>
    public IScreeningDatasetProvider Datasets => _datasets;

    /// <summary>Gets the current dataset, or <see langword="null"/> before the first load.</summary>
    public Screening.ScreeningDataset? Dataset => _datasets.Current?.Dataset;

    /// <summary>Gets the state of every configured source.</summary>
    /// <remarks>A source whose snapshot became older than <see cref="ScreeningOptions.MaxSourceAge"/> since the last refresh is
    /// reported as not usable (stale) here and in every result.</remarks>
    public IReadOnlyList<SourceStatus> Sources => _datasets.Current is { } generation
        ? Screening.SourceAges.Apply(generation.Sources, _options, _timeProvider.GetUtcNow())
        : [];

    /// <summary>Gets the policy in use.</summary>
    public ScreeningPolicy Policy => _policy;

    /// <summary>Loads every source of the engine's loader again (see <see cref="IScreeningDatasetLoader.RefreshAsync"/>). A source that
    /// fails keeps its last good snapshot and is reported in <see cref="Sources"/>; a source that never loaded makes results
    /// <see cref="ScreeningDecision.Incomplete"/>.</summary>
    /// <param name="cancellationToken">A token to cancel the refresh.</param>
    /// <returns>The source states after the refresh.</returns>
    /// <exception cref="NotSupportedException">The engine screens a provider that is not an <see cref="IScreeningDatasetLoader"/>.</exception>
    public ValueTask<IReadOnlyList<SourceStatus>> RefreshAsync(CancellationToken cancellationToken = default) =>
        _datasets is IScreeningDatasetLoader loader
            ? loader.RefreshAsync(cancellationToken)
            : throw new NotSupportedException($"The engine's dataset provider ({_datasets.GetType().Name}) does not load lists; refresh it through its owner.");

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
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or longer than <see cref="ScreeningRequest.MaxTextLength"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> or <paramref name="minScore"/> is out of range.</exception>
    public async ValueTask<NameSearchResult> SearchAsync(string name, int top = 10, double minScore = 0.5, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > ScreeningRequest.MaxTextLength)
        {
            throw new ArgumentException(ScreeningRequest.DescribeTooLong("The searched name", name.Length) + ".", nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, Screening.NameSearch.MaxTop);
        if (double.IsNaN(minScore) || minScore is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minScore), minScore, "The lowest score must be within [0, 1].");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
        return Screening.NameSearch.Search(state, name, top, minScore, _options, _timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Runs the screening code over the current dataset, loading it first if need be, until the runtime has optimised it, so
    /// that a new process does not screen its first requests in code not yet compiled or not yet optimised: made-up suppliers
    /// and persons in Latin letters, names in Han, Hangul and Cyrillic, product listings and analysts' searches, and names the
    /// dataset lists (as written, with a letter left out, in another order, without punctuation, and entities owned by listed
    /// parties) so that the paths of a hit are compiled too; different in every round, their results discarded.
    /// </summary>
    /// <remarks>
    /// For a service that should answer its first requests at full speed: call it once after the first load (the hosting
    /// add-on does so while the host starts, unless <c>Refresh:WarmUpScreening</c> is off). It records nothing: no metric,
    /// trace, log entry or audit record, and decorators of the engine (an audit trail, dispositions) never see it. It keeps
    /// what any screening keeps in the index's memos.
    /// <para>The .NET runtime compiles a method unoptimised at its first call and optimises it on a thread of its own once it has
    /// been called often (30 times, then 30 more with counters for profile-guided optimisation). The warm-up screens 120 rounds of
    /// requests in three phases and, after each, waits until the runtime has compiled nothing for 100 ms (at most a second per
    /// phase; no phase starts after 5 seconds). On two cores it takes 1.5 to 2 seconds in a new process and 0.5 to 0.7 seconds
    /// once the code is optimised. In the throughput harness, a new process's first 2,000 screenings after it took 1.04 to 1.11
    /// times the median of the whole run, against 1.40 to 1.46 times after a single pass over each path.</para>
    /// </remarks>
    /// <param name="cancellationToken">Cancels the load and the warm-up.</param>
    /// <returns>A task that completes when the warm-up is done.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, also before the call.</exception>
    public async ValueTask WarmUpAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var asOf = DateOnly.FromDateTime(now.UtcDateTime);
        var started = Stopwatch.GetTimestamp();
        for (var phase = 0; phase < Screening.WarmUp.Phases && Stopwatch.GetElapsedTime(started) < Screening.WarmUp.Budget; phase++)
        {
            for (var round = phase * Screening.WarmUp.Rounds; round < (phase + 1) * Screening.WarmUp.Rounds; round++)
            {
                foreach (var request in Screening.WarmUp.Requests(round).Concat(Screening.WarmUp.ListedRequests(state, asOf, round, _options.CutNameLengths)))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ScreeningRequest.Validate(request, nameof(request), null);
                    _ = Screening.Screener.Screen(state, request, _options, _policy, asOf, now, cancellationToken);
                }

                if (round % 4 == 0)
                {
                    _ = Screening.NameSearch.Search(state, Screening.WarmUp.SearchName(round), 10, 0.5, _options, now, cancellationToken);
                }
            }

            await Screening.WarmUp.UntilCompiledAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the loader when the engine created it (<see cref="ScreeningEngineBuilder"/>); a provider passed to the
    /// constructor stays with its owner.</summary>
    public void Dispose()
    {
        if (_ownsDatasets && _datasets is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private ScreeningResult Screen(Screening.EngineState state, ScreeningRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = VendorScreenTelemetry.ActivitySource.StartActivity(VendorScreenTelemetry.ScreenActivity);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = _timeProvider.GetUtcNow();
        var asOf = request.AsOf ?? DateOnly.FromDateTime(now.UtcDateTime);
        var result = Screening.Screener.Screen(state, request, _options, _policy, asOf, now, cancellationToken);
        var decision = new KeyValuePair<string, object?>(VendorScreenTelemetry.DecisionTag, VendorScreenTelemetry.DecisionName(result.Decision));
        _metrics.Screenings.Add(1, decision);
        _metrics.ScreeningDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, decision);
        if (activity is not null)
        {
            // Only counts, rules and versions: the names screened and matched are personal data and stay out of traces unless allowed.
            activity.SetTag(VendorScreenTelemetry.DecisionTag, decision.Value);
            activity.SetTag("vendorscreen.rule", result.DecidingRule);
            activity.SetTag("vendorscreen.hits", result.Hits.Count);
            activity.SetTag("vendorscreen.dataset.generation", state.Generation);
            activity.SetTag("vendorscreen.policy", result.Policy);
            if (_options.EnableSensitiveData)
            {
                activity.SetTag(VendorScreenTelemetry.RequestNameTag, ScreenedName(request));
            }
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            if (_options.EnableSensitiveData)
            {
                var screenedName = ScreenedName(request);
                LogScreenedSensitive(_logger, request.Id, screenedName, result.Decision, result.Hits.Count);
            }
            else
            {
                LogScreened(_logger, request.Id, result.Decision, result.Hits.Count);
            }
        }

        return result;
    }

    /// <summary>The name a request screens: a party's name, or a listing's title, brand, manufacturer or seller.</summary>
    private static string? ScreenedName(ScreeningRequest request) => request switch
    {
        PartyScreeningRequest party => party.Name,
        ProductScreeningRequest product => product.Title ?? product.Brand ?? product.Manufacturer ?? product.Seller,
        _ => null,
    };

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "Screened request {RequestId}: {Decision} with {HitCount} hits")]
    private static partial void LogScreened(ILogger logger, string? requestId, ScreeningDecision decision, int hitCount);

    [LoggerMessage(EventId = 31, Level = LogLevel.Debug, Message = "Screened request {RequestId} \"{ScreenedName}\": {Decision} with {HitCount} hits")]
    private static partial void LogScreenedSensitive(ILogger logger, string? requestId, string? screenedName, ScreeningDecision decision, int hitCount);

    /// <summary>Gets the state of the current dataset generation, loading it first if need be (internal: for tests).</summary>
    internal async ValueTask<Screening.EngineState> GetStateAsync(CancellationToken cancellationToken) =>
        (_datasets.Current ?? await _datasets.GetCurrentAsync(cancellationToken).ConfigureAwait(false)).State;

    private static ScreeningOptions Validated(ScreeningOptions options)
    {
        var validation = new ScreeningOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return validation.Failed
            ? throw new Microsoft.Extensions.Options.OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(ScreeningOptions), validation.Failures)
            : options;
    }
}
