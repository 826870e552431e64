using Cyclades.Logic.Networks;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>A server's port as a listing of servers shows it: with the network it is on and the groups it is in.</summary>
/// <param name="NetworkId">Its subnet's network; for a public subnet, the user's default network.</param>
/// <param name="Groups">The groups set on it, or its network's default group if none were, in id order.</param>
public sealed record ServerPort(Port Port, long NetworkId, IReadOnlyList<PortGroup> Groups);

/// <summary>A security group as a port's membership names it.</summary>
public readonly record struct PortGroup(long Id, string Name);
