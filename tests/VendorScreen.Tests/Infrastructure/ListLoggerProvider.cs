using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VendorScreen.Tests.Infrastructure;

/// <summary>Keeps every log entry written through its loggers: the event id, level and message, and the values of the
/// message's placeholders (so that a test can look for a value a message format leaves out).</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    /// <summary>Gets the entries, in the order written.</summary>
    public ConcurrentQueue<(int Id, LogLevel Level, string Message, string Values)> Events { get; } = new();

    /// <summary>Gets each entry's message, then the values of its placeholders.</summary>
    public IEnumerable<string> Messages => Events.SelectMany(e => new[] { e.Message, e.Values });

    public ILogger CreateLogger(string categoryName) => new ListLogger(Events);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<(int Id, LogLevel Level, string Message, string Values)> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(v => v.Value?.ToString())) : string.Empty;
            events.Enqueue((eventId.Id, logLevel, formatter(state, exception), values));
        }
    }
}
