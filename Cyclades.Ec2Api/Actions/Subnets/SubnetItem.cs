using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Subnets;

/// <summary>
/// The model's <c>Subnet</c>, every boolean always present (Ansible indexes <c>map_public_ip_on_launch</c>
/// and waits for <c>assign_ipv6_address_on_creation == false</c>).
/// </summary>
public sealed class SubnetItem
{
    [Ec2Element("subnetId")]
    public required string SubnetId { get; init; }

    [Ec2Element("subnetArn")]
    public required string SubnetArn { get; init; }

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("state")]
    public string State { get; init; } = VpcItem.Available;

    [Ec2Element("cidrBlock")]
    public required string CidrBlock { get; init; }

    [Ec2Element("availableIpAddressCount")]
    public required long AvailableIpAddressCount { get; init; }

    [Ec2Element("availabilityZone")]
    public required string AvailabilityZone { get; init; }

    [Ec2Element("availabilityZoneId")]
    public required string AvailabilityZoneId { get; init; }

    [Ec2Element("defaultForAz")]
    public required bool DefaultForAz { get; init; }

    [Ec2Element("mapPublicIpOnLaunch")]
    public required bool MapPublicIpOnLaunch { get; init; }

    [Ec2Element("assignIpv6AddressOnCreation")]
    public bool AssignIpv6AddressOnCreation { get; init; }

    [Ec2Element("ipv6CidrBlockAssociationSet")]
    public IReadOnlyList<SubnetIpv6CidrBlockAssociationItem> Ipv6CidrBlockAssociations { get; init; } = [];

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("enableDns64")]
    public bool EnableDns64 { get; init; }

    [Ec2Element("ipv6Native")]
    public bool Ipv6Native { get; init; }

    [Ec2Element("mapCustomerOwnedIpOnLaunch")]
    public bool MapCustomerOwnedIpOnLaunch { get; init; }

    [Ec2Element("privateDnsNameOptionsOnLaunch")]
    public PrivateDnsNameOptionsItem PrivateDnsNameOptionsOnLaunch { get; init; } = new();

    public static SubnetItem From(SubnetView view, string region, string ownerId, IEnumerable<Tag> tags)
    {
        var subnetId = SubnetIds.Of(view.Subnet.Id);
        return new SubnetItem
        {
            SubnetId = subnetId,
            SubnetArn = $"arn:aws:ec2:{region}:{ownerId}:subnet/{subnetId}",
            VpcId = VpcIds.Of(view.NetworkId),
            CidrBlock = view.Subnet.Cidr,
            AvailableIpAddressCount = view.AvailableAddresses,
            AvailabilityZone = view.BackendName,
            AvailabilityZoneId = AvailabilityZoneCatalog.IdOf(region, view.Subnet.BackendId),
            DefaultForAz = view.IsDefaultForBackend,
            MapPublicIpOnLaunch = view.Subnet.AutoPublicAddress,
            OwnerId = ownerId,
            Tags = TagItem.From(tags),
        };
    }
}

/// <summary>No subnet has IPv6 here: the set is always empty.</summary>
public sealed class SubnetIpv6CidrBlockAssociationItem
{
    [Ec2Element("associationId")]
    public required string AssociationId { get; init; }

    [Ec2Element("ipv6CidrBlock")]
    public required string Ipv6CidrBlock { get; init; }
}

