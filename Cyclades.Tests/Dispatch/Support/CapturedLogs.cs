using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cyclades.Tests.Dispatch.Support;

/// <summary>Keeps every log line of a test's service provider, to check what was logged (and how often).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => _lines.ToList();

    public int Count(LogLevel level, string containing) =>
        _lines.Count(line => line.Level == level && line.Message.Contains(containing, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
