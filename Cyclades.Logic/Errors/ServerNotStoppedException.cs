using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Errors;

/// <summary>The change needs the server stopped (its user data, read at boot).</summary>
public sealed class ServerNotStoppedException(long serverId, OperState state)
    : DomainException($"Server '{serverId}' must be stopped for this change (it is {state.ToString().ToUpperInvariant()}).")
{
    public long ServerId { get; } = serverId;

    public OperState State { get; } = state;
}
