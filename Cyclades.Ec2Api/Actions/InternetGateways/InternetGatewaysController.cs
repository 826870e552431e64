using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;

namespace Cyclades.Ec2Api.Actions.InternetGateways;

/// <summary>Read-only: the default VPC's internet gateway (<see cref="InternetGatewayItem"/>).</summary>
public sealed class InternetGatewaysController(VpcLookup vpcs, ItemPages pages) : Ec2Controller
{
    [Ec2Action("DescribeInternetGateways")]
    [HandlesDryRun]
    public async Task<DescribeInternetGatewaysResponse> DescribeInternetGateways(DescribeInternetGatewaysRequest request, CancellationToken cancellationToken)
    {
        var all = (await vpcs.RenderAsync(Caller, await vpcs.ListAsync(Caller, [], cancellationToken), cancellationToken))
            .Select(InternetGatewayItem.Of).OfType<InternetGatewayItem>().ToList();
        if (request.InternetGatewayIds.FirstOrDefault(id => all.All(g => g.InternetGatewayId != id)) is { } missing)
        {
            throw Ec2Errors.InvalidInternetGatewayIdNotFound(missing);
        }
        DryRunGate.ThrowIfDryRun(request);
        var items = TagFilters.Apply(InternetGatewayItem.Filters,
            all.Where(g => request.InternetGatewayIds.Count == 0 || request.InternetGatewayIds.Contains(g.InternetGatewayId)), request.Filters, g => g.Tags);
        var (page, nextToken) = pages.Page(items, g => VpcLookup.IdOf(g.Attachments[0].VpcId),
            new { Caller.UserId, request.InternetGatewayIds, request.Filters }, request.NextToken, request.MaxResults);
        return new DescribeInternetGatewaysResponse { InternetGateways = page, NextToken = nextToken };
    }
}
