namespace Cyclades.Logic.Errors;

/// <summary>A server's primary port (device index 0) leaves it only with the server.</summary>
public sealed class PrimaryPortException(long portId, long serverId)
    : DomainException($"The port {portId} is the primary port of server {serverId} and cannot be disconnected.")
{
    public long PortId { get; } = portId;

    public long ServerId { get; } = serverId;
}
