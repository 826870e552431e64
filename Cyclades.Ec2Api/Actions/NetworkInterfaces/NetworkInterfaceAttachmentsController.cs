using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>
/// A detached interface joins an instance of its availability zone as an extra NIC (Ganeti <c>nics</c> add);
/// detaching removes that NIC and leaves the interface <c>available</c>. Both answer at once: the attachment is
/// <c>attaching</c> until the cluster has the NIC, and stays <c>attached</c> until it is gone.
/// </summary>
public sealed class NetworkInterfaceAttachmentsController(
    NetworkInterfaceLookup interfaces, InstanceLookup instances, NetworkQueries networks, NicCommands nics) : Ec2Controller
{
    [Ec2Action("AttachNetworkInterface")]
    [HandlesDryRun]
    public async Task<AttachNetworkInterfaceResponse> AttachNetworkInterface(AttachNetworkInterfaceRequest request, CancellationToken cancellationToken)
    {
        var port = await interfaces.RequireAsync(Caller, request.NetworkInterfaceId, cancellationToken);
        var server = (await instances.RequireAsync(Caller, [request.InstanceId], cancellationToken)).Single();
        DryRunGate.ThrowIfDryRun(request);
        var attached = await nics.ConnectPortAsync(Caller.LogicUserId(), port.Id, server.Server.Id, request.DeviceIndex, cancellationToken);
        return new AttachNetworkInterfaceResponse { AttachmentId = NetworkInterfaceIds.AttachmentOf(attached.Id) };
    }

    /// <summary>The primary interface (device index 0) leaves only with its instance: <c>OperationNotPermitted</c>.</summary>
    [Ec2Action("DetachNetworkInterface")]
    [HandlesDryRun]
    public async Task<Ec2ReturnResponse> DetachNetworkInterface(DetachNetworkInterfaceRequest request, CancellationToken cancellationToken)
    {
        var userId = Caller.LogicUserId();
        var port = NetworkInterfaceIds.TryParseAttachment(request.AttachmentId, out var portId)
            ? (await networks.ListPortsAsync(userId, [portId], cancellationToken)).SingleOrDefault(p => p.ServerId is not null)
            : null;
        if (port is null)
        {
            throw Ec2Errors.InvalidAttachmentIdNotFound(request.AttachmentId);
        }
        DryRunGate.ThrowIfDryRun(request);
        await nics.DisconnectPortAsync(userId, port.Id, port.ServerId, cancellationToken);
        return new Ec2ReturnResponse();
    }
}
