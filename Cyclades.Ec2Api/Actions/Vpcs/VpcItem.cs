using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>
/// The model's <c>Vpc</c>. Every member tools index is always there: the primary CIDR's association
/// with its <c>cidrBlockState/state</c> (Terraform dereferences it), <c>isDefault</c>, the tenancy.
/// </summary>
public sealed class VpcItem
{
    public const string Available = "available";

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    [Ec2Element("state")]
    public required string State { get; init; }

    [Ec2Element("cidrBlock")]
    public required string CidrBlock { get; init; }

    [Ec2Element("dhcpOptionsId")]
    public required string DhcpOptionsId { get; init; }

    [Ec2Element("instanceTenancy")]
    public string InstanceTenancy { get; init; } = InstanceFacts.Tenancy;

    [Ec2Element("isDefault")]
    public required bool IsDefault { get; init; }

    [Ec2Element("cidrBlockAssociationSet")]
    public required IReadOnlyList<VpcCidrBlockAssociationItem> CidrBlockAssociations { get; init; }

    [Ec2Element("ipv6CidrBlockAssociationSet")]
    public IReadOnlyList<VpcIpv6CidrBlockAssociationItem> Ipv6CidrBlockAssociations { get; init; } = [];

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    public static VpcItem From(Network network, string ownerId, IEnumerable<Tag> tags) => new()
    {
        VpcId = VpcIds.Of(network.Id),
        OwnerId = ownerId,
        State = Available,
        CidrBlock = network.Cidr,
        DhcpOptionsId = VpcIds.DhcpOptionsOf(network.Id),
        IsDefault = network.IsDefault,
        CidrBlockAssociations =
        [
            new VpcCidrBlockAssociationItem
            {
                AssociationId = VpcIds.CidrAssociationOf(network.Id),
                CidrBlock = network.Cidr,
                CidrBlockState = new VpcCidrBlockStateItem { State = VpcCidrBlockStateItem.Associated },
            },
        ],
        Tags = TagItem.From(tags),
    };
}

public sealed class VpcCidrBlockAssociationItem
{
    [Ec2Element("associationId")]
    public required string AssociationId { get; init; }

    [Ec2Element("cidrBlock")]
    public required string CidrBlock { get; init; }

    [Ec2Element("cidrBlockState")]
    public required VpcCidrBlockStateItem CidrBlockState { get; init; }
}

/// <summary>No VPC has IPv6 here: the set is always empty.</summary>
public sealed class VpcIpv6CidrBlockAssociationItem
{
    [Ec2Element("associationId")]
    public required string AssociationId { get; init; }

    [Ec2Element("ipv6CidrBlock")]
    public required string Ipv6CidrBlock { get; init; }
}

public sealed class VpcCidrBlockStateItem
{
    public const string Associated = "associated";

    [Ec2Element("state")]
    public required string State { get; init; }
}
