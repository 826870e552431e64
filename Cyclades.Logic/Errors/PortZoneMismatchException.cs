namespace Cyclades.Logic.Errors;

/// <summary>The port's subnet (or the floating IP's) is on another cluster than the server: a NIC joins a server only on its own cluster.</summary>
/// <param name="FloatingIpId">Set when the address is a floating IP's (the port does not exist yet).</param>
public sealed class PortZoneMismatchException(long? portId, long? floatingIpId, long serverId)
    : DomainException($"The {(portId is null ? $"floating IP {floatingIpId}" : $"port {portId}")} and the server {serverId} are in different availability zones.")
{
    public long? PortId { get; } = portId;

    public long? FloatingIpId { get; } = floatingIpId;

    public long ServerId { get; } = serverId;
}
