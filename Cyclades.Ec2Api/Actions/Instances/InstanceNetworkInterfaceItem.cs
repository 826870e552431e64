using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// The model's <c>InstanceNetworkInterface</c>: one of the instance's ports (NICs), as DescribeInstances
/// shows it (no allocation or association ids here, unlike DescribeNetworkInterfaces).
/// </summary>
public sealed class InstanceNetworkInterfaceItem
{
    public const string InUse = "in-use";

    [Ec2Element("networkInterfaceId")]
    public required string NetworkInterfaceId { get; init; }

    [Ec2Element("subnetId")]
    public required string SubnetId { get; init; }

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("description")]
    public required string Description { get; init; }

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("status")]
    public string Status { get; init; } = InUse;

    [Ec2Element("macAddress")]
    public string? MacAddress { get; init; }

    [Ec2Element("privateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    [Ec2Element("privateDnsName")]
    public required string PrivateDnsName { get; init; }

    [Ec2Element("sourceDestCheck")]
    public required bool SourceDestCheck { get; init; }

    [Ec2Element("groupSet")]
    public IReadOnlyList<GroupIdentifierItem> Groups { get; init; } = [];

    [Ec2Element("attachment")]
    public required InstanceNetworkInterfaceAttachmentItem Attachment { get; init; }

    [Ec2Element("association")]
    public InstanceNetworkInterfaceAssociationItem? Association { get; init; }

    [Ec2Element("privateIpAddressesSet")]
    public required IReadOnlyList<InstancePrivateIpAddressItem> PrivateIpAddresses { get; init; }

    [Ec2Element("ipv6AddressesSet")]
    public IReadOnlyList<InstanceIpv6AddressItem> Ipv6Addresses { get; init; } = [];

    [Ec2Element("interfaceType")]
    public string InterfaceType { get; init; } = "interface";
}

public sealed class InstanceNetworkInterfaceAttachmentItem
{
    public const string Attached = "attached";

    [Ec2Element("attachmentId")]
    public required string AttachmentId { get; init; }

    [Ec2Element("deviceIndex")]
    public required int DeviceIndex { get; init; }

    [Ec2Element("networkCardIndex")]
    public int NetworkCardIndex { get; init; }

    [Ec2Element("status")]
    public string Status { get; init; } = Attached;

    [Ec2Element("attachTime")]
    public required DateTimeOffset AttachTime { get; init; }

    [Ec2Element("deleteOnTermination")]
    public required bool DeleteOnTermination { get; init; }
}

/// <summary>
/// The Elastic IP an interface carries, as the instance's view shows it: its allocation and association ids are
/// not in the model's element, only in the filters (internal, so not written).
/// </summary>
public sealed class InstanceNetworkInterfaceAssociationItem
{
    [Ec2Element("publicIp")]
    public required string PublicIp { get; init; }

    [Ec2Element("publicDnsName")]
    public string PublicDnsName { get; init; } = "";

    [Ec2Element("ipOwnerId")]
    public required string IpOwnerId { get; init; }

    internal string? AllocationId { get; init; }

    internal string? AssociationId { get; init; }
}

public sealed class InstancePrivateIpAddressItem
{
    [Ec2Element("privateIpAddress")]
    public required string PrivateIpAddress { get; init; }

    [Ec2Element("privateDnsName")]
    public required string PrivateDnsName { get; init; }

    [Ec2Element("primary")]
    public required bool Primary { get; init; }
}

/// <summary>No interface has IPv6 here: the set is always empty.</summary>
public sealed class InstanceIpv6AddressItem
{
    [Ec2Element("ipv6Address")]
    public required string Ipv6Address { get; init; }
}
