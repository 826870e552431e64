using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;

namespace Cyclades.Ec2Api.Actions.Subnets;

/// <summary>The subnets the caller sees: the public ones (his default VPC's, one per availability zone) and his own.</summary>
public sealed class SubnetsController(SubnetLookup subnets, ItemPages pages) : Ec2Controller
{
    [Ec2Action("DescribeSubnets")]
    [HandlesDryRun]
    public async Task<DescribeSubnetsResponse> DescribeSubnets(DescribeSubnetsRequest request, CancellationToken cancellationToken)
    {
        var found = await subnets.ListAsync(Caller, request.SubnetIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var items = TagFilters.Apply(SubnetFilters.Set, await subnets.RenderAsync(Caller, found, cancellationToken), request.Filters, s => s.Tags);
        var (page, nextToken) = pages.Page(items, SubnetLookup.IdOf, new { Caller.UserId, request.SubnetIds, request.Filters },
            request.NextToken, request.MaxResults);
        return new DescribeSubnetsResponse { Subnets = page, NextToken = nextToken };
    }
}
