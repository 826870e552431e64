using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;

namespace Cyclades.Ec2Api.Actions.NetworkAcls;

/// <summary>Read-only: each VPC's default network ACL (<see cref="NetworkAclItem"/>).</summary>
public sealed class NetworkAclsController(VpcLookup vpcs, SubnetLookup subnets, ItemPages pages) : Ec2Controller
{
    [Ec2Action("DescribeNetworkAcls")]
    [HandlesDryRun]
    public async Task<DescribeNetworkAclsResponse> DescribeNetworkAcls(DescribeNetworkAclsRequest request, CancellationToken cancellationToken)
    {
        var bySubnetVpc = (await subnets.ListAsync(Caller, [], cancellationToken)).ToLookup(s => s.NetworkId);
        var all = (await vpcs.RenderAsync(Caller, await vpcs.ListAsync(Caller, [], cancellationToken), cancellationToken))
            .Select(v => NetworkAclItem.Of(v, bySubnetVpc[VpcLookup.IdOf(v)].Select(s => (s.Subnet.Id, SubnetIds.Of(s.Subnet.Id)))))
            .ToList();
        if (request.NetworkAclIds.FirstOrDefault(id => all.All(a => a.NetworkAclId != id)) is { } missing)
        {
            throw Ec2Errors.InvalidNetworkAclIdNotFound(missing);
        }
        DryRunGate.ThrowIfDryRun(request);
        var items = TagFilters.Apply(NetworkAclItem.Filters,
            all.Where(a => request.NetworkAclIds.Count == 0 || request.NetworkAclIds.Contains(a.NetworkAclId)), request.Filters, a => a.Tags);
        var (page, nextToken) = pages.Page(items, a => VpcLookup.IdOf(a.VpcId), new { Caller.UserId, request.NetworkAclIds, request.Filters },
            request.NextToken, request.MaxResults);
        return new DescribeNetworkAclsResponse { NetworkAcls = page, NextToken = nextToken };
    }
}
