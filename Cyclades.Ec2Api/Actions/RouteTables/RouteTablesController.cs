using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;

namespace Cyclades.Ec2Api.Actions.RouteTables;

/// <summary>Read-only: each VPC's main route table (<see cref="RouteTableItem"/>).</summary>
public sealed class RouteTablesController(VpcLookup vpcs, ItemPages pages) : Ec2Controller
{
    [Ec2Action("DescribeRouteTables")]
    [HandlesDryRun]
    public async Task<DescribeRouteTablesResponse> DescribeRouteTables(DescribeRouteTablesRequest request, CancellationToken cancellationToken)
    {
        var all = (await vpcs.RenderAsync(Caller, await vpcs.ListAsync(Caller, [], cancellationToken), cancellationToken))
            .Select(v => RouteTableItem.From(v, VpcLookup.IdOf(v))).ToList();
        if (request.RouteTableIds.FirstOrDefault(id => all.All(t => t.RouteTableId != id)) is { } missing)
        {
            throw Ec2Errors.InvalidRouteTableIdNotFound(missing);
        }
        DryRunGate.ThrowIfDryRun(request);
        var items = TagFilters.Apply(RouteTableFilters.Set, all.Where(t => request.RouteTableIds.Count == 0 || request.RouteTableIds.Contains(t.RouteTableId)),
            request.Filters, t => t.Tags);
        var (page, nextToken) = pages.Page(items, t => VpcLookup.IdOf(t.VpcId), new { Caller.UserId, request.RouteTableIds, request.Filters },
            request.NextToken, request.MaxResults, DescribeRouteTablesRequest.MaxPageSize);
        return new DescribeRouteTablesResponse { RouteTables = page, NextToken = nextToken };
    }
}
