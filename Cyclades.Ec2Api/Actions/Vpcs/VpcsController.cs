using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>The caller's VPCs: his default network and his private networks; another user's are as unknown as none.</summary>
public sealed class VpcsController(VpcLookup vpcs, ItemPages pages) : Ec2Controller
{
    [Ec2Action("DescribeVpcs")]
    [HandlesDryRun]
    public async Task<DescribeVpcsResponse> DescribeVpcs(DescribeVpcsRequest request, CancellationToken cancellationToken)
    {
        var found = await vpcs.ListAsync(Caller, request.VpcIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var items = TagFilters.Apply(VpcFilters.Set, await vpcs.RenderAsync(Caller, found, cancellationToken), request.Filters, v => v.Tags);
        var (page, nextToken) = pages.Page(items, VpcLookup.IdOf, new { Caller.UserId, request.VpcIds, request.Filters }, request.NextToken, request.MaxResults);
        return new DescribeVpcsResponse { Vpcs = page, NextToken = nextToken };
    }

    [Ec2Action("DescribeVpcClassicLink")]
    [HandlesDryRun]
    public async Task<DescribeVpcClassicLinkResponse> DescribeVpcClassicLink(DescribeVpcClassicLinkRequest request, CancellationToken cancellationToken)
    {
        var found = await vpcs.ListAsync(Caller, request.VpcIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var items = (await vpcs.RenderAsync(Caller, found, cancellationToken)).Select(v => new VpcClassicLinkItem { VpcId = v.VpcId, Tags = v.Tags });
        return new DescribeVpcClassicLinkResponse { Vpcs = TagFilters.Apply(VpcClassicLinkItem.Filters, items, request.Filters, v => v.Tags).ToList() };
    }

    [Ec2Action("DescribeVpcAttribute")]
    [HandlesDryRun]
    public async Task<DescribeVpcAttributeResponse> DescribeVpcAttribute(DescribeVpcAttributeRequest request, CancellationToken cancellationToken)
    {
        var network = await vpcs.RequireAsync(Caller, request.VpcId, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var value = new BooleanValueItem { Value = VpcAttributes.ValueOf(network, request.Attribute) };
        return new DescribeVpcAttributeResponse
        {
            VpcId = request.VpcId,
            EnableDnsSupport = request.Attribute == VpcAttributes.EnableDnsSupport ? value : null,
            EnableDnsHostnames = request.Attribute == VpcAttributes.EnableDnsHostnames ? value : null,
            EnableNetworkAddressUsageMetrics = request.Attribute == VpcAttributes.EnableNetworkAddressUsageMetrics ? value : null,
        };
    }
}
