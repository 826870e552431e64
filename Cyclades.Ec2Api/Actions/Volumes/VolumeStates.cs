using Cyclades.Logic.Volumes;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>Volume and attachment states as EC2 names them (ec2-networking-storage.md §6.1; synnefo-networks-volumes.md §6.6).</summary>
public static class VolumeStates
{
    public static string Of(VolumeStatus status) => status switch
    {
        VolumeStatus.Creating => "creating",
        VolumeStatus.Available => "available",
        VolumeStatus.Attaching or VolumeStatus.InUse or VolumeStatus.Detaching => "in-use",
        VolumeStatus.Deleting => "deleting",
        VolumeStatus.Deleted => "deleted",
        _ => "error",
    };

    public static string AttachmentOf(VolumeStatus status) => status switch
    {
        VolumeStatus.Attaching => "attaching",
        VolumeStatus.Detaching => "detaching",
        _ => "attached",
    };
}
