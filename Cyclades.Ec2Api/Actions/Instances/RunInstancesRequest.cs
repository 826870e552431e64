using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Logic.Servers;

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

    [Ec2Parameter("ClientToken", MaxLength = ClientTokens.MaxBoundLength)]
    public string? ClientToken { get; init; }

    [Ec2Parameter("Monitoring")]
    public MonitoringParameter? Monitoring { get; init; }

    [Ec2Parameter("DisableApiTermination")]
    public bool? DisableApiTermination { get; init; }

    [Ec2Parameter("DisableApiStop")]
    public bool? DisableApiStop { get; init; }

    [Ec2Parameter("HibernationOptions")]
    public HibernationOptionsParameter? HibernationOptions { get; init; }

    [Ec2Parameter("CreditSpecification")]
    public CreditSpecificationParameter? CreditSpecification { get; init; }

    [Ec2Parameter("MetadataOptions")]
    public MetadataOptionsParameter? MetadataOptions { get; init; }

    [Ec2Parameter("PrivateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    [Ec2Parameter("EbsOptimized")]
    public bool? EbsOptimized { get; init; }

    [Ec2Parameter("InstanceInitiatedShutdownBehavior")]
    public string? InstanceInitiatedShutdownBehavior { get; init; }

    [Ec2Parameter("SubnetId")]
    public string? SubnetId { get; init; }

    [Ec2Parameter("NetworkInterface", MaxItems = 8)]
    public IReadOnlyList<NetworkInterfaceParameter> NetworkInterfaces { get; init; } = [];

    [Ec2Parameter("SecurityGroupId")]
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    [Ec2Parameter("SecurityGroup")]
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    [Ec2Parameter("BlockDeviceMapping", MaxItems = 16)]
    public IReadOnlyList<BlockDeviceMappingParameter> BlockDeviceMappings { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }

    /// <summary>What was asked that this cloud does not offer (refused rather than ignored); null if nothing.</summary>
    public Ec2Exception? Unsupported() => this switch
    {
        { Monitoring.Enabled: true } => Ec2Errors.UnsupportedOperation("Detailed monitoring is not supported by this endpoint."),
        { HibernationOptions.Configured: true } => Ec2Errors.UnsupportedHibernationConfiguration(),
        { CreditSpecification.CpuCredits: InstanceFacts.UnlimitedCpuCredits } =>
            Ec2Errors.UnsupportedOperation("Unlimited CPU credits are not supported by this endpoint: every instance has standard credits."),
        { MetadataOptions.HttpProtocolIpv6: MetadataOptionsParameter.Enabled } =>
            Ec2Errors.UnsupportedOperation("The IPv6 metadata endpoint is not supported by this endpoint."),
        { NetworkInterfaces.Count: > 0 } when NetworkInterfaces.All(e => e.DeviceIndex != 0) =>
            Ec2Errors.UnsupportedOperation("When specifying network interfaces, you must include a device at index 0."),
        { NetworkInterfaces.Count: > 1 } => Ec2Errors.UnsupportedOperation(
            "An instance has one network interface at launch on this endpoint (DescribeInstanceTypes: MaximumNetworkInterfaces)."),
        _ when NetworkInterfaces.Any(e => e.NetworkInterfaceId is not null) =>
            Ec2Errors.UnsupportedOperation("Launching with an existing network interface is not supported by this endpoint."),
        _ when NetworkInterfaces.Any(e => e.AsksForSecondaryAddresses) =>
            Ec2Errors.UnsupportedOperation("Secondary private IP addresses are not supported by this endpoint."),
        { Placement.Tenancy: not (null or InstanceFacts.Tenancy) } => Ec2Errors.UnsupportedOperation($"Tenancy '{Placement.Tenancy}' is not supported by this endpoint."),
        _ => null,
    };

    /// <summary>The core's settings for what this request asks.</summary>
    public ServerSettings Settings() => new()
    {
        DestroyProtected = DisableApiTermination ?? false,
        StopProtected = DisableApiStop ?? false,
        GuestShutdown = ShutdownBehaviors.ToAction(InstanceInitiatedShutdownBehavior ?? ShutdownBehaviors.Stop),
        IoOptimized = EbsOptimized ?? false,
        Metadata = MetadataOptions?.Apply(MetadataService.Default) ?? MetadataService.Default,
    };
}

public sealed class PlacementParameter
{
    [Ec2Parameter("AvailabilityZone")]
    public string? AvailabilityZone { get; init; }

    [Ec2Parameter("Tenancy")]
    public string? Tenancy { get; init; }
}

public sealed class HibernationOptionsParameter
{
    [Ec2Parameter("Configured")]
    public bool Configured { get; init; }
}

public sealed class CreditSpecificationParameter
{
    [Ec2Parameter("CpuCredits", Required = true)]
    public string CpuCredits { get; init; } = "";
}

/// <summary>The model's <c>InstanceMetadataOptionsRequest</c> (RunInstances) and ModifyInstanceMetadataOptions' members.</summary>
public sealed class MetadataOptionsParameter
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
    public const string Required = "required";
    public const string Optional = "optional";

    [Ec2Parameter("HttpTokens")]
    public string? HttpTokens { get; init; }

    [Ec2Parameter("HttpPutResponseHopLimit")]
    public int? HttpPutResponseHopLimit { get; init; }

    [Ec2Parameter("HttpEndpoint")]
    public string? HttpEndpoint { get; init; }

    [Ec2Parameter("HttpProtocolIpv6")]
    public string? HttpProtocolIpv6 { get; init; }

    [Ec2Parameter("InstanceMetadataTags")]
    public string? InstanceMetadataTags { get; init; }

    /// <summary>The service with what was given changed.</summary>
    public MetadataService Apply(MetadataService current) => current with
    {
        Enabled = HttpEndpoint is null ? current.Enabled : HttpEndpoint == Enabled,
        TokensRequired = HttpTokens is null ? current.TokensRequired : HttpTokens == Required,
        HopLimit = HttpPutResponseHopLimit ?? current.HopLimit,
        ExposesTags = InstanceMetadataTags is null ? current.ExposesTags : InstanceMetadataTags == Enabled,
    };
}

public sealed class MonitoringParameter
{
    [Ec2Parameter("Enabled", Required = true)]
    public bool Enabled { get; init; }
}
