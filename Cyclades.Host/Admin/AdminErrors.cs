using System.Data.Common;
using Cyclades.Host.Hosting;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;

namespace Cyclades.Host.Admin;

/// <summary>A failed command as the one line an operator reads: what was wrong, never a stack trace.</summary>
public static class AdminErrors
{
    public static string Describe(Exception exception) => OneLine(exception switch
    {
        _ when CycladesHostExtensions.ConfigurationFailures(exception) is { Count: > 0 } failures =>
            $"configuration error: {string.Join(" ", failures)}",
        AccountException or DomainException or AdminException => exception.Message,
        ClusterUnavailableException or ClusterRejectedException => exception.Message,
        DbException or { InnerException: DbException } => $"database error: {exception.Message}",
        InvalidOperationException => exception.Message,
        _ => $"unexpected error ({exception.GetType().Name}): {exception.Message}",
    });

    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

/// <summary>An admin command refused its input (an unknown user, a malformed value).</summary>
public sealed class AdminException(string message) : Exception(message);
