using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

public sealed class CreateSecurityGroupRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("GroupName", Required = true, MaxLength = 1024)]
    public string GroupName { get; init; } = "";

    /// <summary>The SDKs' <c>Description</c>; its wire name is <c>GroupDescription</c>.</summary>
    [Ec2Parameter("GroupDescription", Required = true, MaxLength = 1024)]
    public string GroupDescription { get; init; } = "";

    [Ec2Parameter("VpcId")]
    public string? VpcId { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class DeleteSecurityGroupRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("GroupId")]
    public string? GroupId { get; init; }

    [Ec2Parameter("GroupName")]
    public string? GroupName { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class DescribeSecurityGroupsRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("GroupId")]
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    [Ec2Parameter("GroupName")]
    public IReadOnlyList<string> GroupNames { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken", MaxLength = 1024)]
    public string? NextToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class DescribeSecurityGroupRulesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("SecurityGroupRuleId")]
    public IReadOnlyList<string> SecurityGroupRuleIds { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken", MaxLength = 1024)]
    public string? NextToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class ModifySecurityGroupRulesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("GroupId", Required = true)]
    public string GroupId { get; init; } = "";

    [Ec2Parameter("SecurityGroupRule", Required = true, MaxItems = 100)]
    public IReadOnlyList<SecurityGroupRuleUpdateParameter> SecurityGroupRules { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

/// <summary>One <c>SecurityGroupRule.N</c>: a rule's id and its new content.</summary>
public sealed class SecurityGroupRuleUpdateParameter
{
    [Ec2Parameter("SecurityGroupRuleId")]
    public string? SecurityGroupRuleId { get; init; }

    [Ec2Parameter("SecurityGroupRule")]
    public SecurityGroupRuleRequestParameter? SecurityGroupRule { get; init; }
}

public sealed class SecurityGroupRuleRequestParameter
{
    [Ec2Parameter("IpProtocol")]
    public string? IpProtocol { get; init; }

    [Ec2Parameter("FromPort")]
    public int? FromPort { get; init; }

    [Ec2Parameter("ToPort")]
    public int? ToPort { get; init; }

    [Ec2Parameter("CidrIpv4")]
    public string? CidrIpv4 { get; init; }

    [Ec2Parameter("CidrIpv6")]
    public string? CidrIpv6 { get; init; }

    [Ec2Parameter("PrefixListId")]
    public string? PrefixListId { get; init; }

    [Ec2Parameter("ReferencedGroupId")]
    public string? ReferencedGroupId { get; init; }

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }
}
