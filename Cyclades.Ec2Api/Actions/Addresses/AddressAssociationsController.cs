using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>
/// Associating an Elastic IP attaches the floating IP to the instance as Synnefo does: an extra NIC on the public
/// network holding the address (the association is that NIC's port). Both actions wait, bounded, until the cluster
/// has applied the change, so what answers is what is (a release right after a disassociation finds the address free).
/// </summary>
public sealed class AddressAssociationsController(
    FloatingIpService floatingIps, NicCommands nics, NicTaskWait wait, InstanceLookup instances, NetworkInterfaceLookup interfaces) : Ec2Controller
{
    /// <summary>
    /// To an instance, or to the instance an interface is attached to. The same instance again answers its
    /// association; another one only with <c>AllowReassociation=true</c> (else <c>Resource.AlreadyAssociated</c>).
    /// </summary>
    [Ec2Action("AssociateAddress")]
    [HandlesDryRun]
    public async Task<AssociateAddressResponse> AssociateAddress(AssociateAddressRequest request, CancellationToken cancellationToken)
    {
        var userId = Caller.LogicUserId();
        var address = await RequireAsync(request.AllocationId, request.PublicIp, cancellationToken);
        var serverId = await TargetAsync(request, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);
        if (address.PortId is { } current)
        {
            if (address.ServerId == serverId)
            {
                return new AssociateAddressResponse { AssociationId = AddressViews.AssociationIdOf(current) };
            }
            if (request.AllowReassociation != true)
            {
                throw Ec2Errors.ResourceAlreadyAssociated(
                    $"resource {AddressIds.Of(address.Id)} is already associated with associate-id {AddressViews.AssociationIdOf(current)}");
            }
            await nics.DetachFloatingIpAsync(userId, address.Id, cancellationToken);
            await wait.UntilAppliedAsync(userId, address.ServerId!.Value, cancellationToken);
        }
        await nics.AttachFloatingIpAsync(userId, address.Id, serverId, cancellationToken);
        await wait.UntilAppliedAsync(userId, serverId, cancellationToken);
        var attached = await RequireAsync(AddressIds.Of(address.Id), null, cancellationToken);
        return attached.PortId is { } port && attached.ServerId == serverId
            ? new AssociateAddressResponse { AssociationId = AddressViews.AssociationIdOf(port) }
            : throw Ec2Errors.InternalError(
                $"The availability zone could not add the interface of {attached.Address} to instance '{InstanceIds.Of(serverId)}'; the address is not associated.");
    }

    /// <summary>By association id (or the address); an address that is not associated any more is <c>InvalidAssociationID.NotFound</c>.</summary>
    [Ec2Action("DisassociateAddress")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> DisassociateAddress(DisassociateAddressRequest request, CancellationToken cancellationToken)
    {
        var userId = Caller.LogicUserId();
        var all = await floatingIps.ListAsync(userId, null, cancellationToken);
        FloatingIp? address;
        if (request.AssociationId is { } associationId)
        {
            address = AddressViews.TryParseAssociationId(associationId, out var portId) ? all.SingleOrDefault(f => f.PortId == portId) : null;
            _ = address ?? throw Ec2Errors.InvalidAssociationIdNotFound(associationId);
        }
        else
        {
            address = all.SingleOrDefault(f => f.Address == request.PublicIp) ?? throw Ec2Errors.InvalidAddressNotFound(request.PublicIp!);
        }
        DryRunGate.ThrowIfDryRun(request);
        if (address.ServerId is { } serverId)
        {
            await nics.DetachFloatingIpAsync(userId, address.Id, cancellationToken);
            await wait.UntilAppliedAsync(userId, serverId, cancellationToken);
        }
        return new Ec2ReturnResponse();
    }

    private async Task<FloatingIp> RequireAsync(string? allocationId, string? publicIp, CancellationToken cancellationToken)
    {
        var all = await floatingIps.ListAsync(Caller.LogicUserId(), null, cancellationToken);
        if (allocationId is not null)
        {
            return all.SingleOrDefault(f => AddressIds.Of(f.Id) == allocationId)
                ?? throw (AddressIds.TryParse(allocationId, out _)
                    ? Ec2Errors.InvalidAllocationIdNotFound(allocationId)
                    : Ec2Errors.InvalidAllocationIdMalformed(allocationId));
        }
        return all.SingleOrDefault(f => f.Address == publicIp) ?? throw Ec2Errors.InvalidAddressNotFound(publicIp!);
    }

    /// <summary>The instance named, or the one the named interface is attached to; a private address named must be that interface's (the instance's primary).</summary>
    private async Task<long> TargetAsync(AssociateAddressRequest request, CancellationToken cancellationToken)
    {
        if (request.NetworkInterfaceId is { } interfaceId)
        {
            var port = await interfaces.RequireAsync(Caller, interfaceId, cancellationToken);
            if (request.PrivateIpAddress is { } chosen && chosen != port.Address)
            {
                throw Ec2Errors.InvalidParameterValue($"The network interface '{interfaceId}' has no private address {chosen}.");
            }
            return port.ServerId ?? throw Ec2Errors.UnsupportedOperation(
                $"The network interface '{interfaceId}' is not attached to an instance: an Elastic IP here is an extra interface of an instance, so it can only be associated through an attached one.");
        }
        var server = (await instances.RequireAsync(Caller, [request.InstanceId!], cancellationToken)).Single().Server;
        if (request.PrivateIpAddress is { } address && address != server.PrivateIp)
        {
            throw Ec2Errors.InvalidParameterValue($"The instance '{request.InstanceId}' has no private address {address} on its primary interface.");
        }
        return server.Id;
    }
}
