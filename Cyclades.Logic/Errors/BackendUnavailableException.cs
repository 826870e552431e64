namespace Cyclades.Logic.Errors;

/// <summary>The cluster could not be reached or failed; nothing was changed.</summary>
public sealed class BackendUnavailableException(string backend, string reason, Exception? inner = null)
    : DomainException($"Backend '{backend}' is unavailable: {reason}", inner)
{
    public string Backend { get; } = backend;

    public string Reason { get; } = reason;
}
