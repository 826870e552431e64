using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Servers;

public static class ServerActionOperations
{
    /// <summary>The cluster operation that carries out an action (the job a task waits for).</summary>
    public static ServerOperation ToOperation(this ServerAction action) => action switch
    {
        ServerAction.Build => ServerOperation.Create,
        ServerAction.Start => ServerOperation.Start,
        ServerAction.Stop => ServerOperation.Stop,
        ServerAction.Reboot => ServerOperation.Reboot,
        ServerAction.Resize => ServerOperation.Modify,
        ServerAction.Destroy => ServerOperation.Destroy,
        ServerAction.Export => ServerOperation.Export,
        ServerAction.AttachVolume => ServerOperation.AttachDisk,
        ServerAction.DetachVolume => ServerOperation.DetachDisk,
        ServerAction.GrowVolume => ServerOperation.GrowDisk,
        ServerAction.ConnectPort => ServerOperation.AddNic,
        ServerAction.DisconnectPort => ServerOperation.RemoveNic,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
