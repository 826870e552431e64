using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>The model's <c>NetworkInterface</c>: a port as DescribeNetworkInterfaces shows it.</summary>
public sealed class NetworkInterfaceItem
{
    public const string Available = "available";
    public const string InUse = "in-use";

    [Ec2Element("networkInterfaceId")]
    public required string NetworkInterfaceId { get; init; }

    [Ec2Element("subnetId")]
    public required string SubnetId { get; init; }

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("availabilityZone")]
    public required string AvailabilityZone { get; init; }

    [Ec2Element("availabilityZoneId")]
    public required string AvailabilityZoneId { get; init; }

    [Ec2Element("description")]
    public required string Description { get; init; }

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("requesterManaged")]
    public bool RequesterManaged { get; init; }

    [Ec2Element("status")]
    public required string Status { get; init; }

    [Ec2Element("macAddress")]
    public string? MacAddress { get; init; }

    [Ec2Element("privateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    [Ec2Element("privateDnsName")]
    public required string PrivateDnsName { get; init; }

    [Ec2Element("sourceDestCheck")]
    public required bool SourceDestCheck { get; init; }

    [Ec2Element("groupSet")]
    public required IReadOnlyList<GroupIdentifierItem> Groups { get; init; }

    [Ec2Element("attachment")]
    public NetworkInterfaceAttachmentItem? Attachment { get; init; }

    [Ec2Element("association")]
    public NetworkInterfaceAssociationItem? Association { get; init; }

    [Ec2Element("privateIpAddressesSet")]
    public required IReadOnlyList<NetworkInterfacePrivateIpAddressItem> PrivateIpAddresses { get; init; }

    [Ec2Element("ipv6AddressesSet")]
    public IReadOnlyList<InstanceIpv6AddressItem> Ipv6Addresses { get; init; } = [];

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("interfaceType")]
    public string InterfaceType { get; init; } = "interface";
}

public sealed class NetworkInterfaceAttachmentItem
{
    [Ec2Element("attachmentId")]
    public required string AttachmentId { get; init; }

    [Ec2Element("instanceId")]
    public required string InstanceId { get; init; }

    [Ec2Element("instanceOwnerId")]
    public required string InstanceOwnerId { get; init; }

    [Ec2Element("deviceIndex")]
    public required int DeviceIndex { get; init; }

    [Ec2Element("networkCardIndex")]
    public int NetworkCardIndex { get; init; }

    [Ec2Element("status")]
    public required string Status { get; init; }

    [Ec2Element("attachTime")]
    public required DateTimeOffset AttachTime { get; init; }

    [Ec2Element("deleteOnTermination")]
    public required bool DeleteOnTermination { get; init; }
}

/// <summary>The Elastic IP an interface carries (here: the floating IP whose port it is).</summary>
public sealed class NetworkInterfaceAssociationItem
{
    [Ec2Element("publicIp")]
    public required string PublicIp { get; init; }

    [Ec2Element("publicDnsName")]
    public string PublicDnsName { get; init; } = "";

    [Ec2Element("ipOwnerId")]
    public required string IpOwnerId { get; init; }

    [Ec2Element("allocationId")]
    public required string AllocationId { get; init; }

    [Ec2Element("associationId")]
    public required string AssociationId { get; init; }
}

public sealed class NetworkInterfacePrivateIpAddressItem
{
    [Ec2Element("privateIpAddress")]
    public required string PrivateIpAddress { get; init; }

    [Ec2Element("privateDnsName")]
    public required string PrivateDnsName { get; init; }

    [Ec2Element("primary")]
    public bool Primary { get; init; } = true;

    [Ec2Element("association")]
    public NetworkInterfaceAssociationItem? Association { get; init; }
}
