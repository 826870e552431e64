namespace Cyclades.Logic.Servers;

/// <summary>Why a server's destroy was requested rather than run at once (<see cref="Server.DestroyRequestedAt"/>); kept once it is destroyed.</summary>
public enum DestroyReason
{
    /// <summary>Its owner asked while the create job ran.</summary>
    Owner,

    /// <summary>Its create failed (<see cref="ServerOptions.DestroyFailedBuilds"/>).</summary>
    FailedBuild,

    /// <summary>It was shut down by nobody's command and its owner chose <see cref="GuestShutdownAction.Destroy"/>.</summary>
    GuestShutdown,
}
