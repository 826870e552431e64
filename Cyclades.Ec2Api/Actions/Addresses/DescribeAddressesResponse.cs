using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class DescribeAddressesResponse : Ec2Response
{
    [Ec2Element("addressesSet")]
    public required IReadOnlyList<AddressItem> Addresses { get; init; }
}

/// <summary>The model's <c>Address</c>; the association members only while the address is associated.</summary>
public sealed class AddressItem
{
    public const string VpcDomain = "vpc";

    /// <summary>Where the addresses come from: the cloud's public subnets (AWS says <c>amazon</c>).</summary>
    public const string Pool = "cyclades";

    [Ec2Element("publicIp")]
    public required string PublicIp { get; init; }

    [Ec2Element("allocationId")]
    public required string AllocationId { get; init; }

    [Ec2Element("domain")]
    public string Domain { get; init; } = VpcDomain;

    [Ec2Element("associationId")]
    public string? AssociationId { get; init; }

    [Ec2Element("instanceId")]
    public string? InstanceId { get; init; }

    [Ec2Element("networkInterfaceId")]
    public string? NetworkInterfaceId { get; init; }

    [Ec2Element("networkInterfaceOwnerId")]
    public string? NetworkInterfaceOwnerId { get; init; }

    [Ec2Element("privateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("publicIpv4Pool")]
    public string PublicIpv4Pool { get; init; } = Pool;

    [Ec2Element("networkBorderGroup")]
    public required string NetworkBorderGroup { get; init; }
}
