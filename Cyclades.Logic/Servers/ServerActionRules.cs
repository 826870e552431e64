using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Which action may be asked of a server in which state: Synnefo's <c>validate_server_action</c>
/// as shipped from 0.15 on (reference §3.3/3.4). The order of the checks decides which error wins.
/// </summary>
public static class ServerActionRules
{
    public static void EnsureAllowed(Server server, ServerAction action)
    {
        if (action == ServerAction.Build)
        {
            throw new ArgumentOutOfRangeException(nameof(action), "BUILD is not a command on an existing server.");
        }
        if (server.Deleted)
        {
            throw new ServerDeletedException(server.Id);
        }
        if (action == ServerAction.Destroy)
        {
            // A task whose job is still being submitted is not replaced: its job could reach the cluster after ours.
            if (server.Task is { JobId: null, Action: not ServerAction.Build } submitting)
            {
                throw new PendingTaskException(server.Id, action, submitting.Action);
            }
            return;
        }
        if (server.Task is { } task)
        {
            throw task.Action == ServerAction.Build
                ? new ServerBuildingException(server.Id)
                : new PendingTaskException(server.Id, action, task.Action);
        }
        if (server.OperState == OperState.Error)
        {
            throw new InvalidServerStateException(server.Id, action, server.OperState);
        }
        if (server.OperState == OperState.Build)
        {
            throw new ServerBuildingException(server.Id);
        }
        if (!IsAllowedFrom(action, server.OperState))
        {
            throw new InvalidServerStateException(server.Id, action, server.OperState);
        }
    }

    private static bool IsAllowedFrom(ServerAction action, OperState state) => action switch
    {
        ServerAction.Start => state == OperState.Stopped,
        ServerAction.Stop => state == OperState.Started,
        ServerAction.Resize => state == OperState.Stopped,
        // The cluster's reboot starts a stopped instance.
        ServerAction.Reboot => state is OperState.Started or OperState.Stopped,
        _ => false,
    };
}
