using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Volumes;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>An instance's volumes as its <c>blockDeviceMapping</c>, under the device names the user gave.</summary>
public static class InstanceBlockDevices
{
    public static IReadOnlyList<BlockDeviceMappingItem> Of(ServerView view) =>
        view.Volumes.Select(v => new BlockDeviceMappingItem
        {
            DeviceName = DeviceNameOf(v),
            Ebs = new EbsInstanceBlockDeviceItem
            {
                VolumeId = VolumeIds.Of(v.Id),
                Status = AttachmentStatus(v.Status),
                AttachTime = v.AttachedAt ?? v.CreatedAt,
                DeleteOnTermination = v.DeleteOnTermination,
            },
        }).ToList();

    /// <summary>The root volume's device name (the image's root device unless the launch named it otherwise).</summary>
    public static string RootDeviceName(ServerView view) =>
        view.Volumes.FirstOrDefault(v => v.IsRoot) is { } root ? DeviceNameOf(root) : InstanceFacts.RootDeviceName;

    /// <summary>The name as given; volumes given none (made before volumes had names) show a default.</summary>
    public static string DeviceNameOf(Volume volume) =>
        volume.DeviceName ?? DeviceNames.Default(volume.DiskIndex ?? 0, InstanceFacts.RootDeviceName);

    private static string AttachmentStatus(VolumeStatus status) => status switch
    {
        VolumeStatus.Creating or VolumeStatus.Attaching => "attaching",
        VolumeStatus.Detaching or VolumeStatus.Deleting => "detaching",
        _ => "attached",
    };
}

/// <summary>The model's <c>InstanceBlockDeviceMapping</c>: one of the instance's volumes.</summary>
public sealed class BlockDeviceMappingItem
{
    [Ec2Element("deviceName")]
    public required string DeviceName { get; init; }

    [Ec2Element("ebs")]
    public required EbsInstanceBlockDeviceItem Ebs { get; init; }
}

/// <summary>The model's <c>EbsInstanceBlockDevice</c>.</summary>
public sealed class EbsInstanceBlockDeviceItem
{
    [Ec2Element("volumeId")]
    public required string VolumeId { get; init; }

    /// <summary><c>attaching</c>, <c>attached</c>, <c>detaching</c>.</summary>
    [Ec2Element("status")]
    public required string Status { get; init; }

    [Ec2Element("attachTime")]
    public required DateTimeOffset AttachTime { get; init; }

    [Ec2Element("deleteOnTermination")]
    public required bool DeleteOnTermination { get; init; }
}
