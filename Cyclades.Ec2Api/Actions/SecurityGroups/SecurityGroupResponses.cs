using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

public sealed class CreateSecurityGroupResponse : Ec2Response
{
    [Ec2Element("groupId")]
    public required string GroupId { get; init; }

    [Ec2Element("tagSet")]
    public required IReadOnlyList<TagItem> Tags { get; init; }

    [Ec2Element("securityGroupArn")]
    public required string SecurityGroupArn { get; init; }
}

public sealed class DeleteSecurityGroupResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;

    [Ec2Element("groupId")]
    public required string GroupId { get; init; }
}

public sealed class DescribeSecurityGroupsResponse : Ec2Response
{
    [Ec2Element("securityGroupInfo")]
    public required IReadOnlyList<SecurityGroupItem> SecurityGroups { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

public sealed class DescribeSecurityGroupRulesResponse : Ec2Response
{
    [Ec2Element("securityGroupRuleSet")]
    public required IReadOnlyList<SecurityGroupRuleItem> SecurityGroupRules { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

public sealed class AuthorizeSecurityGroupIngressResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;

    [Ec2Element("securityGroupRuleSet")]
    public required IReadOnlyList<SecurityGroupRuleItem> SecurityGroupRules { get; init; }
}

public sealed class AuthorizeSecurityGroupEgressResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;

    [Ec2Element("securityGroupRuleSet")]
    public required IReadOnlyList<SecurityGroupRuleItem> SecurityGroupRules { get; init; }
}

public sealed class RevokeSecurityGroupIngressResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;

    [Ec2Element("unknownIpPermissionSet")]
    public required IReadOnlyList<IpPermissionItem> UnknownIpPermissions { get; init; }

    [Ec2Element("revokedSecurityGroupRuleSet")]
    public required IReadOnlyList<RevokedSecurityGroupRuleItem> RevokedSecurityGroupRules { get; init; }
}

public sealed class RevokeSecurityGroupEgressResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;

    [Ec2Element("unknownIpPermissionSet")]
    public required IReadOnlyList<IpPermissionItem> UnknownIpPermissions { get; init; }

    [Ec2Element("revokedSecurityGroupRuleSet")]
    public required IReadOnlyList<RevokedSecurityGroupRuleItem> RevokedSecurityGroupRules { get; init; }
}
