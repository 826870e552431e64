using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Networks;
using Cyclades.Logic.SecurityGroups;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>Network interfaces: the caller's ports (a server's NICs and the ones he made on their own).</summary>
public sealed class NetworkInterfacesController(
    NetworkInterfaceLookup interfaces,
    SubnetLookup subnets,
    PortCommands ports,
    SecurityGroupService groups,
    ItemPages pages) : Ec2Controller
{
    /// <summary>
    /// A detached interface (<c>available</c>) with an address from the subnet's pool; its groups, if named, else the
    /// VPC's default group. A retry with the same ClientToken gets the interface the first request made.
    /// </summary>
    [Ec2Action("CreateNetworkInterface")]
    [HandlesDryRun]
    public async Task<CreateNetworkInterfaceResponse> CreateNetworkInterface(CreateNetworkInterfaceRequest request, CancellationToken cancellationToken)
    {
        var subnet = await subnets.RequireAsync(Caller, request.SubnetId, cancellationToken);
        var groupIds = request.SecurityGroupIds.Select(SecurityGroupLookup.ParseId).ToList();
        DryRunGate.ThrowIfDryRun(request);
        var port = await ports.CreateAsync(new PortRequest(Caller.LogicUserId(), subnet.Subnet.Id, request.PrivateIpAddress)
        {
            Description = request.Description ?? "",
            Tags = TagRules.TagsOf(request.TagSpecifications),
            SecurityGroupIds = groupIds,
            IdempotencyKey = ClientTokens.KeyOf(request.ClientToken),
        }, cancellationToken);
        return new CreateNetworkInterfaceResponse
        {
            NetworkInterface = (await interfaces.RenderAsync(Caller, [port], cancellationToken)).Single(),
            ClientToken = request.ClientToken,
        };
    }

    /// <summary>An attached interface (a server's primary one included) is <c>InvalidNetworkInterface.InUse</c>.</summary>
    [Ec2Action("DeleteNetworkInterface")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> DeleteNetworkInterface(DeleteNetworkInterfaceRequest request, CancellationToken cancellationToken)
    {
        var port = await interfaces.RequireAsync(Caller, request.NetworkInterfaceId, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        await ports.DeleteAsync(Caller.LogicUserId(), port.Id, cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("DescribeNetworkInterfaces")]
    [HandlesDryRun]
    public async Task<DescribeNetworkInterfacesResponse> DescribeNetworkInterfaces(DescribeNetworkInterfacesRequest request, CancellationToken cancellationToken)
    {
        var found = await interfaces.ListAsync(Caller, request.NetworkInterfaceIds, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        var items = TagFilters.Apply(NetworkInterfaceFilters.Set, await interfaces.RenderAsync(Caller, found, cancellationToken), request.Filters, n => n.Tags);
        var (page, nextToken) = pages.Page(items, NetworkInterfaceLookup.IdOf, new { Caller.UserId, request.NetworkInterfaceIds, request.Filters },
            request.NextToken, request.MaxResults);
        return new DescribeNetworkInterfacesResponse { NetworkInterfaces = page, NextToken = nextToken };
    }

    [Ec2Action("ModifyNetworkInterfaceAttribute")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> ModifyNetworkInterfaceAttribute(ModifyNetworkInterfaceAttributeRequest request, CancellationToken cancellationToken)
    {
        var port = await interfaces.RequireAsync(Caller, request.NetworkInterfaceId, cancellationToken);
        var groupIds = request.SecurityGroupIds.Select(SecurityGroupLookup.ParseId).ToList();
        if (request.Attachment?.AttachmentId is { } attachmentId && (port.ServerId is null || attachmentId != NetworkInterfaceIds.AttachmentOf(port.Id)))
        {
            throw Ec2Errors.InvalidAttachmentIdNotFound(attachmentId);
        }
        DryRunGate.ThrowIfDryRun(request);
        var userId = Caller.LogicUserId();
        if (groupIds.Count > 0)
        {
            await groups.SetPortGroupsAsync(userId, port.Id, groupIds, cancellationToken);
            return new Ec2ReturnResponse();
        }
        await ports.ModifyAsync(userId, port.Id, new PortChange(
            request.Description?.Value, request.SourceDestCheck?.Value, request.Attachment?.DeleteOnTermination), cancellationToken);
        return new Ec2ReturnResponse();
    }
}
