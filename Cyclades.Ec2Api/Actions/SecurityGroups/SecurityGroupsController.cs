using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>The caller's security groups; another user's group is as unknown as one that never was.</summary>
public sealed class SecurityGroupsController(
    SecurityGroupService groups, SecurityGroupLookup lookup, SecurityGroupNetworks networks, SecurityGroupRenderer renderer,
    TagService tags, PageTokens tokens) : Ec2Controller
{
    private const int MaxPageSize = 1000;

    [Ec2Action("CreateSecurityGroup")]
    [HandlesDryRun]
    public async Task<CreateSecurityGroupResponse> CreateSecurityGroup(CreateSecurityGroupRequest request, CancellationToken cancellationToken)
    {
        var networkId = request.VpcId is { } vpcId
            ? await networks.RequireAsync(Caller, vpcId, cancellationToken)
            : await networks.DefaultNetworkIdAsync(Caller, cancellationToken);
        if (request.GroupName == SecurityGroupService.DefaultName)
        {
            throw Ec2Errors.InvalidGroupReserved(request.GroupName);
        }
        DryRunGate.ThrowIfDryRun(request);
        var groupTags = TagRules.TagsOf(request.TagSpecifications);
        var created = await groups.CreateAsync(Caller.LogicUserId(), networkId, request.GroupName, request.GroupDescription, groupTags, cancellationToken);
        var item = renderer.Group(created, groupTags, Caller.OwnerId);
        return new CreateSecurityGroupResponse { GroupId = item.GroupId, Tags = item.Tags, SecurityGroupArn = item.SecurityGroupArn };
    }

    [Ec2Action("DeleteSecurityGroup")]
    [HandlesDryRun]
    public async Task<DeleteSecurityGroupResponse> DeleteSecurityGroup(DeleteSecurityGroupRequest request, CancellationToken cancellationToken)
    {
        var group = await lookup.RequireAsync(Caller, request.GroupId, request.GroupName, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var deleted = await groups.DeleteAsync(Caller.LogicUserId(), group.Group.Id, cancellationToken);
        return new DeleteSecurityGroupResponse { GroupId = SecurityGroupIds.Of(deleted.Id) };
    }

    [Ec2Action("DescribeSecurityGroups")]
    public async Task<DescribeSecurityGroupsResponse> DescribeSecurityGroups(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken)
    {
        var defaultNetwork = await lookup.DefaultNetworkAsync(Caller, cancellationToken);
        var all = await groups.ListAsync(Caller.LogicUserId(), null, cancellationToken);
        var wanted = request.GroupIds.Select(SecurityGroupLookup.ParseId).ToHashSet();
        if (request.GroupIds.FirstOrDefault(id => all.All(g => g.Group.Id != SecurityGroupLookup.ParseId(id))) is { } unknownId)
        {
            throw Ec2Errors.InvalidGroupNotFound(unknownId);
        }
        var inDefault = all.Where(g => g.Group.NetworkId == defaultNetwork).ToList();
        if (request.GroupNames.FirstOrDefault(n => inDefault.All(g => !g.Group.Name.Equals(n, StringComparison.OrdinalIgnoreCase))) is { } unknownName)
        {
            throw Ec2Errors.InvalidGroupNotFoundInDefaultVpc(unknownName, VpcIds.Of(defaultNetwork));
        }
        var binding = new { Caller.UserId, request.GroupIds, request.GroupNames, request.Filters };
        var after = request.NextToken is null ? 0 : tokens.ReadLong(binding, request.NextToken);
        var chosen = all
            .Where(g => g.Group.Id > after)
            .Where(g => wanted.Count == 0 || wanted.Contains(g.Group.Id))
            .Where(g => request.GroupNames.Count == 0
                || (g.Group.NetworkId == defaultNetwork && request.GroupNames.Contains(g.Group.Name, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var groupTags = await tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.SecurityGroup,
            chosen.Select(g => SecurityGroupService.ResourceOf(g.Group.Id).Id).ToList(), cancellationToken);
        var items = TagFilters.Apply(SecurityGroupFilters.Set,
                chosen.Select(g => renderer.Group(g, groupTags[SecurityGroupService.ResourceOf(g.Group.Id).Id], Caller.OwnerId)),
                request.Filters, g => g.Tags)
            .ToList();
        var page = items.Take(PagingRules.PageSize(request.MaxResults, MaxPageSize)).ToList();
        return new DescribeSecurityGroupsResponse
        {
            SecurityGroups = page,
            NextToken = page.Count < items.Count ? tokens.Issue(binding, SecurityGroupLookup.ParseId(page[^1].GroupId)) : null,
        };
    }
}
