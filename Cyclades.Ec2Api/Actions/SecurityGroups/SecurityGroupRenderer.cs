using Cyclades.Ec2Api.Actions.Vpcs;
using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>Groups and rules in EC2's shapes; the caller's account owns every group it sees.</summary>
public sealed class SecurityGroupRenderer(IOptions<Ec2ApiOptions> options)
{
    /// <summary>AWS's description of a VPC's default group.</summary>
    public const string DefaultDescription = "default VPC security group";

    public SecurityGroupItem Group(SecurityGroupWithRules group, IEnumerable<Tag> tags, string ownerId)
    {
        var id = SecurityGroupIds.Of(group.Group.Id);
        return new SecurityGroupItem
        {
            OwnerId = ownerId,
            GroupName = group.Group.Name,
            GroupId = id,
            Description = group.Group.IsDefault ? DefaultDescription : group.Group.Description,
            IpPermissions = Permissions(group.Rules.Where(r => r.Spec.Direction == RuleDirection.Ingress).Select(r => r.Spec), ownerId),
            IpPermissionsEgress = Permissions(group.Rules.Where(r => r.Spec.Direction == RuleDirection.Egress).Select(r => r.Spec), ownerId),
            VpcId = VpcIds.Of(group.Group.NetworkId),
            SecurityGroupArn = Arn(ownerId, "security-group", id),
            Tags = TagItem.From(tags),
        };
    }

    public SecurityGroupRuleItem Rule(SecurityGroupRule rule, IEnumerable<Tag> tags, string ownerId)
    {
        var id = SecurityGroupRuleIds.Of(rule.Id);
        var spec = rule.Spec;
        return new SecurityGroupRuleItem
        {
            SecurityGroupRuleId = id,
            GroupId = SecurityGroupIds.Of(rule.GroupId),
            GroupOwnerId = ownerId,
            IsEgress = spec.Direction == RuleDirection.Egress,
            IpProtocol = spec.Protocol,
            FromPort = spec.FromPort ?? -1,
            ToPort = spec.ToPort ?? -1,
            CidrIpv4 = spec.Peer.CidrIpv4,
            CidrIpv6 = spec.Peer.CidrIpv6,
            PrefixListId = spec.Peer.PrefixListId,
            ReferencedGroupInfo = spec.Peer.GroupId is { } peer ? new ReferencedGroupItem { GroupId = SecurityGroupIds.Of(peer), UserId = ownerId } : null,
            Description = spec.Description,
            Tags = TagItem.From(tags),
            SecurityGroupRuleArn = Arn(ownerId, "security-group-rule", id),
        };
    }

    public static RevokedSecurityGroupRuleItem Revoked(SecurityGroupRule rule) => new()
    {
        SecurityGroupRuleId = SecurityGroupRuleIds.Of(rule.Id),
        GroupId = SecurityGroupIds.Of(rule.GroupId),
        IsEgress = rule.Spec.Direction == RuleDirection.Egress,
        IpProtocol = rule.Spec.Protocol,
        FromPort = rule.Spec.FromPort ?? -1,
        ToPort = rule.Spec.ToPort ?? -1,
        CidrIpv4 = rule.Spec.Peer.CidrIpv4,
        CidrIpv6 = rule.Spec.Peer.CidrIpv6,
        PrefixListId = rule.Spec.Peer.PrefixListId,
        ReferencedGroupId = rule.Spec.Peer.GroupId is { } peer ? SecurityGroupIds.Of(peer) : null,
        Description = rule.Spec.Description,
    };

    /// <summary>Rules folded as AWS shows them: one permission per (protocol, ports), its peers in lists, in the order first added.</summary>
    public static IReadOnlyList<IpPermissionItem> Permissions(IEnumerable<RuleSpec> rules, string ownerId) =>
        rules.GroupBy(r => (r.Protocol, r.FromPort, r.ToPort))
            .Select(g => new IpPermissionItem
            {
                IpProtocol = g.Key.Protocol,
                FromPort = g.Key.FromPort,
                ToPort = g.Key.ToPort,
                Groups = g.Where(r => r.Peer.GroupId is not null)
                    .Select(r => new GroupPairItem { UserId = ownerId, GroupId = SecurityGroupIds.Of(r.Peer.GroupId!.Value), Description = r.Description })
                    .ToList(),
                IpRanges = g.Where(r => r.Peer.CidrIpv4 is not null).Select(r => new IpRangeItem { CidrIp = r.Peer.CidrIpv4!, Description = r.Description }).ToList(),
                Ipv6Ranges = g.Where(r => r.Peer.CidrIpv6 is not null).Select(r => new Ipv6RangeItem { CidrIpv6 = r.Peer.CidrIpv6!, Description = r.Description }).ToList(),
                PrefixListIds = g.Where(r => r.Peer.PrefixListId is not null)
                    .Select(r => new PrefixListIdItem { PrefixListId = r.Peer.PrefixListId!, Description = r.Description }).ToList(),
            })
            .ToList();

    /// <summary>
    /// A rule as AWS names it in <c>InvalidPermission.Duplicate</c>:
    /// <c>peer: 0.0.0.0/0, UDP, from port: 50000, to port: 60000, ALLOW</c>, <c>peer: 0.0.0.0/0, ALL, ALLOW</c>.
    /// </summary>
    public static string Text(RuleSpec rule)
    {
        var peer = rule.Peer.CidrIpv4 ?? rule.Peer.CidrIpv6 ?? rule.Peer.PrefixListId ?? SecurityGroupIds.Of(rule.Peer.GroupId ?? 0);
        var what = rule.Protocol switch
        {
            RuleNormalizer.AllProtocols => "ALL",
            "tcp" or "udp" or "icmp" or "icmpv6" =>
                $"{rule.Protocol.ToUpperInvariant()}, from port: {N(rule.FromPort)}, to port: {N(rule.ToPort)}",
            _ => $"protocol: {rule.Protocol}",
        };
        return $"peer: {peer}, {what}, ALLOW";
    }

    private string Arn(string ownerId, string type, string id) => $"arn:aws:ec2:{options.Value.Region}:{ownerId}:{type}/{id}";

    private static string N(int? value) => (value ?? -1).ToString(CultureInfo.InvariantCulture);
}
