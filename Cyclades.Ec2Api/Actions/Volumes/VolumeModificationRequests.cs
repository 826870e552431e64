using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Volumes;

public sealed class ModifyVolumeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("VolumeId")]
    public string? VolumeId { get; init; }

    [Ec2Parameter("Size")]
    public int? Size { get; init; }

    [Ec2Parameter("VolumeType")]
    public string? VolumeType { get; init; }

    [Ec2Parameter("Iops")]
    public int? Iops { get; init; }

    [Ec2Parameter("Throughput")]
    public int? Throughput { get; init; }

    [Ec2Parameter("MultiAttachEnabled")]
    public bool? MultiAttachEnabled { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class DescribeVolumesModificationsRequest : Ec2Request, ISupportsDryRun
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

public sealed class DescribeVolumeStatusRequest : Ec2Request, ISupportsDryRun
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
