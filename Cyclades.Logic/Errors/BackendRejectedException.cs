namespace Cyclades.Logic.Errors;

/// <summary>The cluster refused the request; nothing was changed.</summary>
public sealed class BackendRejectedException(string backend, string reason, Exception? inner = null)
    : DomainException($"Backend '{backend}' rejected the request: {reason}", inner)
{
    public string Backend { get; } = backend;

    public string Reason { get; } = reason;
}
