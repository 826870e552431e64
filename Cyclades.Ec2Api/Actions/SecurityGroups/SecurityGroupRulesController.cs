using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>
/// The rules of the caller's groups: added and removed all or none, each rule once. A rule to revoke
/// that the group lacks is <c>InvalidPermission.NotFound</c>, except in the default VPC, where AWS
/// revokes the others and lists it in <c>unknownIpPermissionSet</c>.
/// </summary>
public sealed class SecurityGroupRulesController(
    SecurityGroupService groups, SecurityGroupLookup lookup, SecurityGroupNetworks networks, RulePermissions permissions,
    SecurityGroupRenderer renderer, TagService tags, PageTokens tokens) : Ec2Controller
{
    private const int MaxPageSize = 1000;

    [Ec2Action("AuthorizeSecurityGroupIngress")]
    [HandlesDryRun]
    public async Task<AuthorizeSecurityGroupIngressResponse> AuthorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest request, CancellationToken cancellationToken) =>
        new() { SecurityGroupRules = await AuthorizeAsync(request, RuleDirection.Ingress, cancellationToken) };

    [Ec2Action("AuthorizeSecurityGroupEgress")]
    [HandlesDryRun]
    public async Task<AuthorizeSecurityGroupEgressResponse> AuthorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest request, CancellationToken cancellationToken) =>
        new() { SecurityGroupRules = await AuthorizeAsync(request, RuleDirection.Egress, cancellationToken) };

    [Ec2Action("RevokeSecurityGroupIngress")]
    [HandlesDryRun]
    public async Task<RevokeSecurityGroupIngressResponse> RevokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest request, CancellationToken cancellationToken)
    {
        var (revoked, unknown) = await RevokeAsync(request, RuleDirection.Ingress, cancellationToken);
        return new RevokeSecurityGroupIngressResponse { RevokedSecurityGroupRules = revoked, UnknownIpPermissions = unknown };
    }

    [Ec2Action("RevokeSecurityGroupEgress")]
    [HandlesDryRun]
    public async Task<RevokeSecurityGroupEgressResponse> RevokeSecurityGroupEgress(RevokeSecurityGroupEgressRequest request, CancellationToken cancellationToken)
    {
        var (revoked, unknown) = await RevokeAsync(request, RuleDirection.Egress, cancellationToken);
        return new RevokeSecurityGroupEgressResponse { RevokedSecurityGroupRules = revoked, UnknownIpPermissions = unknown };
    }

    [Ec2Action("DescribeSecurityGroupRules")]
    public async Task<DescribeSecurityGroupRulesResponse> DescribeSecurityGroupRules(DescribeSecurityGroupRulesRequest request, CancellationToken cancellationToken)
    {
        await lookup.DefaultNetworkAsync(Caller, cancellationToken);
        foreach (var filter in request.Filters.Where(f => f.Name == "group-id"))
        {
            _ = filter.Values.Select(SecurityGroupLookup.ParseId).ToList();
        }
        var ids = request.SecurityGroupRuleIds.Select(ParseRuleId).ToList();
        var rules = await groups.ListRulesAsync(Caller.LogicUserId(), ids.Count == 0 ? null : ids, cancellationToken);
        if (request.SecurityGroupRuleIds.FirstOrDefault(id => rules.All(r => r.Id != ParseRuleId(id))) is { } unknown)
        {
            throw Ec2Errors.InvalidSecurityGroupRuleIdNotFound(unknown);
        }
        var binding = new { Caller.UserId, request.SecurityGroupRuleIds, request.Filters };
        var after = request.NextToken is null ? 0 : tokens.ReadLong(binding, request.NextToken);
        var chosen = rules.Where(r => r.Id > after).OrderBy(r => r.Id).ToList();
        var ruleTags = await RuleTagsAsync(chosen, cancellationToken);
        var items = TagFilters.Apply(SecurityGroupRuleFilters.Set,
                chosen.Select(r => renderer.Rule(r, ruleTags[SecurityGroupService.ResourceOfRule(r.Id).Id], Caller.OwnerId)),
                request.Filters, r => r.Tags)
            .ToList();
        var page = items.Take(PagingRules.PageSize(request.MaxResults, MaxPageSize)).ToList();
        return new DescribeSecurityGroupRulesResponse
        {
            SecurityGroupRules = page,
            NextToken = page.Count < items.Count ? tokens.Issue(binding, ParseRuleId(page[^1].SecurityGroupRuleId)) : null,
        };
    }

    [Ec2Action("ModifySecurityGroupRules")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> ModifySecurityGroupRules(ModifySecurityGroupRulesRequest request, CancellationToken cancellationToken)
    {
        var group = await lookup.RequireAsync(Caller, request.GroupId, null, cancellationToken);
        var changes = request.SecurityGroupRules.Select(u =>
        {
            var rule = u.SecurityGroupRule!;
            var peer = new RulePeer(rule.CidrIpv4, rule.CidrIpv6,
                rule.ReferencedGroupId is null ? null : SecurityGroupLookup.ParseId(rule.ReferencedGroupId), rule.PrefixListId);
            return (ParseRuleId(u.SecurityGroupRuleId!), new RuleSpec(RuleDirection.Ingress, rule.IpProtocol ?? "", rule.FromPort, rule.ToPort, peer, rule.Description));
        }).ToList();
        _ = changes.Select(c => RuleNormalizer.Normalize(c.Item2)).ToList();
        DryRunGate.ThrowIfDryRun(request);
        await groups.ModifyRulesAsync(Caller.LogicUserId(), group.Group.Id, changes, cancellationToken);
        return new Ec2ReturnResponse();
    }

    private async Task<IReadOnlyList<SecurityGroupRuleItem>> AuthorizeAsync(SecurityGroupRulesRequest request, RuleDirection direction, CancellationToken cancellationToken)
    {
        var group = await lookup.RequireAsync(Caller, request.GroupId, request.Name, cancellationToken);
        var rules = await permissions.ToRulesAsync(Caller, group.Group, direction, request, cancellationToken);
        _ = rules.Select(RuleNormalizer.Normalize).ToList();
        DryRunGate.ThrowIfDryRun(request);
        var ruleTags = TagRules.TagsOf(request.RuleTags);
        var added = await groups.AuthorizeAsync(Caller.LogicUserId(), group.Group.Id, rules, ruleTags, cancellationToken);
        return added.Select(r => renderer.Rule(r, ruleTags, Caller.OwnerId)).ToList();
    }

    private async Task<(IReadOnlyList<RevokedSecurityGroupRuleItem>, IReadOnlyList<IpPermissionItem>)> RevokeAsync(
        SecurityGroupRulesRequest request, RuleDirection direction, CancellationToken cancellationToken)
    {
        var group = await lookup.RequireAsync(Caller, request.GroupId, request.Name, cancellationToken);
        if (request.RuleIds.Count > 0)
        {
            if (request.IpPermissions.Count > 0 || request.HasLegacyForm)
            {
                throw Ec2Errors.InvalidParameterCombination("The parameter SecurityGroupRuleIds cannot be used with IpPermissions or the top-level rule parameters.");
            }
            var ids = request.RuleIds.Select(ParseRuleId).ToList();
            DryRunGate.ThrowIfDryRun(request);
            var byId = await groups.RevokeByIdAsync(Caller.LogicUserId(), group.Group.Id, direction, ids, cancellationToken);
            return (byId.Select(SecurityGroupRenderer.Revoked).ToList(), []);
        }
        var rules = await permissions.ToRulesAsync(Caller, group.Group, direction, request, cancellationToken);
        _ = rules.Select(RuleNormalizer.Normalize).ToList();
        DryRunGate.ThrowIfDryRun(request);
        var requireAll = !await networks.IsDefaultAsync(Caller, group.Group.NetworkId, cancellationToken);
        var result = await groups.RevokeAsync(Caller.LogicUserId(), group.Group.Id, rules, requireAll, cancellationToken);
        return (result.Revoked.Select(SecurityGroupRenderer.Revoked).ToList(), SecurityGroupRenderer.Permissions(result.Unmatched, Caller.OwnerId));
    }

    private Task<ILookup<string, Tag>> RuleTagsAsync(IReadOnlyList<SecurityGroupRule> rules, CancellationToken cancellationToken) =>
        tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.SecurityRule,
            rules.Select(r => SecurityGroupService.ResourceOfRule(r.Id).Id).ToList(), cancellationToken);

    private static long ParseRuleId(string id) =>
        SecurityGroupRuleIds.TryParse(id, out var ruleId) ? ruleId : throw Ec2Errors.InvalidSecurityGroupRuleIdMalformed(id);
}
