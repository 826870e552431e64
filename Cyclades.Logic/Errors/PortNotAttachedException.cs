namespace Cyclades.Logic.Errors;

/// <summary>The port is not attached to a server, and what was asked is about its attachment.</summary>
public sealed class PortNotAttachedException(long portId)
    : DomainException($"The port {portId} is not attached to a server.")
{
    public long PortId { get; } = portId;
}
