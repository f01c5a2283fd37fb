using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VendorScreen.Screening;
using VendorScreen.Sources;

namespace VendorScreen.Hosting;

/// <summary>
/// The loader that owns the list sources: loads them, checks every snapshot against <see cref="SourceAcceptance"/>, keeps the last
/// good snapshot of each source, builds the next dataset generation (dataset, index, graph) off to the side and publishes it in one
/// step through <see cref="IScreeningDatasetProvider"/>.
/// </summary>
/// <remarks>All members are thread-safe for concurrent use; refreshes run one at a time under one lock.</remarks>
internal sealed partial class ScreeningDatasetLoader : IScreeningDatasetLoader, ISourceAgeReporter, IDisposable
{
    private readonly IReadOnlyList<ISanctionListSource> _sources;
    private readonly ScreeningOptions _options;
    private readonly ILogger _logger;
    private readonly VendorScreenMetrics _metrics;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly Dictionary<string, (ListSnapshot? Good, string? Error)> _lastGood = new(StringComparer.Ordinal);
    private readonly SourceAcceptance _acceptance;

    // The index snapshot files of another library version already logged (refreshes run one at a time).
    private readonly HashSet<string> _staleSnapshotsLogged = new(StringComparer.Ordinal);
    private ScreeningDatasetGeneration? _current;
    private long _generations;

    public ScreeningDatasetLoader(IReadOnlyList<ISanctionListSource> sources, ScreeningOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        _sources = sources;
        _options = options;
        TimeProvider = timeProvider;
        _acceptance = new SourceAcceptance(options);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("VendorScreen.ScreeningDatasetLoader");
        _metrics = VendorScreenMetrics.For(meterFactory);
        _metrics.Track(this);
    }

    /// <inheritdoc />
    public event EventHandler<DatasetChangedEventArgs>? DatasetChanged;

    /// <summary>Gets the clock for fetched-at checks and source ages.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the names of the configured sources, in order.</summary>
    public IReadOnlyList<string> SourceNames => _sources.Select(s => s.Name).ToArray();

    /// <inheritdoc />
    public ScreeningDatasetGeneration? Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public IReadOnlyList<SourceStatus> Status => Current is { } generation
        ? SourceAges.Apply(generation.Sources, _options, TimeProvider.GetUtcNow())
        : [];

    /// <inheritdoc />
    public async ValueTask<ScreeningDatasetGeneration> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Current is { } current)
        {
            return current;
        }

        // Concurrent first screenings wait for one load instead of each loading every source again.
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Current is null)
            {
                await RefreshLockedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _refreshLock.Release();
        }

        return Current!;
    }

    /// <inheritdoc />
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

    /// <inheritdoc />
    public void Dispose() => _refreshLock.Dispose();

    IEnumerable<(string Source, TimeSpan Age)> ISourceAgeReporter.SourceAges()
    {
        if (Current is not { } generation)
        {
            yield break;
        }

        var now = TimeProvider.GetUtcNow();
        foreach (var status in generation.Sources)
        {
            if (status.FetchedAt is { } fetchedAt && fetchedAt != default)
            {
                yield return (status.SourceName, now - fetchedAt);
            }
        }
    }

    private async Task<IReadOnlyList<SourceStatus>> RefreshLockedAsync(CancellationToken cancellationToken)
    {
        using var activity = VendorScreenTelemetry.ActivitySource.StartActivity(VendorScreenTelemetry.RefreshActivity);
        activity?.SetTag("vendorscreen.sources", _sources.Count);
        LogRefreshStarted(_logger, _sources.Count);
        var refreshStarted = Stopwatch.GetTimestamp();
        var accepted = new List<ListSnapshot>();
        var failures = 0;
        foreach (var source in _sources)
        {
            if (!await LoadOneAsync(source, accepted, cancellationToken).ConfigureAwait(false))
            {
                failures++;
            }
        }

        if (_acceptance.Remember(accepted, TimeProvider.GetUtcNow()) is { } stateError)
        {
            LogStateNotWritten(_logger, stateError);
        }

        var now = TimeProvider.GetUtcNow();
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

        var previous = Current;
        var dataset = ScreeningDataset.Create(snapshots);
        var next = new ScreeningDatasetGeneration(Interlocked.Increment(ref _generations), dataset, statuses, now, StoredIndex(dataset));
        Volatile.Write(ref _current, next);
        activity?.SetTag("vendorscreen.generation", next.Number);
        activity?.SetTag("vendorscreen.failures", failures);
        if (failures > 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failures == 1 ? "one source failed or was refused" : $"{failures} sources failed or were refused");
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMs = Stopwatch.GetElapsedTime(refreshStarted).TotalMilliseconds;
            LogRefreshFinished(_logger, next.Number, next.Dataset.Version, failures, elapsedMs);
        }

        Publish(previous, next);
        return SourceAges.Apply(statuses, _options, now);
    }

    /// <summary>The candidate index stored in an index snapshot file, when the dataset is exactly that file's sources. A file
    /// written by another version of the library has its index built again, which is slower: that is logged as a warning, once
    /// per file.</summary>
    private Indexing.CandidateIndex? StoredIndex(ScreeningDataset dataset)
    {
        foreach (var source in _sources)
        {
            if (source is not StoredSnapshotSource stored)
            {
                continue;
            }

            if (stored.File.IndexFor(dataset) is { } index)
            {
                return index;
            }

            if (stored.File.WrittenByOtherVersion is { } writtenBy && _staleSnapshotsLogged.Add(stored.File.Path))
            {
                LogSnapshotOfOtherVersion(_logger, stored.File.Path, writtenBy, IndexSnapshotFile.LibraryVersion);
            }
        }

        return null;
    }

    /// <summary>Loads one source and records the outcome; <see langword="false"/> when it failed or was refused.</summary>
    private async Task<bool> LoadOneAsync(ISanctionListSource source, List<ListSnapshot> accepted, CancellationToken cancellationToken)
    {
        using var activity = VendorScreenTelemetry.ActivitySource.StartActivity(VendorScreenTelemetry.LoadActivity);
        activity?.SetTag(VendorScreenTelemetry.SourceTag, source.Name);
        var sourceTag = new KeyValuePair<string, object?>(VendorScreenTelemetry.SourceTag, source.Name);
        var started = Stopwatch.GetTimestamp();
        var prior = _lastGood.TryGetValue(source.Name, out var p) ? p.Good : null;
        try
        {
            // Entities whose names cannot be screened (invalid UTF-16, over-long) become rejected records, whatever the source.
            var snapshot = Sources.Lists.EntityChecks.RejectInvalid(await source.LoadAsync(cancellationToken).ConfigureAwait(false));
            activity?.SetTag("vendorscreen.version", snapshot.Version);
            activity?.SetTag("vendorscreen.entities", snapshot.Entities.Count);
            activity?.SetTag("vendorscreen.rejected", snapshot.RejectedRecords.Count);
            if (snapshot.RejectedRecords.Count > 0)
            {
                _metrics.RejectedRecords.Add(snapshot.RejectedRecords.Count, sourceTag);
                LogRejected(_logger, source.Name, snapshot.RejectedRecords.Count, snapshot.Version);
            }

            if (_acceptance.FindProblem(snapshot, prior) is { } problem)
            {
                _lastGood[source.Name] = (prior, "refused: " + problem);
                Count(sourceTag, "refused", activity);
                activity?.SetStatus(ActivityStatusCode.Error, "refused");
                if (_logger.IsEnabled(LogLevel.Error))
                {
                    LogRefused(_logger, source.Name, problem, prior?.Version ?? "none");
                }

                return false;
            }

            _lastGood[source.Name] = (snapshot, null);
            accepted.Add(snapshot);
            Count(sourceTag, "loaded", activity);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogLoaded(_logger, source.Name, snapshot.Version, snapshot.Entities.Count, elapsedMs);
            }

            return true;
        }
#pragma warning disable CA1031 // Any failure of one source (not only SanctionListSourceException) must leave the others and the last good snapshot in place.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var message = ex is SanctionListSourceException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            _lastGood[source.Name] = (prior, message);
            Count(sourceTag, "failed", activity);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            if (_logger.IsEnabled(LogLevel.Error))
            {
                LogLoadFailed(_logger, source.Name, prior?.Version ?? "none", ex);
            }

            return false;
        }
    }

    private void Count(KeyValuePair<string, object?> sourceTag, string outcome, Activity? activity)
    {
        var outcomeTag = new KeyValuePair<string, object?>(VendorScreenTelemetry.OutcomeTag, outcome);
        activity?.SetTag(VendorScreenTelemetry.OutcomeTag, outcome);
        _metrics.ListLoads.Add(1, sourceTag, outcomeTag);
        if (outcome != "loaded")
        {
            _metrics.ListLoadFailures.Add(1, sourceTag, outcomeTag);
        }
    }

    private void Publish(ScreeningDatasetGeneration? previous, ScreeningDatasetGeneration next)
    {
        if (DatasetChanged is not { } handlers)
        {
            return;
        }

        var args = new DatasetChangedEventArgs(previous, next);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<DatasetChangedEventArgs>>())
        {
            try
            {
                handler(this, args);
            }
#pragma warning disable CA1031 // A subscriber's failure must not undo or stop the publication of a generation already in use.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(_logger, next.Number, ex);
            }
        }
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

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Source {SourceName} loaded version {Version}: {EntityCount} entities in {ElapsedMs} ms")]
    private static partial void LogLoaded(ILogger logger, string sourceName, string version, int entityCount, double elapsedMs);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Source {SourceName} rejected {RejectedCount} records while loading version {Version}")]
    private static partial void LogRejected(ILogger logger, string sourceName, int rejectedCount, string version);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Source {SourceName} failed to load; still serving version {ServingVersion}")]
    private static partial void LogLoadFailed(ILogger logger, string sourceName, string servingVersion, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Source {SourceName} loaded a version that was refused ({Problem}); still serving version {ServingVersion}")]
    private static partial void LogRefused(ILogger logger, string sourceName, string problem, string servingVersion);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogStateNotWritten(ILogger logger, string problem);

    /// <summary>The event id of the warning that an index snapshot file was written by another version of the library.</summary>
    internal const int SnapshotOfOtherVersionEventId = 14;

    [LoggerMessage(EventId = SnapshotOfOtherVersionEventId, Level = LogLevel.Warning,
        Message = "Index snapshot {Path} was written by VendorScreen {WrittenBy}, not {LibraryVersion}: its index is built again at each load, which is slower; write the snapshot again with this version")]
    private static partial void LogSnapshotOfOtherVersion(ILogger logger, string path, string writtenBy, string libraryVersion);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Refresh of {SourceCount} sources started")]
    private static partial void LogRefreshStarted(ILogger logger, int sourceCount);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Refresh finished: generation {Generation}, dataset {DatasetVersion}, {FailureCount} sources failed or refused, in {ElapsedMs} ms")]
    private static partial void LogRefreshFinished(ILogger logger, long generation, string datasetVersion, int failureCount, double elapsedMs);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "A DatasetChanged handler failed for generation {Generation}; the generation stays in use")]
    private static partial void LogHandlerFailed(ILogger logger, long generation, Exception exception);
}
