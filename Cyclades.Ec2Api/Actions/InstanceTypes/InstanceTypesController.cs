using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Logic.Catalog;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

/// <summary>The flavors on offer as instance types, in name order.</summary>
public sealed class InstanceTypesController(CatalogService catalog, PageTokens tokens) : Ec2Controller
{
    [Ec2Action("DescribeInstanceTypes")]
    public async Task<DescribeInstanceTypesResponse> DescribeInstanceTypes(DescribeInstanceTypesRequest request, CancellationToken cancellationToken)
    {
        var all = (await catalog.ListFlavorsAsync(includeDeleted: false, cancellationToken))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(InstanceTypeItem.From)
            .ToList();
        var unknown = request.InstanceTypes.Where(name => all.All(t => t.InstanceType != name)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw Ec2Errors.InvalidInstanceType(unknown);
        }
        var binding = new { Caller.UserId, request.InstanceTypes, request.Filters };
        var after = request.NextToken is null ? null : tokens.ReadJson<string>(binding, request.NextToken);
        var matching = InstanceTypeFilters.Set.Apply(all, request.Filters)
            .Where(t => request.InstanceTypes.Count == 0 || request.InstanceTypes.Contains(t.InstanceType))
            .Where(t => after is null || string.CompareOrdinal(t.InstanceType, after) > 0)
            .ToList();
        var page = matching.Take(PagingRules.PageSize(request.MaxResults, DescribeInstanceTypesValidator.MaxPageSize)).ToList();
        return new DescribeInstanceTypesResponse
        {
            InstanceTypes = page,
            NextToken = page.Count < matching.Count ? tokens.IssueJson(binding, page[^1].InstanceType) : null,
        };
    }
}
