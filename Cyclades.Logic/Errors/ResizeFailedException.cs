namespace Cyclades.Logic.Errors;

/// <summary>The cluster's job for a resize ended without giving the server the new flavor.</summary>
public sealed class ResizeFailedException(long serverId, string flavor, string? reason)
    : DomainException($"Server '{serverId}' was not resized to '{flavor}': {reason ?? "the cluster's job failed"}.")
{
    public long ServerId { get; } = serverId;

    public string Flavor { get; } = flavor;

    public string? Reason { get; } = reason;
}
