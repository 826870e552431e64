using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

/// <summary>The flavors on offer as instance types, in name order, and where each can run.</summary>
public sealed class InstanceTypesController(CatalogService catalog, FlavorOfferings offerings, PageTokens tokens, IOptions<Ec2ApiOptions> options) : Ec2Controller
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

    [Ec2Action("DescribeInstanceTypeOfferings")]
    [HandlesDryRun]
    public async Task<DescribeInstanceTypeOfferingsResponse> DescribeInstanceTypeOfferings(DescribeInstanceTypeOfferingsRequest request, CancellationToken cancellationToken)
    {
        DryRunGate.ThrowIfDryRun(request);
        var locationType = request.LocationType ?? InstanceTypeOfferings.Region;
        var binding = new { Caller.UserId, locationType, request.Filters };
        var after = request.NextToken is null ? null : tokens.ReadJson<string>(binding, request.NextToken);
        var all = InstanceTypeOfferings.Of(await offerings.ListAsync(cancellationToken), locationType, options.Value.Region);
        var matching = InstanceTypeOfferings.Filters.Apply(all, request.Filters)
            .Where(o => after is null || string.CompareOrdinal(Cursor(o), after) > 0)
            .ToList();
        var page = matching.Take(PagingRules.PageSize(request.MaxResults, MaxOfferingsPage)).ToList();
        return new DescribeInstanceTypeOfferingsResponse
        {
            InstanceTypeOfferings = page,
            NextToken = page.Count < matching.Count ? tokens.IssueJson(binding, Cursor(page[^1])) : null,
        };
    }

    /// <summary>The model's maximum for DescribeInstanceTypeOfferings.</summary>
    private const int MaxOfferingsPage = 1000;

    /// <summary>Offerings are in (location, type) order; a zone name has no control characters.</summary>
    private static string Cursor(InstanceTypeOfferingItem offering) => $"{offering.Location}\u0001{offering.InstanceType}";
}
