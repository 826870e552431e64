namespace Cyclades.Logic.Errors;

/// <summary>The floating IP is not attached to a server, and what was asked is about its attachment.</summary>
public sealed class FloatingIpNotAttachedException(long id, string address)
    : DomainException($"Floating IP {address} is not attached.")
{
    public long Id { get; } = id;

    public string Address { get; } = address;
}
