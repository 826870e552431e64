using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>
/// What Authorize/RevokeSecurityGroupIngress/Egress share: the group (<c>GroupId</c>; ingress also
/// takes <c>GroupName</c> in the default VPC) and the rules, as <c>IpPermissions.N</c> or as the legacy
/// top-level members (ingress only; egress answers that AWS does not support them there).
/// </summary>
public abstract class SecurityGroupRulesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("GroupId")]
    public string? GroupId { get; init; }

    [Ec2Parameter("IpPermissions", MaxItems = 100)]
    public IReadOnlyList<IpPermissionParameter> IpPermissions { get; init; } = [];

    [Ec2Parameter("IpProtocol")]
    public string? IpProtocol { get; init; }

    [Ec2Parameter("FromPort")]
    public int? FromPort { get; init; }

    [Ec2Parameter("ToPort")]
    public int? ToPort { get; init; }

    [Ec2Parameter("CidrIp")]
    public string? CidrIp { get; init; }

    [Ec2Parameter("SourceSecurityGroupName")]
    public string? SourceSecurityGroupName { get; init; }

    [Ec2Parameter("SourceSecurityGroupOwnerId")]
    public string? SourceSecurityGroupOwnerId { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }

    /// <summary>The group's name, where the action takes one.</summary>
    public virtual string? Name => null;

    /// <summary>Rules to revoke by id, where the action takes them.</summary>
    public virtual IReadOnlyList<string> RuleIds => [];

    /// <summary>Tags for the new rules, where the action takes them.</summary>
    public virtual IReadOnlyList<TagSpecificationParameter> RuleTags => [];

    public bool HasLegacyForm => IpProtocol is not null || FromPort is not null || ToPort is not null || CidrIp is not null
        || SourceSecurityGroupName is not null || SourceSecurityGroupOwnerId is not null;
}

public sealed class AuthorizeSecurityGroupIngressRequest : SecurityGroupRulesRequest
{
    [Ec2Parameter("GroupName")]
    public string? GroupName { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    public override string? Name => GroupName;

    public override IReadOnlyList<TagSpecificationParameter> RuleTags => TagSpecifications;
}

public sealed class AuthorizeSecurityGroupEgressRequest : SecurityGroupRulesRequest
{
    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    public override IReadOnlyList<TagSpecificationParameter> RuleTags => TagSpecifications;
}

public sealed class RevokeSecurityGroupIngressRequest : SecurityGroupRulesRequest
{
    [Ec2Parameter("GroupName")]
    public string? GroupName { get; init; }

    [Ec2Parameter("SecurityGroupRuleId", MaxItems = 100)]
    public IReadOnlyList<string> SecurityGroupRuleIds { get; init; } = [];

    public override string? Name => GroupName;

    public override IReadOnlyList<string> RuleIds => SecurityGroupRuleIds;
}

public sealed class RevokeSecurityGroupEgressRequest : SecurityGroupRulesRequest
{
    [Ec2Parameter("SecurityGroupRuleId", MaxItems = 100)]
    public IReadOnlyList<string> SecurityGroupRuleIds { get; init; } = [];

    public override IReadOnlyList<string> RuleIds => SecurityGroupRuleIds;
}
