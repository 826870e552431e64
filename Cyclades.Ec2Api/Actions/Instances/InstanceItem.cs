using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The model's <c>Instance</c>, with every member our servers have something to say for.</summary>
public sealed class InstanceItem
{
    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("imageId")]
    public required string ImageId { get; init; }

    [Ec2Element("instanceState")]
    public required InstanceStateItem State { get; init; }

    [Ec2Element("privateDnsName")]
    public required string PrivateDnsName { get; init; }

    /// <summary>Empty: public addresses have no DNS names here.</summary>
    [Ec2Element("dnsName")]
    public string PublicDnsName { get; init; } = "";

    /// <summary>The Elastic IP the instance carries (the first, by device index, of its interfaces that hold one).</summary>
    [Ec2Element("ipAddress")]
    public string? PublicIpAddress { get; init; }

    [Ec2Element("reason")]
    public required string StateTransitionReason { get; init; }

    [Ec2Element("keyName")]
    public string? KeyName { get; init; }

    [Ec2Element("amiLaunchIndex")]
    public required int AmiLaunchIndex { get; init; }

    [Ec2Element("productCodes")]
    public IReadOnlyList<ProductCodeItem> ProductCodes { get; init; } = [];

    [Ec2Element("instanceType")]
    public required string InstanceType { get; init; }

    [Ec2Element("launchTime")]
    public required DateTimeOffset LaunchTime { get; init; }

    [Ec2Element("placement")]
    public required PlacementItem Placement { get; init; }

    [Ec2Element("monitoring")]
    public MonitoringItem Monitoring { get; init; } = new();

    [Ec2Element("subnetId")]
    public string? SubnetId { get; init; }

    [Ec2Element("vpcId")]
    public string? VpcId { get; init; }

    [Ec2Element("privateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    [Ec2Element("groupSet")]
    public IReadOnlyList<GroupIdentifierItem> SecurityGroups { get; init; } = [];

    [Ec2Element("stateReason")]
    public StateReasonItem? StateReason { get; init; }

    [Ec2Element("architecture")]
    public string Architecture { get; init; } = InstanceFacts.Architecture;

    [Ec2Element("rootDeviceType")]
    public string RootDeviceType { get; init; } = InstanceFacts.RootDeviceType;

    [Ec2Element("rootDeviceName")]
    public string RootDeviceName { get; init; } = InstanceFacts.RootDeviceName;

    [Ec2Element("blockDeviceMapping")]
    public IReadOnlyList<BlockDeviceMappingItem> BlockDeviceMappings { get; init; } = [];

    [Ec2Element("virtualizationType")]
    public string VirtualizationType { get; init; } = InstanceFacts.VirtualizationType;

    [Ec2Element("clientToken")]
    public required string ClientToken { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("hypervisor")]
    public string Hypervisor { get; init; } = InstanceFacts.Hypervisor;

    [Ec2Element("ebsOptimized")]
    public bool EbsOptimized { get; init; }

    [Ec2Element("sourceDestCheck")]
    public bool SourceDestCheck { get; init; } = true;

    [Ec2Element("networkInterfaceSet")]
    public IReadOnlyList<InstanceNetworkInterfaceItem> NetworkInterfaces { get; init; } = [];

    [Ec2Element("enaSupport")]
    public bool EnaSupport { get; init; }

    [Ec2Element("cpuOptions")]
    public required CpuOptionsItem CpuOptions { get; init; }

    [Ec2Element("platformDetails")]
    public string PlatformDetails { get; init; } = InstanceFacts.PlatformDetails;

    [Ec2Element("usageOperation")]
    public string UsageOperation { get; init; } = "RunInstances";

    [Ec2Element("bootMode")]
    public string BootMode { get; init; } = InstanceFacts.BootMode;

    [Ec2Element("currentInstanceBootMode")]
    public string CurrentInstanceBootMode { get; init; } = InstanceFacts.BootMode;

    [Ec2Element("capacityReservationSpecification")]
    public CapacityReservationSpecificationItem CapacityReservationSpecification { get; init; } = new();

    [Ec2Element("hibernationOptions")]
    public HibernationOptionsItem HibernationOptions { get; init; } = new();

    [Ec2Element("metadataOptions")]
    public required MetadataOptionsItem MetadataOptions { get; init; }

    [Ec2Element("enclaveOptions")]
    public EnclaveOptionsItem EnclaveOptions { get; init; } = new();

    [Ec2Element("maintenanceOptions")]
    public MaintenanceOptionsItem MaintenanceOptions { get; init; } = new();

    [Ec2Element("privateDnsNameOptions")]
    public PrivateDnsNameOptionsItem PrivateDnsNameOptions { get; init; } = new();
}

public sealed class StateReasonItem
{
    [Ec2Element("code")]
    public required string Code { get; init; }

    [Ec2Element("message")]
    public required string Message { get; init; }
}

public sealed class PlacementItem
{
    [Ec2Element("availabilityZoneId")]
    public required string AvailabilityZoneId { get; init; }

    [Ec2Element("groupName")]
    public string GroupName { get; init; } = "";

    [Ec2Element("tenancy")]
    public string Tenancy { get; init; } = InstanceFacts.Tenancy;

    [Ec2Element("availabilityZone")]
    public required string AvailabilityZone { get; init; }
}

public sealed class MonitoringItem
{
    [Ec2Element("state")]
    public string State { get; init; } = "disabled";
}

public sealed class CpuOptionsItem
{
    [Ec2Element("coreCount")]
    public required int CoreCount { get; init; }

    [Ec2Element("threadsPerCore")]
    public int ThreadsPerCore { get; init; } = 1;
}

/// <summary>The model's <c>GroupIdentifier</c>: a security group of an instance or interface.</summary>
public sealed class GroupIdentifierItem
{
    [Ec2Element("groupId")]
    public required string GroupId { get; init; }

    [Ec2Element("groupName")]
    public required string GroupName { get; init; }
}

public sealed class ProductCodeItem
{
    [Ec2Element("productCode")]
    public required string ProductCode { get; init; }
}
