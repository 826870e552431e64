

using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Which volume (and NIC) action a server allows in which state (no task pending; a task refuses all of them).
/// Ganeti adds, attaches and detaches disks of running instances as configuration changes (hot-plugged
/// where the hypervisor can, else seen by the guest at its next start) and grows running disks;
/// Synnefo's matrix allows the same with hotplug. The root volume leaves only a stopped server. NICs
/// are added and removed the same way (Servers/NicCommands).
/// </summary>
public static class VolumeActionRules
{
    private static readonly Dictionary<ServerAction, OperState[]> Allowed = new()
    {
        [ServerAction.AttachVolume] = [OperState.Started, OperState.Stopped],
        [ServerAction.DetachVolume] = [OperState.Started, OperState.Stopped],
        [ServerAction.GrowVolume] = [OperState.Started, OperState.Stopped],
        [ServerAction.ConnectPort] = [OperState.Started, OperState.Stopped],
        [ServerAction.DisconnectPort] = [OperState.Started, OperState.Stopped],
    };

    /// <exception cref="Errors.ServerDeletedException"/>
    /// <exception cref="PendingTaskException"/>
    /// <exception cref="InvalidServerStateException"/>
    public static void EnsureAllowed(Server server, ServerAction action, bool rootVolume = false)
    {
        if (server.Deleted)
        {
            throw new Errors.ServerDeletedException(server.Id);
        }
        if (server.Task is { } task)
        {
            throw new PendingTaskException(server.Id, action, task.Action);
        }
        var states = rootVolume && action == ServerAction.DetachVolume ? [OperState.Stopped] : Allowed[action];
        if (!states.Contains(server.OperState))
        {
            throw new InvalidServerStateException(server.Id, action, server.OperState);
        }
    }
}
