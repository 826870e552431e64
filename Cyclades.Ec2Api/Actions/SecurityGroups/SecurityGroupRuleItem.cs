using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>The model's <c>SecurityGroupRule</c> (Authorize*, DescribeSecurityGroupRules).</summary>
public sealed class SecurityGroupRuleItem
{
    [Ec2Element("securityGroupRuleId")]
    public required string SecurityGroupRuleId { get; init; }

    [Ec2Element("groupId")]
    public required string GroupId { get; init; }

    [Ec2Element("groupOwnerId")]
    public required string GroupOwnerId { get; init; }

    [Ec2Element("isEgress")]
    public required bool IsEgress { get; init; }

    [Ec2Element("ipProtocol")]
    public required string IpProtocol { get; init; }

    /// <summary>-1 for protocols without ports, as AWS answers this API.</summary>
    [Ec2Element("fromPort")]
    public required int FromPort { get; init; }

    [Ec2Element("toPort")]
    public required int ToPort { get; init; }

    [Ec2Element("cidrIpv4")]
    public string? CidrIpv4 { get; init; }

    [Ec2Element("cidrIpv6")]
    public string? CidrIpv6 { get; init; }

    [Ec2Element("prefixListId")]
    public string? PrefixListId { get; init; }

    [Ec2Element("referencedGroupInfo")]
    public ReferencedGroupItem? ReferencedGroupInfo { get; init; }

    [Ec2Element("description")]
    public string? Description { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("securityGroupRuleArn")]
    public required string SecurityGroupRuleArn { get; init; }
}

public sealed class ReferencedGroupItem
{
    [Ec2Element("groupId")]
    public required string GroupId { get; init; }

    [Ec2Element("userId")]
    public required string UserId { get; init; }
}

/// <summary>The model's <c>RevokedSecurityGroupRule</c>.</summary>
public sealed class RevokedSecurityGroupRuleItem
{
    [Ec2Element("securityGroupRuleId")]
    public required string SecurityGroupRuleId { get; init; }

    [Ec2Element("groupId")]
    public required string GroupId { get; init; }

    [Ec2Element("isEgress")]
    public required bool IsEgress { get; init; }

    [Ec2Element("ipProtocol")]
    public required string IpProtocol { get; init; }

    [Ec2Element("fromPort")]
    public required int FromPort { get; init; }

    [Ec2Element("toPort")]
    public required int ToPort { get; init; }

    [Ec2Element("cidrIpv4")]
    public string? CidrIpv4 { get; init; }

    [Ec2Element("cidrIpv6")]
    public string? CidrIpv6 { get; init; }

    [Ec2Element("prefixListId")]
    public string? PrefixListId { get; init; }

    [Ec2Element("referencedGroupId")]
    public string? ReferencedGroupId { get; init; }

    [Ec2Element("description")]
    public string? Description { get; init; }
}
