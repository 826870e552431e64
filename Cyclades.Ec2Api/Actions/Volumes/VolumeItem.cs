using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>The model's <c>Volume</c>; <c>encrypted</c>, <c>multiAttachEnabled</c> and <c>createTime</c> always (tools index them).</summary>
public sealed class VolumeItem
{
    [Ec2Element("volumeId")]
    public required string VolumeId { get; init; }

    [Ec2Element("size")]
    public required int Size { get; init; }

    [Ec2Element("snapshotId")]
    public string SnapshotId { get; init; } = "";

    [Ec2Element("availabilityZone")]
    public required string AvailabilityZone { get; init; }

    [Ec2Element("status")]
    public required string Status { get; init; }

    [Ec2Element("createTime")]
    public required DateTimeOffset CreateTime { get; init; }

    [Ec2Element("attachmentSet")]
    public required IReadOnlyList<VolumeAttachmentItem> Attachments { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("volumeType")]
    public required string VolumeType { get; init; }

    [Ec2Element("encrypted")]
    public bool Encrypted { get; init; }

    [Ec2Element("multiAttachEnabled")]
    public bool MultiAttachEnabled { get; init; }

    public static string TypeOf(VolumeView view) => view.TypeLabel ?? "standard";

    public static VolumeItem From(VolumeView view, IEnumerable<Tag> tags, string? status = null) => new()
    {
        VolumeId = VolumeIds.Of(view.Volume.Id),
        Size = view.Volume.SizeGiB,
        AvailabilityZone = view.Zone,
        Status = status ?? VolumeStates.Of(view.Volume.Status),
        CreateTime = view.Volume.CreatedAt,
        Attachments = view.Volume.ServerId is null ? [] : [VolumeAttachmentItem.From(view.Volume)],
        Tags = TagItem.From(tags),
        VolumeType = TypeOf(view),
    };

    public static TaggedResource Resource(long volumeId) => VolumeCommands.ResourceOf(volumeId);
}

/// <summary>The model's <c>VolumeAttachment</c> (also AttachVolume's and DetachVolume's answer).</summary>
public class VolumeAttachmentItem
{
    [Ec2Element("volumeId")]
    public required string VolumeId { get; init; }

    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("device")]
    public required string Device { get; init; }

    [Ec2Element("status")]
    public required string Status { get; init; }

    [Ec2Element("attachTime")]
    public required DateTimeOffset AttachTime { get; init; }

    [Ec2Element("deleteOnTermination")]
    public required bool DeleteOnTermination { get; init; }

    public static VolumeAttachmentItem From(Volume volume) => new()
    {
        VolumeId = VolumeIds.Of(volume.Id),
        InstanceId = InstanceIds.Of(volume.ServerId!.Value),
        Device = volume.DeviceName ?? (volume.DiskIndex == 0 ? InstanceFacts.RootDeviceName : $"/dev/sd{(char)('a' + (volume.DiskIndex ?? 0))}"),
        Status = VolumeStates.AttachmentOf(volume.Status),
        AttachTime = volume.AttachedAt ?? volume.UpdatedAt,
        DeleteOnTermination = volume.DeleteOnTermination,
    };
}
