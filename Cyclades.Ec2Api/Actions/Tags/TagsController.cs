using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Tags;

/// <summary>Tags on the caller's instances, key pairs and images; private to the caller.</summary>
public sealed class TagsController(TaggableResources resources, TagService tags, InstanceLookup lookup, PageTokens tokens) : Ec2Controller
{
    private const int MaxPageSize = TagService.MaxPageSize;

    [Ec2Action("CreateTags")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> CreateTags(CreateTagsRequest request, CancellationToken cancellationToken)
    {
        var targets = await resources.RequireAsync(Caller, request.ResourceIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        await tags.SetAsync(Caller.LogicUserId(), targets, TagParameter.ToTags(request.Tags), cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("DeleteTags")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> DeleteTags(DeleteTagsRequest request, CancellationToken cancellationToken)
    {
        var targets = await resources.RequireAsync(Caller, request.ResourceIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var removals = request.Tags.Count == 0 ? null : request.Tags.Select(t => new TagRemoval(t.Key!, t.Value)).ToList();
        await tags.RemoveAsync(Caller.LogicUserId(), targets, removals, cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("DescribeTags")]
    public async Task<DescribeTagsResponse> DescribeTags(DescribeTagsRequest request, CancellationToken cancellationToken)
    {
        var (query, residual) = TagDescriptionFilters.Translate(request.Filters, lookup.Visible().IncludeDeletedSince);
        var binding = new { Caller.UserId, request.Filters };
        var after = request.NextToken is null ? null : tokens.ReadJson<TagCursor>(binding, request.NextToken);
        var page = await tags.ListAsync(Caller.LogicUserId(), query, after, PagingRules.PageSize(request.MaxResults, MaxPageSize), cancellationToken);
        var items = page.Tags.Select(t => new TagDescriptionItem
        {
            Key = t.Key,
            Value = t.Value,
            ResourceType = TaggableResources.TypeName(t.ResourceType),
            ResourceId = TaggableResources.Ec2IdOf(t.ResourceType, t.ResourceId),
        });
        return new DescribeTagsResponse
        {
            Tags = TagDescriptionFilters.InMemory.Apply(items, residual).ToList(),
            NextToken = page.Next is { } next ? tokens.IssueJson(binding, next) : null,
        };
    }
}
