namespace Cyclades.Logic.Backends;

/// <summary>The cluster could not be reached, timed out or failed (5xx). A job may or may not exist.</summary>
public sealed class ClusterUnavailableException(string backend, string message, Exception? inner = null)
    : Exception($"Ganeti cluster '{backend}' is unavailable: {message}", inner)
{
    public string Backend { get; } = backend;
}

/// <summary>The cluster refused the request synchronously (4xx); no job was created.</summary>
public sealed class ClusterRejectedException(string backend, string message, Exception? inner = null)
    : Exception($"Ganeti cluster '{backend}' rejected the request: {message}", inner)
{
    public string Backend { get; } = backend;
}
