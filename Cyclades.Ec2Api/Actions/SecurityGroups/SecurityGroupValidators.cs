using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc.Validation;
using Cyclades.Logic.SecurityGroups;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>AWS's rules for VPC group names and descriptions: 1 to 255 of a small set of characters; names not starting with <c>sg-</c>.</summary>
public static class SecurityGroupTextRules
{
    private const string Allowed = " ._-:/()#,@[]+=&;{}!$*";

    public static bool IsValid(string text) =>
        text.Length is > 0 and <= SecurityGroupService.MaxNameLength && text.All(c => char.IsAsciiLetterOrDigit(c) || Allowed.Contains(c));

    public static IRuleBuilderOptions<T, string> MustBeGroupText<T>(this IRuleBuilder<T, string> rule, string parameter) =>
        rule.Must(IsValid).WithMessage((_, value) =>
            $"Value ({value}) for parameter {parameter} is invalid. Character sets beyond ASCII letters, digits, spaces and ._-:/()#,@[]+=&;{{}}!$* are not supported, and the length is 1 to 255.");
}

public sealed class CreateSecurityGroupValidator : AbstractValidator<CreateSecurityGroupRequest>
{
    public CreateSecurityGroupValidator()
    {
        RuleFor(r => r.GroupName).MustBeGroupText("GroupName")
            .Must(n => !n.StartsWith(SecurityGroupIds.Prefix, StringComparison.OrdinalIgnoreCase))
            .WithMessage(r => $"Group names may not be in the format sg-*: {r.GroupName}");
        RuleFor(r => r.GroupDescription).MustBeGroupText("GroupDescription");
        RuleFor(r => r.TagSpecifications).MustTag("security-group");
    }
}

public sealed class DeleteSecurityGroupValidator : AbstractValidator<DeleteSecurityGroupRequest>
{
    public DeleteSecurityGroupValidator()
    {
        RuleFor(r => r.GroupId).NotNull().When(r => r.GroupName is null)
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("GroupId");
    }
}

public sealed class DescribeSecurityGroupsValidator : AbstractValidator<DescribeSecurityGroupsRequest>
{
    public DescribeSecurityGroupsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(SecurityGroupFilters.Set));
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.GroupIds.Count > 0, "groupIdSet").MustBeAPageSize();
    }
}

public sealed class DescribeSecurityGroupRulesValidator : AbstractValidator<DescribeSecurityGroupRulesRequest>
{
    public DescribeSecurityGroupRulesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(SecurityGroupRuleFilters.Set));
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.SecurityGroupRuleIds.Count > 0, "SecurityGroupRuleIds").MustBeAPageSize();
    }
}

public sealed class ModifySecurityGroupRulesValidator : AbstractValidator<ModifySecurityGroupRulesRequest>
{
    public ModifySecurityGroupRulesValidator()
    {
        RuleForEach(r => r.SecurityGroupRules).Must(u => u.SecurityGroupRuleId is not null && u.SecurityGroupRule is not null)
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("SecurityGroupRule.N.SecurityGroupRuleId");
    }
}

/// <summary>The rules of the four Authorize/Revoke actions: a group, and the legacy form only for ingress.</summary>
public abstract class SecurityGroupRulesValidator<T> : AbstractValidator<T>
    where T : SecurityGroupRulesRequest
{
    protected SecurityGroupRulesValidator(bool ingress, string tagResourceType = "security-group-rule")
    {
        RuleFor(r => r.GroupId).NotNull().When(r => r.Name is null)
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("GroupId");
        if (!ingress)
        {
            RuleFor(r => r.HasLegacyForm).Equal(false)
                .WithMessage("The top-level parameters IpProtocol, FromPort, ToPort, CidrIp and SourceSecurityGroupName are not supported for egress rules: use IpPermissions.");
        }
        RuleFor(r => r.RuleTags).MustTag(tagResourceType);
    }
}

public sealed class AuthorizeSecurityGroupIngressValidator() : SecurityGroupRulesValidator<AuthorizeSecurityGroupIngressRequest>(ingress: true);

public sealed class AuthorizeSecurityGroupEgressValidator() : SecurityGroupRulesValidator<AuthorizeSecurityGroupEgressRequest>(ingress: false);

public sealed class RevokeSecurityGroupIngressValidator() : SecurityGroupRulesValidator<RevokeSecurityGroupIngressRequest>(ingress: true);

public sealed class RevokeSecurityGroupEgressValidator() : SecurityGroupRulesValidator<RevokeSecurityGroupEgressRequest>(ingress: false);
