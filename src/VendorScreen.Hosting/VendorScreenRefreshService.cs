using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VendorScreen.Hosting;

/// <summary>Loads one engine's lists when the host starts (warm-up) and refreshes them on a schedule with jitter.</summary>
/// <remarks>A refresh never throws for a failing source (the loader keeps the last good snapshot and reports it); any other failure
/// is logged and the schedule goes on.</remarks>
internal sealed partial class VendorScreenRefreshService(
    string engineName,
    IScreeningDatasetLoader loader,
    VendorScreenRefreshOptions options,
    TimeProvider timeProvider,
    ILogger<VendorScreenRefreshService> logger,
    ScreeningEngine engine)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.WarmUp)
        {
            LogWarmUp(logger, engineName);
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (options.WarmUpScreening)
            {
                await WarmUpScreeningAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WarmUp)
        {
            await RefreshAsync(stoppingToken).ConfigureAwait(false);
        }

        if (!options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = NextDelay();
            LogScheduled(logger, engineName, delay);
            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>The interval shifted by a random amount within the jitter, never less than one second.</summary>
    internal TimeSpan NextDelay()
    {
#pragma warning disable CA5394 // Jitter spreads the refreshes of many instances; it needs no cryptographic randomness.
        var shift = ((Random.Shared.NextDouble() * 2) - 1) * options.Jitter.TotalMilliseconds;
#pragma warning restore CA5394
        var delay = TimeSpan.FromMilliseconds(options.Interval.TotalMilliseconds + shift);
        return delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var statuses = await loader.RefreshAsync(cancellationToken).ConfigureAwait(false);
            var unusable = statuses.Count(s => !s.IsUsable);
            if (unusable > 0)
            {
                LogUnusable(logger, engineName, unusable, statuses.Count);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
#pragma warning disable CA1031 // A failed refresh must not end the schedule; the last good generation stays in use.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRefreshFailed(logger, engineName, ex);
        }
    }

    // Runs the screening code (ScreeningEngine.WarmUpAsync) when the engine reads the loader this service refreshes and the
    // warm-up load made a dataset: an engine over another loader, or one with no dataset yet, would load the lists again here. A
    // failure is logged; the host starts all the same.
    private async Task WarmUpScreeningAsync(CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(engine.Datasets, loader) || loader.Current is null)
        {
            return;
        }

        var started = timeProvider.GetTimestamp();
        try
        {
            await engine.WarmUpAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = timeProvider.GetElapsedTime(started);
            LogWarmedUpScreening(logger, engineName, elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
#pragma warning disable CA1031 // The warm-up only saves the first requests some time; a failure must not stop the host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWarmUpScreeningFailed(logger, engineName, ex);
        }
    }

    [LoggerMessage(EventId = 45, Level = LogLevel.Information, Message = "Ran the screening code of engine \"{EngineName}\" once before the host starts, in {Milliseconds:0} ms")]
    private static partial void LogWarmedUpScreening(ILogger logger, string engineName, double milliseconds);

    [LoggerMessage(EventId = 46, Level = LogLevel.Warning, Message = "Running the screening code of engine \"{EngineName}\" once before the host starts failed; the first requests compile it")]
    private static partial void LogWarmUpScreeningFailed(ILogger logger, string engineName, Exception exception);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Warming up the lists of engine \"{EngineName}\" before the host starts")]
    private static partial void LogWarmUp(ILogger logger, string engineName);

    [LoggerMessage(EventId = 41, Level = LogLevel.Debug, Message = "Next refresh of engine \"{EngineName}\" in {Delay}")]
    private static partial void LogScheduled(ILogger logger, string engineName, TimeSpan delay);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "After the refresh of engine \"{EngineName}\", {UnusableCount} of {SourceCount} sources are not usable; results are Incomplete")]
    private static partial void LogUnusable(ILogger logger, string engineName, int unusableCount, int sourceCount);

    [LoggerMessage(EventId = 43, Level = LogLevel.Error, Message = "The refresh of engine \"{EngineName}\" failed; the last good lists stay in use")]
    private static partial void LogRefreshFailed(ILogger logger, string engineName, Exception exception);
}
