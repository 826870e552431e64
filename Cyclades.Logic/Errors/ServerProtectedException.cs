using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Errors;

/// <summary>The owner forbade this action on the server (<see cref="ServerProtection"/>).</summary>
public sealed class ServerProtectedException(long serverId, ServerAction action)
    : DomainException($"Server {serverId} is protected against {action.ToString().ToLowerInvariant()}.")
{
    public long ServerId { get; } = serverId;

    public ServerAction Action { get; } = action;
}
