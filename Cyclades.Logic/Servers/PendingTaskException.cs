using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers;

public sealed class PendingTaskException(long serverId, ServerAction action, ServerAction pendingTask)
    : DomainException($"Cannot perform '{action.ToString().ToUpperInvariant()}' action on server '{serverId}' while there is a pending '{pendingTask.ToString().ToUpperInvariant()}'.")
{
    public long ServerId { get; } = serverId;

    public ServerAction Action { get; } = action;

    public ServerAction PendingTask { get; } = pendingTask;
}
