namespace Cyclades.Logic.Volumes;

/// <summary>A volume's life (Synnefo's volume statuses).</summary>
public enum VolumeStatus
{
    /// <summary>Being made: with its server's create job, or added to a server.</summary>
    Creating,

    /// <summary>Exists and is attached to no server.</summary>
    Available,

    /// <summary>Being attached to a server.</summary>
    Attaching,

    /// <summary>A disk of its server.</summary>
    InUse,

    /// <summary>Being detached from its server.</summary>
    Detaching,

    /// <summary>Being removed.</summary>
    Deleting,

    /// <summary>Gone; its size is no longer counted.</summary>
    Deleted,

    /// <summary>The cluster failed to make or change it.</summary>
    Error,
}

/// <summary>Statuses as stored (Synnefo's names: <c>IN_USE</c>).</summary>
internal static class VolumeStatusNames
{
    public static string ToDb(this VolumeStatus status) => status == VolumeStatus.InUse ? "IN_USE" : status.ToString().ToUpperInvariant();

    public static VolumeStatus ParseStatus(string stored) =>
        Enum.Parse<VolumeStatus>(stored.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
