using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Volumes;

public sealed class CreateVolumeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("AvailabilityZone")]
    public string? AvailabilityZone { get; init; }

    [Ec2Parameter("Size")]
    public int? Size { get; init; }

    [Ec2Parameter("VolumeType")]
    public string? VolumeType { get; init; }

    [Ec2Parameter("SnapshotId")]
    public string? SnapshotId { get; init; }

    [Ec2Parameter("Iops")]
    public int? Iops { get; init; }

    [Ec2Parameter("Throughput")]
    public int? Throughput { get; init; }

    [Ec2Parameter("Encrypted")]
    public bool? Encrypted { get; init; }

    [Ec2Parameter("MultiAttachEnabled")]
    public bool? MultiAttachEnabled { get; init; }

    /// <summary>A retry with the same token and parameters gets the volume the first request made.</summary>
    [Ec2Parameter("ClientToken", MaxLength = ClientTokens.MaxBoundLength)]
    public string? ClientToken { get; init; }

    [Ec2Parameter("TagSpecification")]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class DescribeVolumesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("VolumeId")]
    public IReadOnlyList<string> VolumeIds { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken")]
    public string? NextToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class AttachVolumeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("Device")]
    public string? Device { get; init; }

    [Ec2Parameter("InstanceId")]
    public string? InstanceId { get; init; }

    [Ec2Parameter("VolumeId")]
    public string? VolumeId { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class DetachVolumeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("VolumeId")]
    public string? VolumeId { get; init; }

    [Ec2Parameter("InstanceId")]
    public string? InstanceId { get; init; }

    [Ec2Parameter("Device")]
    public string? Device { get; init; }

    [Ec2Parameter("Force")]
    public bool Force { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class DeleteVolumeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("VolumeId")]
    public string? VolumeId { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
