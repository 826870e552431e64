using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Cyclades.Host.Admin.Output;

/// <summary>
/// The admin command line's log lines on standard error: level, category and message, with an
/// exception's message but never its stack trace.
/// </summary>
public sealed class OneLineLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "cyclades-one-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var exception = logEntry.Exception is { } e ? $" ({e.GetType().Name}: {e.Message})" : "";
        textWriter.WriteLine(AdminErrors.OneLine($"{logEntry.LogLevel.ToString().ToLowerInvariant()}: {logEntry.Category}: {message}{exception}"));
    }
}
