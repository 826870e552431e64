using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.NetworkAcls;

/// <summary>
/// A VPC's default network ACL: allow everything both ways (rule 100) before AWS's final deny (rule
/// 32767) — the networks filter nothing at the subnet level; security groups are where traffic is
/// restricted. Associated with each of the VPC's subnets.
/// </summary>
public sealed class NetworkAclItem
{
    public static readonly Ec2FilterSet<NetworkAclItem> Filters = new Ec2FilterSet<NetworkAclItem>()
        .Add("network-acl-id", a => a.NetworkAclId)
        .Add("vpc-id", a => a.VpcId)
        .Add("owner-id", a => a.OwnerId)
        .Add("default", a => FilterValues.Bool(a.IsDefault))
        .AddEach("association.association-id", a => a.Associations.Select(s => s.NetworkAclAssociationId))
        .AddEach("association.network-acl-id", a => a.Associations.Select(s => s.NetworkAclId))
        .AddEach("association.subnet-id", a => a.Associations.Select(s => s.SubnetId))
        .AddEach("tag-key", a => a.Tags.Select(t => t.Key));

    [Ec2Element("networkAclId")]
    public required string NetworkAclId { get; init; }

    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("default")]
    public bool IsDefault { get; init; } = true;

    [Ec2Element("entrySet")]
    public IReadOnlyList<NetworkAclEntryItem> Entries { get; init; } =
    [
        NetworkAclEntryItem.Rule(100, "allow", egress: false), NetworkAclEntryItem.Rule(32767, "deny", egress: false),
        NetworkAclEntryItem.Rule(100, "allow", egress: true), NetworkAclEntryItem.Rule(32767, "deny", egress: true),
    ];

    [Ec2Element("associationSet")]
    public required IReadOnlyList<NetworkAclAssociationItem> Associations { get; init; }

    [Ec2Element("tagSet")]
    public IReadOnlyList<TagItem> Tags { get; init; } = [];

    [Ec2Element("ownerId")]
    public required string OwnerId { get; init; }

    public static NetworkAclItem Of(VpcItem vpc, IEnumerable<(long Id, string SubnetId)> subnets)
    {
        var acl = VpcIds.NetworkAclOf(VpcLookup.IdOf(vpc));
        return new NetworkAclItem
        {
            NetworkAclId = acl,
            VpcId = vpc.VpcId,
            OwnerId = vpc.OwnerId,
            Associations = subnets.Select(s => new NetworkAclAssociationItem
            {
                NetworkAclAssociationId = Ec2Id.Format("aclassoc-", s.Id),
                NetworkAclId = acl,
                SubnetId = s.SubnetId,
            }).ToList(),
        };
    }
}

public sealed class NetworkAclEntryItem
{
    [Ec2Element("cidrBlock")]
    public required string CidrBlock { get; init; }

    [Ec2Element("egress")]
    public required bool Egress { get; init; }

    [Ec2Element("protocol")]
    public required string Protocol { get; init; }

    [Ec2Element("ruleAction")]
    public required string RuleAction { get; init; }

    [Ec2Element("ruleNumber")]
    public required int RuleNumber { get; init; }

    public static NetworkAclEntryItem Rule(int number, string action, bool egress) =>
        new() { CidrBlock = "0.0.0.0/0", Egress = egress, Protocol = "-1", RuleAction = action, RuleNumber = number };
}

public sealed class NetworkAclAssociationItem
{
    [Ec2Element("networkAclAssociationId")]
    public required string NetworkAclAssociationId { get; init; }

    [Ec2Element("networkAclId")]
    public required string NetworkAclId { get; init; }

    [Ec2Element("subnetId")]
    public required string SubnetId { get; init; }
}
