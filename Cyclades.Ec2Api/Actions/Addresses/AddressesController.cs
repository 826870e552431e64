using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.FloatingIps;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>Elastic IPs: the caller's floating IPs; another user's address is as unknown as one that never was.</summary>
public sealed class AddressesController(FloatingIpService floatingIps, AddressViews views, IOptions<Ec2ApiOptions> options) : Ec2Controller
{
    [Ec2Action("AllocateAddress")]
    public async Task<AllocateAddressResponse> AllocateAddress(AllocateAddressRequest request, CancellationToken cancellationToken)
    {
        if (request.NetworkBorderGroup is { } group && group != options.Value.Region)
        {
            throw Ec2Errors.InvalidParameterValue("NetworkBorderGroup", group, $"Expected: '{options.Value.Region}'.");
        }
        var tags = TagRules.TagsOf(request.TagSpecifications);
        var allocated = await floatingIps.AllocateAsync(Caller.LogicUserId(), tags, cancellationToken);
        return new AllocateAddressResponse
        {
            PublicIp = allocated.Address,
            AllocationId = AddressIds.Of(allocated.Id),
            PublicIpv4Pool = AddressItem.Pool,
            NetworkBorderGroup = options.Value.Region,
        };
    }

    [Ec2Action("DescribeAddresses")]
    public async Task<DescribeAddressesResponse> DescribeAddresses(DescribeAddressesRequest request, CancellationToken cancellationToken)
    {
        var all = await views.ListAsync(Caller, cancellationToken);
        if (request.AllocationIds.FirstOrDefault(id => all.All(a => a.AllocationId != id)) is { } unknownId)
        {
            throw AddressIds.TryParse(unknownId, out _) ? Ec2Errors.InvalidAllocationIdNotFound(unknownId) : Ec2Errors.InvalidAllocationIdMalformed(unknownId);
        }
        if (request.PublicIps.FirstOrDefault(ip => all.All(a => a.PublicIp != ip)) is { } unknownIp)
        {
            throw Ec2Errors.InvalidAddressNotFound(unknownIp);
        }
        var items = all
            .Where(a => request.AllocationIds.Count == 0 || request.AllocationIds.Contains(a.AllocationId))
            .Where(a => request.PublicIps.Count == 0 || request.PublicIps.Contains(a.PublicIp));
        return new DescribeAddressesResponse { Addresses = TagFilters.Apply(AddressFilters.Set, items, request.Filters, a => a.Tags).ToList() };
    }

    [Ec2Action("ReleaseAddress")]
    public async Task<Ec2ReturnResponse> ReleaseAddress(ReleaseAddressRequest request, CancellationToken cancellationToken)
    {
        if (request.NetworkBorderGroup is { } group && group != options.Value.Region)
        {
            throw Ec2Errors.InvalidAddressNotFound(request.PublicIp ?? request.AllocationId!);
        }
        long? id = null;
        if (request.AllocationId is { } allocationId)
        {
            id = AddressIds.TryParse(allocationId, out var parsed) ? parsed : throw Ec2Errors.InvalidAllocationIdMalformed(allocationId);
        }
        await floatingIps.ReleaseAsync(Caller.LogicUserId(), id, request.PublicIp, cancellationToken);
        return new Ec2ReturnResponse();
    }
}
