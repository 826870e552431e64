namespace Cyclades.Logic.Errors;

/// <summary>The private address asked for is held by another server, or is not one the backend's network hands out.</summary>
public sealed class PrivateAddressUnavailableException(string address, string network, bool inUse)
    : DomainException(inUse ? $"The address {address} is in use." : $"The address {address} is not one network {network} hands out.")
{
    public string Address { get; } = address;

    public string Network { get; } = network;

    public bool InUse { get; } = inUse;
}
