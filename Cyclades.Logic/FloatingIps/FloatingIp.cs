namespace Cyclades.Logic.FloatingIps;

/// <summary>
/// A public address a user holds, taken from a public subnet's pool (the same pool that hands out
/// servers' addresses: the address is never given to anything else while the floating IP exists).
/// Attached, it is the address of a port (an extra NIC on the public subnet's network, as Synnefo).
/// </summary>
/// <param name="PortId">The port carrying the address; null while not attached.</param>
/// <param name="ServerId">The server of that port, if it is attached to one.</param>
public sealed record FloatingIp(
    long Id,
    string UserId,
    long SubnetId,
    long BackendId,
    string Address,
    long? PortId,
    long? ServerId,
    DateTimeOffset CreatedAt);
