namespace Cyclades.Logic.Servers;

/// <summary>What can be asked of a server; the pending one is the server's task.</summary>
public enum ServerAction
{
    Build,
    Start,
    Stop,
    Reboot,
    Resize,
    Destroy,

    /// <summary>Copy the server's disks to its cluster's export store (an image is made from it).</summary>
    Export,

    /// <summary>A volume becomes a disk of the server (Volumes/VolumeCommands).</summary>
    AttachVolume,

    /// <summary>A volume leaves the server, kept.</summary>
    DetachVolume,

    /// <summary>One of the server's volumes grows.</summary>
    GrowVolume,

    /// <summary>A port becomes a NIC of the server (Servers/NicCommands: a port, or a floating IP's new port).</summary>
    ConnectPort,

    /// <summary>A port's NIC leaves the server.</summary>
    DisconnectPort,
}
