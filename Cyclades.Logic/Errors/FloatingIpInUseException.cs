namespace Cyclades.Logic.Errors;

/// <summary>The floating IP is attached to a port: it is released only once detached (as Synnefo answers 409).</summary>
public sealed class FloatingIpInUseException(long id, string address, long portId)
    : DomainException($"Floating IP {address} is in use by port {portId}.")
{
    public long Id { get; } = id;

    public string Address { get; } = address;

    public long PortId { get; } = portId;
}
