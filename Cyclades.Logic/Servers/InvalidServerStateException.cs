using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers;

public sealed class InvalidServerStateException(long serverId, ServerAction action, OperState state)
    : DomainException($"Cannot perform '{action.ToString().ToUpperInvariant()}' action on server '{serverId}' while it is in '{state.ToString().ToUpperInvariant()}' state.")
{
    public long ServerId { get; } = serverId;

    public ServerAction Action { get; } = action;

    public OperState State { get; } = state;
}
