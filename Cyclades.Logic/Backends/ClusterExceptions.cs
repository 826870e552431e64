using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Backends;

/// <summary>
/// A cluster call failed. Callers catch this one type; <see cref="ToDomainError"/> is the one
/// translation into what a user's request reports.
/// </summary>
public abstract class ClusterException(string backend, string message, Exception? inner)
    : Exception(message, inner)
{
    public string Backend { get; } = backend;

    /// <summary>The domain error of a user's request that failed this way (nothing was changed).</summary>
    public abstract DomainException ToDomainError();
}

/// <summary>The cluster could not be reached, timed out or failed (5xx). A job may or may not exist; trying again may help.</summary>
public sealed class ClusterUnavailableException(string backend, string message, Exception? inner = null)
    : ClusterException(backend, $"Ganeti cluster '{backend}' is unavailable: {message}", inner)
{
    public override DomainException ToDomainError() => new BackendUnavailableException(Backend, Message, this);
}

/// <summary>
/// The cluster refused the request synchronously (4xx: our credentials, the RAPI user's rights, or a
/// request it does not accept); no job was created, and the same request would be refused again.
/// </summary>
public sealed class ClusterRejectedException(string backend, string message, Exception? inner = null)
    : ClusterException(backend, $"Ganeti cluster '{backend}' rejected the request: {message}", inner)
{
    public override DomainException ToDomainError() => new BackendRejectedException(Backend, Message, this);
}
