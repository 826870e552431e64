using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>The caller's VPCs: his default network and his private networks; another user's are as unknown as none.</summary>
public sealed class VpcsController(VpcLookup vpcs, ItemPages pages, NetworkCommands commands, TagService tags) : Ec2Controller
{
    [Ec2Action("CreateVpc")]
    [HandlesDryRun]
    public async Task<CreateVpcResponse> CreateVpc(CreateVpcRequest request, CancellationToken cancellationToken)
    {
        if (request.AmazonProvidedIpv6CidrBlock == true || request.InstanceTenancy is not (null or InstanceFacts.Tenancy))
        {
            throw Ec2Errors.UnsupportedOperation(request.AmazonProvidedIpv6CidrBlock == true
                ? "IPv6 blocks are not supported by this endpoint."
                : $"Tenancy '{request.InstanceTenancy}' is not supported by this endpoint.");
        }
        var (cidr, prefix) = CidrBlocks.Canonical(request.CidrBlock)!.Value;
        if (!CidrBlocks.InRange(prefix))
        {
            throw Ec2Errors.InvalidVpcRange(request.CidrBlock);
        }
        DryRunGate.ThrowIfDryRun(request);
        var created = await commands.CreateNetworkAsync(Caller.LogicUserId(), cidr, cancellationToken);
        var vpcTags = TagRules.TagsOf(request.TagSpecifications);
        if (vpcTags.Count > 0)
        {
            await tags.SetAsync(Caller.LogicUserId(), [VpcIds.Resource(created.Id)], vpcTags, cancellationToken);
        }
        return new CreateVpcResponse { Vpc = VpcItem.From(created, Caller.OwnerId, vpcTags) };
    }

    /// <summary>A VPC with subnets is <c>DependencyViolation</c> (tools retry it); the default VPC cannot be deleted.</summary>
    [Ec2Action("DeleteVpc")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> DeleteVpc(DeleteVpcRequest request, CancellationToken cancellationToken)
    {
        var network = await vpcs.RequireAsync(Caller, request.VpcId, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        await commands.DeleteNetworkAsync(Caller.LogicUserId(), network.Id, cancellationToken);
        await tags.RemoveAsync(Caller.LogicUserId(), [VpcIds.Resource(network.Id)], null, cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("ModifyVpcAttribute")]
    public async Task<Ec2ReturnResponse> ModifyVpcAttribute(ModifyVpcAttributeRequest request, CancellationToken cancellationToken)
    {
        var network = await vpcs.RequireAsync(Caller, request.VpcId, cancellationToken);
        var (attribute, value) = request.Given().Single();
        switch (attribute)
        {
            case VpcAttributes.EnableNetworkAddressUsageMetrics when value:
                throw Ec2Errors.UnsupportedOperation("Network address usage metrics are not collected by this endpoint.");
            case VpcAttributes.EnableNetworkAddressUsageMetrics:
                break;
            case VpcAttributes.EnableDnsHostnames when value && !network.DnsSupport:
                throw Ec2Errors.InvalidParameterValue("DNS host names require DNS resolution: enable enableDnsSupport first.");
            case VpcAttributes.EnableDnsHostnames:
                await commands.SetDnsAsync(Caller.LogicUserId(), network.Id, dnsSupport: null, dnsHostnames: value, cancellationToken);
                break;
            default:
                await commands.SetDnsAsync(Caller.LogicUserId(), network.Id, dnsSupport: value, dnsHostnames: null, cancellationToken);
                break;
        }
        return new Ec2ReturnResponse();
    }

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
