using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>The output shape is <c>Volume</c> itself: its fields directly under the response; status <c>creating</c>, as AWS always answers.</summary>
public sealed class CreateVolumeResponse : Ec2Response
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
    public string Status { get; init; } = "creating";

    [Ec2Element("createTime")]
    public required DateTimeOffset CreateTime { get; init; }

    [Ec2Element("volumeType")]
    public required string VolumeType { get; init; }

    [Ec2Element("encrypted")]
    public bool Encrypted { get; init; }

    [Ec2Element("multiAttachEnabled")]
    public bool MultiAttachEnabled { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("attachmentSet")]
    public IReadOnlyList<VolumeAttachmentItem> Attachments { get; init; } = [];
}

public sealed class DescribeVolumesResponse : Ec2Response
{
    [Ec2Element("volumeSet")]
    public required IReadOnlyList<VolumeItem> Volumes { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

/// <summary>AttachVolume's and DetachVolume's answer: the attachment, top level.</summary>
public abstract class VolumeAttachmentResponse : Ec2Response
{
    [Ec2Element("volumeId")]
    public string VolumeId { get; init; } = "";

    [Ec2Element("instanceId")]
    public string InstanceId { get; init; } = "";

    [Ec2Element("device")]
    public string Device { get; init; } = "";

    [Ec2Element("status")]
    public string Status { get; init; } = "";

    [Ec2Element("attachTime")]
    public DateTimeOffset AttachTime { get; init; }

    [Ec2Element("deleteOnTermination")]
    public bool DeleteOnTermination { get; init; }

    public static T From<T>(VolumeAttachmentItem item)
        where T : VolumeAttachmentResponse, new() => new()
        {
            VolumeId = item.VolumeId, InstanceId = item.InstanceId, Device = item.Device, Status = item.Status,
            AttachTime = item.AttachTime, DeleteOnTermination = item.DeleteOnTermination,
        };
}

public sealed class AttachVolumeResponse : VolumeAttachmentResponse;

public sealed class DetachVolumeResponse : VolumeAttachmentResponse;



public sealed class ModifyVolumeResponse : Ec2Response
{
    [Ec2Element("volumeModification")]
    public required VolumeModificationItem VolumeModification { get; init; }
}

public sealed class DescribeVolumesModificationsResponse : Ec2Response
{
    [Ec2Element("volumeModificationSet")]
    public required IReadOnlyList<VolumeModificationItem> VolumeModifications { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

public sealed class DescribeVolumeStatusResponse : Ec2Response
{
    [Ec2Element("volumeStatusSet")]
    public required IReadOnlyList<VolumeStatusItem> VolumeStatuses { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
