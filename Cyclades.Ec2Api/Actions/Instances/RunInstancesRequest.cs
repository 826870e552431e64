using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Instances;

public sealed class RunInstancesRequest : Ec2Request, ISupportsDryRun
{
    /// <summary>EC2's default instance type.</summary>
    public const string DefaultInstanceType = "m1.small";

    [Ec2Parameter("ImageId", Required = true)]
    public string ImageId { get; init; } = "";

    [Ec2Parameter("InstanceType")]
    public string? InstanceType { get; init; }

    [Ec2Parameter("MinCount", Required = true)]
    public int MinCount { get; init; }

    [Ec2Parameter("MaxCount", Required = true)]
    public int MaxCount { get; init; }

    [Ec2Parameter("KeyName")]
    public string? KeyName { get; init; }

    /// <summary>Base64, as the SDKs send it; decoded at most 16 KiB.</summary>
    [Ec2Parameter("UserData", MaxLength = 65536)]
    public string? UserData { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("Placement")]
    public PlacementParameter? Placement { get; init; }

    [Ec2Parameter("ClientToken", MaxLength = 1024)]
    public string? ClientToken { get; init; }

    [Ec2Parameter("Monitoring")]
    public MonitoringParameter? Monitoring { get; init; }

    [Ec2Parameter("DisableApiTermination")]
    public bool? DisableApiTermination { get; init; }

    [Ec2Parameter("EbsOptimized")]
    public bool? EbsOptimized { get; init; }

    [Ec2Parameter("InstanceInitiatedShutdownBehavior")]
    public string? InstanceInitiatedShutdownBehavior { get; init; }

    [Ec2Parameter("SecurityGroupId")]
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    [Ec2Parameter("SecurityGroup")]
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }

    /// <summary>What was asked that this cloud does not offer (refused rather than ignored); null if nothing.</summary>
    public string? Unsupported() => this switch
    {
        { Monitoring.Enabled: true } => "Detailed monitoring is not supported by this endpoint.",
        { DisableApiTermination: true } => "Termination protection is not supported by this endpoint.",
        { EbsOptimized: true } => "EBS optimization is not supported by this endpoint.",
        { InstanceInitiatedShutdownBehavior: "terminate" } => "Terminating instances on shutdown is not supported by this endpoint.",
        { SecurityGroupIds.Count: > 0 } or { SecurityGroups.Count: > 0 } => "Security groups are not supported by this endpoint.",
        { Placement.Tenancy: not (null or InstanceFacts.Tenancy) } => $"Tenancy '{Placement.Tenancy}' is not supported by this endpoint.",
        _ => null,
    };
}

public sealed class PlacementParameter
{
    [Ec2Parameter("AvailabilityZone")]
    public string? AvailabilityZone { get; init; }

    [Ec2Parameter("Tenancy")]
    public string? Tenancy { get; init; }
}

public sealed class MonitoringParameter
{
    [Ec2Parameter("Enabled", Required = true)]
    public bool Enabled { get; init; }
}
