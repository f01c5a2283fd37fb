using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VendorScreen.Hosting;

/// <summary>Runs a <see cref="ScreeningMonitor"/> for one engine while the host runs: each new dataset version re-screens the stored
/// supplier master and calls back per changed decision.</summary>
internal sealed partial class ScreeningMonitorService(Func<ScreeningMonitor> create, Action<DecisionChange> onDecisionChanged, ILogger<ScreeningMonitorService> logger) : IHostedService, IDisposable
{
    private ScreeningMonitor? _monitor;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _monitor = create();
        _monitor.DecisionChanged += (_, e) => onDecisionChanged(e.Change);
        _monitor.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_monitor is null)
        {
            return;
        }

        try
        {
            await _monitor.LastRun.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStoppedWhileRescreening(logger);
        }

        _monitor.Dispose();
    }

    public void Dispose() => _monitor?.Dispose();

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "The host stopped while the supplier master was being re-screened; the batches recorded so far stay recorded")]
    private static partial void LogStoppedWhileRescreening(ILogger logger);
}
