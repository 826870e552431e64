namespace Cyclades.Logic.Errors;

/// <summary>No cluster can take the new servers (none enabled, all drained, full or unreachable).</summary>
public sealed class NoBackendAvailableException(string reason)
    : DomainException($"No backend available: {reason}")
{
    public string Reason { get; } = reason;
}
