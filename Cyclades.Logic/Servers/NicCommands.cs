using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Servers;

/// <summary>
/// A server's NICs: connect a detached port to a server, disconnect it; attach a floating IP to a
/// server (Synnefo's model: a new port on the floating IP's public subnet holding the floating
/// address, connected as an extra NIC) and detach it (that port disconnected and deleted; the floating
/// IP stays allocated). The shape of the server commands: one transaction locks the port (or floating
/// IP) and then the server, checks, records the port's change and the server's task; the Ganeti job
/// (<c>nics</c> add/remove with <c>hotplug_if_possible</c>) is submitted after the commit; its result
/// reaches the port only through the dispatcher (<c>Events/Operations/NicHandlers</c>). No quota moves:
/// a floating IP counts from allocation to release, attached or not; ports have no quota.
/// </summary>
/// <remarks>
/// Where the cluster cannot hotplug (the fake hypervisor and Xen; a stopped server trivially), the NIC
/// is added to or removed from the configuration and the guest sees the change at its next start: a
/// port added to a running server that way is <see cref="Port.PendingRestart"/> until then.
/// </remarks>
public sealed class NicCommands(IDbConnectionFactory connections, ServerTaskJobs jobs, ClusterNetworks clusterNetworks, TimeProvider clock)
{
    /// <summary>The most NICs a server has (Ganeti's default instance policy allows 8).</summary>
    public const int MaxPorts = 8;

    /// <summary>Connects a detached port to a server of its subnet's cluster, as the next NIC (or at <paramref name="deviceIndex"/>).</summary>
    /// <returns>The port as connecting (BUILD, attached to the server).</returns>
    /// <exception cref="NetworkNotFoundException">The user has no such port.</exception>
    /// <exception cref="ServerNotFoundException">The user has no such server.</exception>
    /// <exception cref="PortInUseException">The port is attached to a server already.</exception>
    /// <exception cref="PortZoneMismatchException">The port's subnet is on another cluster.</exception>
    /// <exception cref="DeviceIndexInUseException"/>
    /// <exception cref="PortLimitExceededException"/>
    /// <exception cref="PendingTaskException">The server has a task (only terminate goes past one).</exception>
    /// <exception cref="InvalidServerStateException">The server is neither running nor stopped.</exception>
    public async Task<Port> ConnectPortAsync(string userId, long portId, long serverId, int? deviceIndex, CancellationToken cancellationToken)
    {
        var (server, port, subnet) = await connections.WriteAsync(async db =>
        {
            var port = await PortRepository.LockAsync(db, userId, portId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Port, portId);
            if (port.ServerId is { } attachedTo)
            {
                throw new PortInUseException(port.Id, attachedTo);
            }
            var server = await LockServerAsync(db, userId, serverId, cancellationToken);
            var subnet = (await SubnetRepository.GetAsync(db, port.SubnetId, cancellationToken))!.ToSubnet();
            if (subnet.BackendId != server.BackendId)
            {
                throw new PortZoneMismatchException(port.Id, null, server.Id);
            }
            var (now, index) = await PrepareAsync(db, server, ServerAction.ConnectPort, deviceIndex, cancellationToken);
            var connecting = port with { ServerId = server.Id, DeviceIndex = index, State = PortState.Build.ToDb(), Mac = null };
            await PortRepository.UpdateAsync(db, connecting, UnixTime.ToMicros(now), cancellationToken);
            return (await ServerTaskJobs.StartAsync(db, server, ServerAction.ConnectPort, now, cancellationToken), connecting.ToPort(), subnet);
        }, cancellationToken);
        await SubmitAddAsync(server, port, subnet);
        return port;
    }

    /// <summary>Disconnects a port from its server; the port stays, detached (a floating IP's port is deleted).</summary>
    /// <param name="serverId">When given, the server it must be attached to.</param>
    /// <returns>The port as it is while its NIC is being removed (the server's task says so).</returns>
    /// <exception cref="NetworkNotFoundException">The user has no such port.</exception>
    /// <exception cref="PortNotAttachedException">The port is not attached (to that server).</exception>
    /// <exception cref="PrimaryPortException">The port is its server's primary (device index 0).</exception>
    public async Task<Port> DisconnectPortAsync(string userId, long portId, long? serverId, CancellationToken cancellationToken)
    {
        var (server, port) = await connections.WriteAsync(async db =>
        {
            var port = await PortRepository.LockAsync(db, userId, portId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Port, portId);
            if (port.ServerId is not { } attachedTo || (serverId is { } expected && expected != attachedTo))
            {
                throw new PortNotAttachedException(port.Id);
            }
            if (port.DeviceIndex == 0)
            {
                throw new PrimaryPortException(port.Id, attachedTo);
            }
            return await StartRemoveAsync(db, userId, port, cancellationToken);
        }, cancellationToken);
        await SubmitRemoveAsync(server, port);
        return port;
    }

    /// <summary>Attaches an unattached floating IP to a server of its cluster: a new port holding the address, the server's next NIC.</summary>
    /// <returns>The floating IP, attached to its new port (BUILD until the cluster has the NIC).</returns>
    /// <exception cref="FloatingIpNotFoundException">The user has no such floating IP.</exception>
    /// <exception cref="FloatingIpInUseException">It is attached already.</exception>
    /// <exception cref="PortZoneMismatchException">It is on another cluster than the server.</exception>
    public async Task<FloatingIp> AttachFloatingIpAsync(string userId, long floatingIpId, long serverId, CancellationToken cancellationToken)
    {
        var (server, port, subnet) = await connections.WriteAsync(async db =>
        {
            var floatingIp = await FloatingIpRepository.LockAsync(db, userId, floatingIpId, null, cancellationToken)
                ?? throw new FloatingIpNotFoundException(floatingIpId, null);
            if (floatingIp.PortId is { } portId)
            {
                throw new FloatingIpInUseException(floatingIp.Id, floatingIp.Address, portId);
            }
            var server = await LockServerAsync(db, userId, serverId, cancellationToken);
            if (floatingIp.BackendId != server.BackendId)
            {
                throw new PortZoneMismatchException(null, floatingIp.Id, server.Id);
            }
            var (now, index) = await PrepareAsync(db, server, ServerAction.ConnectPort, null, cancellationToken);
            var micros = UnixTime.ToMicros(now);
            var id = await PortRepository.InsertAsync(db,
                new NewPort(userId, server.Id, floatingIp.SubnetId, index, floatingIp.Address, PortState.Build), micros, cancellationToken);
            await FloatingIpRepository.AttachPortAsync(db, floatingIp.Id, id, micros, cancellationToken);
            var subnet = (await SubnetRepository.GetAsync(db, floatingIp.SubnetId, cancellationToken))!.ToSubnet();
            return (await ServerTaskJobs.StartAsync(db, server, ServerAction.ConnectPort, now, cancellationToken),
                (await PortRepository.GetAsync(db, id, cancellationToken))!.ToPort(), subnet);
        }, cancellationToken);
        await SubmitAddAsync(server, port, subnet);
        return await FindAsync(userId, floatingIpId, cancellationToken);
    }

    /// <summary>Detaches a floating IP from its server: its port's NIC is removed and the port deleted; the floating IP stays allocated.</summary>
    /// <returns>The floating IP as it is while its NIC is being removed (still attached; the server's task says so).</returns>
    /// <exception cref="FloatingIpNotFoundException">The user has no such floating IP.</exception>
    /// <exception cref="FloatingIpNotAttachedException">It is not attached to a server.</exception>
    public async Task<FloatingIp> DetachFloatingIpAsync(string userId, long floatingIpId, CancellationToken cancellationToken)
    {
        var (server, port) = await connections.WriteAsync(async db =>
        {
            var floatingIp = await FloatingIpRepository.LockAsync(db, userId, floatingIpId, null, cancellationToken)
                ?? throw new FloatingIpNotFoundException(floatingIpId, null);
            var port = floatingIp.PortId is { } portId ? await PortRepository.LockAsync(db, userId, portId, cancellationToken) : null;
            if (port?.ServerId is null)
            {
                throw new FloatingIpNotAttachedException(floatingIp.Id, floatingIp.Address);
            }
            return await StartRemoveAsync(db, userId, port, cancellationToken);
        }, cancellationToken);
        await SubmitRemoveAsync(server, port);
        return await FindAsync(userId, floatingIpId, cancellationToken);
    }

    private async Task<(Server, Port)> StartRemoveAsync(Db db, string userId, PortRepository.PortRow port, CancellationToken cancellationToken)
    {
        var server = await LockServerAsync(db, userId, port.ServerId!.Value, cancellationToken);
        VolumeActionRules.EnsureAllowed(server, ServerAction.DisconnectPort);
        return (await ServerTaskJobs.StartAsync(db, server, ServerAction.DisconnectPort, clock.GetUtcNow(), cancellationToken), port.ToPort());
    }

    /// <summary>The server allows the action and has room for one more NIC; the device index it gets.</summary>
    private async Task<(DateTimeOffset Now, int Index)> PrepareAsync(
        Db db, Server server, ServerAction action, int? deviceIndex, CancellationToken cancellationToken)
    {
        VolumeActionRules.EnsureAllowed(server, action);
        if (await PortTransitions.CountAsync(db, server.Id, cancellationToken) >= MaxPorts)
        {
            throw new PortLimitExceededException(server.Id, MaxPorts);
        }
        var index = await PortTransitions.FreeDeviceIndexAsync(db, server.Id, deviceIndex, cancellationToken)
            ?? throw new DeviceIndexInUseException(server.Id, deviceIndex!.Value);
        return (clock.GetUtcNow(), index);
    }

    /// <summary>A private subnet's network is made ready on the cluster first (as for a launch).</summary>
    private Task SubmitAddAsync(Server server, Port port, Subnet subnet) =>
        jobs.SubmitAsync(server,
            async (driver, token) =>
            {
                await clusterNetworks.EnsureAsync(subnet, driver, token);
                return await driver.AddNicAsync(server.InstanceName,
                    new ClusterNicSpec(ClusterNetworks.NicNameOf(port.Id), ClusterNetworks.NetworkFor(subnet), port.Address), token);
            },
            db => PortTransitions.UndoConnectAsync(db, port.Id, UnixTime.ToMicros(clock.GetUtcNow()), CancellationToken.None));

    private Task SubmitRemoveAsync(Server server, Port port) =>
        jobs.SubmitAsync(server,
            (driver, token) => driver.RemoveNicAsync(server.InstanceName, ClusterNetworks.NicNameOf(port.Id), token),
            _ => Task.CompletedTask);

    private async Task<FloatingIp> FindAsync(string userId, long floatingIpId, CancellationToken cancellationToken) =>
        (await connections.ReadAsync(db => FloatingIpRepository.ListAsync(db, userId, [floatingIpId], cancellationToken), cancellationToken)).Single();

    private static async Task<Server> LockServerAsync(Db db, string userId, long serverId, CancellationToken cancellationToken) =>
        (await ServerRepository.LockAsync(db, userId, [serverId], cancellationToken)).SingleOrDefault()
        ?? throw new ServerNotFoundException([serverId]);
}
