using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VendorScreen;

/// <summary>
/// Continuous re-screening: screens a supplier master again, records every screening in the audit store, and reports each party or
/// product whose decision differs from its last recorded screening, with the list change behind it. <see cref="Start"/> makes it
/// re-screen the stored master (the latest request of every subject in the store) whenever the dataset provider publishes a new
/// dataset version (<see cref="IScreeningDatasetProvider.DatasetChanged"/>), raising <see cref="DecisionChanged"/> per change.
/// </summary>
/// <remarks>All members are thread-safe for concurrent use; re-screens run one at a time. Give it an engine without the audit trail
/// decorator (the monitor records the screenings itself); an engine with dispositions applied is fine.</remarks>
public sealed partial class ScreeningMonitor : IDisposable
{
    /// <summary>Requests screened and recorded per batch.</summary>
    private const int BatchSize = 512;

    private readonly IScreeningEngine _engine;
    private readonly IScreeningAuditStore _store;
    private readonly IScreeningDatasetProvider _datasets;
    private readonly string? _user;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _startLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _lastRun = Task.CompletedTask;
    private bool _started;

    /// <summary>Initializes a new instance of the <see cref="ScreeningMonitor"/> class.</summary>
    /// <param name="engine">The engine that screens (without the audit trail decorator).</param>
    /// <param name="store">The audit store: the last recorded screenings, and where new ones are recorded.</param>
    /// <param name="datasets">The provider of dataset generations (the engine's).</param>
    /// <param name="user">Who the re-screenings are recorded as; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for record times; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">The logger factory; <see langword="null"/> for no logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/>, <paramref name="store"/> or <paramref name="datasets"/> is <see langword="null"/>.</exception>
    public ScreeningMonitor(IScreeningEngine engine, IScreeningAuditStore store, IScreeningDatasetProvider datasets, string? user = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(datasets);
        _engine = engine;
        _store = store;
        _datasets = datasets;
        _user = user;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("VendorScreen.ScreeningMonitor");
    }

    /// <summary>Raised for each party or product whose decision changed, after its new screening is recorded. Handlers run on the
    /// re-screening's thread; an exception thrown by a handler is logged and does not stop the re-screen.</summary>
    public event EventHandler<DecisionChangedEventArgs>? DecisionChanged;

    /// <summary>Gets the re-screen started by the last dataset change (or <see cref="Task.CompletedTask"/>), for a host that waits for
    /// it at shutdown. It never faults: a failed re-screen is logged.</summary>
    public Task LastRun => Volatile.Read(ref _lastRun);

    /// <summary>Starts watching the dataset provider: each new dataset version re-screens the stored supplier master.</summary>
    /// <exception cref="ObjectDisposedException">The monitor was disposed.</exception>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        lock (_startLock)
        {
            if (!_started)
            {
                _datasets.DatasetChanged += OnDatasetChanged;
                _started = true;
            }
        }
    }

    /// <summary>Screens requests again, records every screening, and returns (and raises <see cref="DecisionChanged"/> for) each one
    /// whose decision differs from its last recorded screening; a request never screened before counts as changed, with no previous
    /// decision.</summary>
    /// <param name="requests">The supplier master; <see langword="null"/> for the stored one (the latest request of every subject,
    /// screened as of today).</param>
    /// <param name="cancellationToken">A token to cancel; batches already recorded stay recorded.</param>
    /// <returns>The changes, in request order.</returns>
    /// <exception cref="ScreeningStoreException">The store cannot be read or written.</exception>
    public async Task<IReadOnlyList<DecisionChange>> RescreenAsync(IEnumerable<ScreeningRequest>? requests = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var latest = await _store.ReadLatestAsync(cancellationToken).ConfigureAwait(false);
            var previous = latest.ToDictionary(r => r.Subject, StringComparer.Ordinal);
            var master = requests?.ToList()
                ?? latest.Where(r => r.Result.Request is not null).Select(r => r.Result.Request! with { AsOf = null }).ToList();
            var changes = new List<DecisionChange>();
            for (var start = 0; start < master.Count; start += BatchSize)
            {
                var chunk = master.GetRange(start, Math.Min(BatchSize, master.Count - start));
                var batch = await _engine.ScreenBatchAsync(chunk, cancellationToken).ConfigureAwait(false);
                var generation = _datasets.Current;
                var now = _timeProvider.GetUtcNow();
                var records = batch.Results.Select(r => ScreeningAuditRecord.Create(r, generation, _user, now)).ToArray();
                await _store.AppendAsync(records, cancellationToken).ConfigureAwait(false);
                foreach (var record in records)
                {
                    var before = previous.GetValueOrDefault(record.Subject);
                    if (before is not null && before.Result.Decision == record.Result.Decision)
                    {
                        continue;
                    }

                    var change = new DecisionChange
                    {
                        Subject = record.Subject,
                        Previous = before?.Result.Decision,
                        Result = record.Result,
                        PreviousRecord = before,
                        ListChanges = Audit.ListChanges.Between(before, record, generation?.Dataset),
                    };
                    changes.Add(change);
                    Raise(change);
                }
            }

            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops watching the provider and cancels a running re-screen.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _datasets.DatasetChanged -= OnDatasetChanged;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void OnDatasetChanged(object? sender, DatasetChangedEventArgs e)
    {
        if (!e.DatasetVersionChanged || e.Previous is null)
        {
            return;
        }

        CancellationToken token;
        try
        {
            token = _stopping.Token;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        Volatile.Write(ref _lastRun, Task.Run(() => RunAsync(e.Current.Dataset.Version, token), CancellationToken.None));
    }

    private async Task RunAsync(string version, CancellationToken cancellationToken)
    {
        try
        {
            var changes = await RescreenAsync(null, cancellationToken).ConfigureAwait(false);
            LogRescreened(_logger, version, changes.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed while re-screening: the batches recorded so far stay recorded.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRescreenFailed(_logger, ex, version);
        }
    }

    private void Raise(DecisionChange change)
    {
        try
        {
            DecisionChanged?.Invoke(this, new DecisionChangedEventArgs(change));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogHandlerFailed(_logger, ex, change.Subject);
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Re-screened the supplier master against dataset {Version}: {Changes} decisions changed")]
    private static partial void LogRescreened(ILogger logger, string version, int changes);

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "Re-screening the supplier master against dataset {Version} failed")]
    private static partial void LogRescreenFailed(ILogger logger, Exception exception, string version);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "A DecisionChanged handler failed for subject {Subject}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string subject);
}

/// <summary>A party or product whose decision changed since its last recorded screening.</summary>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record DecisionChange
{
    /// <summary>Gets the subject key (<see cref="ScreeningAuditRecord.SubjectOf"/>).</summary>
    public required string Subject { get; init; }

    /// <summary>Gets the decision of the last recorded screening, or <see langword="null"/> when the subject was never screened.</summary>
    public ScreeningDecision? Previous { get; init; }

    /// <summary>Gets the new result.</summary>
    public required ScreeningResult Result { get; init; }

    /// <summary>Gets the last recorded screening, or <see langword="null"/> when there is none.</summary>
    public ScreeningAuditRecord? PreviousRecord { get; init; }

    /// <summary>Gets what changed on the lists for the entities hit then or now.</summary>
    public IReadOnlyList<ListChange> ListChanges { get; init; } = [];
}

/// <summary>A change of one entity between two screenings of a party, as seen from the hits.</summary>
/// <param name="Kind">What changed: <see cref="EntityAdded"/>, <see cref="EntityRemoved"/>, <see cref="NamesChanged"/>,
/// <see cref="EntryChanged"/> or <see cref="NoLongerMatches"/>.</param>
/// <param name="EntityId">The entity id.</param>
/// <param name="EntityName">The entity's primary name.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed record ListChange(string Kind, string EntityId, string EntityName)
{
    /// <summary>The party now hits an entity it did not hit before: newly listed, or newly named so that it matches.</summary>
    public const string EntityAdded = "entity-added";

    /// <summary>An entity hit before is no longer in the dataset (delisted).</summary>
    public const string EntityRemoved = "entity-removed";

    /// <summary>An entity hit before or now has other names than when it was last recorded.</summary>
    public const string NamesChanged = "names-changed";

    /// <summary>An entity hit before or now has other listings, programs or identifiers, with the same names.</summary>
    public const string EntryChanged = "entry-changed";

    /// <summary>An entity hit before is unchanged on the list but no longer hit (another algorithm, policy, disposition or as-of date).</summary>
    public const string NoLongerMatches = "no-longer-matches";

    /// <summary>Gets the names the entity gained since the last recorded screening.</summary>
    public IReadOnlyList<string> AddedNames { get; init; } = [];

    /// <summary>Gets the names the entity lost since the last recorded screening.</summary>
    public IReadOnlyList<string> RemovedNames { get; init; } = [];
}

/// <summary>Carries one <see cref="DecisionChange"/>.</summary>
/// <param name="change">The change.</param>
/// <remarks>Instances are immutable and safe for concurrent use.</remarks>
public sealed class DecisionChangedEventArgs(DecisionChange change) : EventArgs
{
    /// <summary>Gets the change.</summary>
    public DecisionChange Change { get; } = change ?? throw new ArgumentNullException(nameof(change));
}
