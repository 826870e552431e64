using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>The model's <c>IpPermission</c>: rules sharing a protocol and ports, folded as AWS shows them.</summary>
public sealed class IpPermissionItem
{
    [Ec2Element("ipProtocol")]
    public required string IpProtocol { get; init; }

    /// <summary>Absent for protocols without ports (<c>-1</c>, numbers other than tcp/udp/icmp).</summary>
    [Ec2Element("fromPort")]
    public int? FromPort { get; init; }

    [Ec2Element("toPort")]
    public int? ToPort { get; init; }

    [Ec2Element("groups")]
    public required IReadOnlyList<GroupPairItem> Groups { get; init; }

    [Ec2Element("ipRanges")]
    public required IReadOnlyList<IpRangeItem> IpRanges { get; init; }

    [Ec2Element("ipv6Ranges")]
    public required IReadOnlyList<Ipv6RangeItem> Ipv6Ranges { get; init; }

    [Ec2Element("prefixListIds")]
    public required IReadOnlyList<PrefixListIdItem> PrefixListIds { get; init; }
}

public sealed class GroupPairItem
{
    [Ec2Element("userId")]
    public required string UserId { get; init; }

    [Ec2Element("groupId")]
    public required string GroupId { get; init; }

    [Ec2Element("groupName")]
    public string? GroupName { get; init; }

    [Ec2Element("description")]
    public string? Description { get; init; }
}

public sealed class IpRangeItem
{
    [Ec2Element("cidrIp")]
    public required string CidrIp { get; init; }

    [Ec2Element("description")]
    public string? Description { get; init; }
}

public sealed class Ipv6RangeItem
{
    [Ec2Element("cidrIpv6")]
    public required string CidrIpv6 { get; init; }

    [Ec2Element("description")]
    public string? Description { get; init; }
}

public sealed class PrefixListIdItem
{
    [Ec2Element("prefixListId")]
    public required string PrefixListId { get; init; }

    [Ec2Element("description")]
    public string? Description { get; init; }
}
