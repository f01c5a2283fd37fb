using Microsoft.Extensions.Logging;

namespace VendorScreen.Cli;

/// <summary>Writes to standard error, as a warning, the one event of the library's log that the command line does not read from the
/// sources' statuses: an index snapshot file written by another version of the library, whose index is then built again at each
/// run. Every other event is left out (rejected records, failed and stale sources are reported from the statuses).</summary>
internal sealed class CliLoggerFactory(CliContext context) : ILoggerFactory
{
    /// <summary>The id of the event written (the dataset loader's warning of a snapshot written by another version).</summary>
    internal const int ForwardedEventId = 14;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(context);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("the command line's log writes one event to standard error and takes no providers");

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(CliContext context) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning && eventId.Id == ForwardedEventId)
            {
                context.Warn(formatter(state, exception));
            }
        }
    }
}
