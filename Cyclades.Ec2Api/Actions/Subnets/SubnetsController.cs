using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Options;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;

namespace Cyclades.Ec2Api.Actions.Subnets;

/// <summary>The subnets the caller sees: the public ones (his default VPC's, one per availability zone) and his own.</summary>
public sealed class SubnetsController(
    SubnetLookup subnets,
    VpcLookup vpcs,
    ItemPages pages,
    NetworkCommands commands,
    TagService tags,
    AvailabilityZoneCatalog zones,
    IOptions<Ec2ApiOptions> options) : Ec2Controller
{
    [Ec2Action("CreateSubnet")]
    [HandlesDryRun]
    public async Task<CreateSubnetResponse> CreateSubnet(CreateSubnetRequest request, CancellationToken cancellationToken)
    {
        if (request.Ipv6Native == true)
        {
            throw Ec2Errors.UnsupportedOperation("IPv6-only subnets are not supported by this endpoint.");
        }
        var network = await vpcs.RequireAsync(Caller, request.VpcId, cancellationToken);
        var (cidr, prefix) = CidrBlocks.Canonical(request.CidrBlock)!.Value;
        if (!CidrBlocks.InRange(prefix))
        {
            throw Ec2Errors.InvalidSubnetRange(request.CidrBlock);
        }
        var zone = await ZoneAsync(request, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var created = await commands.CreateSubnetAsync(Caller.LogicUserId(), network.Id, cidr, zone, cancellationToken);
        var subnetTags = TagRules.TagsOf(request.TagSpecifications);
        if (subnetTags.Count > 0)
        {
            await tags.SetAsync(Caller.LogicUserId(), [SubnetIds.Resource(created.Subnet.Id)], subnetTags, cancellationToken);
        }
        return new CreateSubnetResponse { Subnet = SubnetItem.From(created, options.Value.Region, Caller.OwnerId, subnetTags) };
    }

    /// <summary>A subnet with network interfaces is <c>DependencyViolation</c>; then Describe-by-id answers <c>InvalidSubnetID.NotFound</c>.</summary>
    [Ec2Action("DeleteSubnet")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> DeleteSubnet(DeleteSubnetRequest request, CancellationToken cancellationToken)
    {
        var subnet = await subnets.RequireAsync(Caller, request.SubnetId, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        await commands.DeleteSubnetAsync(Caller.LogicUserId(), subnet.Subnet.Id, cancellationToken);
        await tags.RemoveAsync(Caller.LogicUserId(), [SubnetIds.Resource(subnet.Subnet.Id)], null, cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("ModifySubnetAttribute")]
    public async Task<Ec2ReturnResponse> ModifySubnetAttribute(ModifySubnetAttributeRequest request, CancellationToken cancellationToken)
    {
        var subnet = await subnets.RequireAsync(Caller, request.SubnetId, cancellationToken);
        if (request.AsksForTheUnsupported)
        {
            throw Ec2Errors.UnsupportedOperation("Subnets here have no IPv6, DNS64 or resource-name DNS records: only MapPublicIpOnLaunch can change.");
        }
        if (request.MapPublicIpOnLaunch?.Value is { } value)
        {
            await commands.SetAutoPublicAddressAsync(Caller.LogicUserId(), subnet.Subnet.Id, value, cancellationToken);
        }
        return new Ec2ReturnResponse();
    }

    /// <summary>The backend named by the zone or zone id (null: the core chooses).</summary>
    private async Task<string?> ZoneAsync(CreateSubnetRequest request, CancellationToken cancellationToken)
    {
        if (request.AvailabilityZone is null && request.AvailabilityZoneId is null)
        {
            return null;
        }
        var all = await zones.ListAsync(cancellationToken);
        return all.FirstOrDefault(z => z.Name == request.AvailabilityZone || z.Id == request.AvailabilityZoneId)?.Name
            ?? throw Ec2Errors.InvalidParameterValue(
                $"Value ({request.AvailabilityZone ?? request.AvailabilityZoneId}) for parameter availabilityZone is invalid. " +
                $"Subnets can currently only be created in the following availability zones: {string.Join(", ", all.Select(z => z.Name))}.");
    }

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
