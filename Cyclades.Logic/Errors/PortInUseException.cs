namespace Cyclades.Logic.Errors;

/// <summary>The port is attached to a server: detach it first (a server's primary port goes only with its server).</summary>
public sealed class PortInUseException(long portId, long serverId)
    : DomainException($"The port {portId} is attached to server {serverId}.")
{
    public long PortId { get; } = portId;

    public long ServerId { get; } = serverId;
}
