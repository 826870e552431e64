using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers;

/// <summary>The cluster did not finish a server's task within the configured wait; the task goes on.</summary>
public sealed class TaskWaitTimeoutException(long serverId, ServerAction pendingTask, TimeSpan waited)
    : DomainException($"Server '{serverId}': the '{pendingTask.ToString().ToUpperInvariant()}' task did not finish within {waited.TotalSeconds:0.###} s.")
{
    public long ServerId { get; } = serverId;

    public ServerAction PendingTask { get; } = pendingTask;
}
