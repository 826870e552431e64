namespace Cyclades.Logic.SecurityGroups;

/// <summary>
/// A user's named set of allow rules on one network. Every network has one default group (named
/// <see cref="SecurityGroupService.DefaultName"/>), made when first needed, that cannot be deleted.
/// </summary>
public sealed record SecurityGroup(long Id, string UserId, long NetworkId, string Name, string Description, bool IsDefault, DateTimeOffset CreatedAt);

/// <summary>A group with its rules, in the order they were added.</summary>
public sealed record SecurityGroupWithRules(SecurityGroup Group, IReadOnlyList<SecurityGroupRule> Rules);

public enum RuleDirection
{
    Ingress,
    Egress,
}

/// <summary>
/// Whom a rule allows traffic from (ingress) or to (egress): exactly one of an IPv4 block, an IPv6
/// block, a group of the same network, or a prefix list (recorded only).
/// </summary>
public sealed record RulePeer(string? CidrIpv4 = null, string? CidrIpv6 = null, long? GroupId = null, string? PrefixListId = null)
{
    public static RulePeer Ipv4(string cidr) => new(CidrIpv4: cidr);

    public static RulePeer Ipv6(string cidr) => new(CidrIpv6: cidr);

    public static RulePeer Group(long groupId) => new(GroupId: groupId);
}

/// <summary>
/// A rule as asked for. <paramref name="Protocol"/>: <c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c>,
/// <c>-1</c> (or <c>all</c>) for every protocol, or an IP protocol number. The ports are a range for
/// tcp and udp, the type and code for icmp and icmpv6 (<c>-1</c> = all), and mean nothing otherwise.
/// </summary>
public sealed record RuleSpec(RuleDirection Direction, string Protocol, int? FromPort, int? ToPort, RulePeer Peer, string? Description = null);

/// <summary>A stored rule: its spec as normalised by <see cref="RuleNormalizer"/>.</summary>
public sealed record SecurityGroupRule(long Id, long GroupId, string UserId, RuleSpec Spec);
