using System.Globalization;
using Cyclades.Logic.Backends;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>
/// A NIC someone else added to one of our servers (an administrator's <c>gnt-instance modify --net
/// add</c>) becomes the server owner's: on the backend's public network, a port holding the address
/// plus a floating IP of that address, commissioned (+1 <c>cyclades.floating_ip</c>, forced: the
/// administrator did it); on a private subnet's network of this cluster, a port. An address something
/// else holds already gives a port in ERROR without it (no address is ever held twice). A NIC on a
/// network the core does not know is left alone.
/// </summary>
internal static class NicAdoption
{
    public static async Task AdoptAsync(
        Db db, QuotaService quotas, Server server, ClusterNicChange nic, bool pendingRestart, long jobId, long now, CancellationToken cancellationToken)
    {
        if (await SubnetOfAsync(db, server, nic.Network, cancellationToken) is not { } subnet)
        {
            return;
        }
        var index = await PortTransitions.FreeDeviceIndexAsync(db, server.Id, null, cancellationToken) ?? 0;
        var held = nic.Ip is { } ip && await AddressPool.IsHeldAsync(db, subnet.Id, ip, cancellationToken);
        var address = held ? null : nic.Ip;
        var description = held ? $"added on the cluster; its address {nic.Ip} is held by another port or floating IP" : "added on the cluster";
        var portId = await PortRepository.InsertAsync(db,
            new NewPort(server.UserId, server.Id, subnet.Id, index, address, held ? PortState.Error : PortState.Build, description), now, cancellationToken);
        if (!held)
        {
            await PortTransitions.ConnectedAsync(db, portId, nic.Mac, pendingRestart, now, cancellationToken);
        }
        if (address is null)
        {
            return;
        }
        if (!subnet.IsPublic)
        {
            await AddressPool.HoldAsync(db, subnet.Id, subnet.Cidr, address, portId, floatingIpId: null, now, cancellationToken);
            return;
        }
        var commission = await quotas.IssueAndAcceptAsync(db, new CommissionRequest(server.UserId,
            Provisions.Of((QuotaResource.FloatingIp, 1)), $"dispatcher: NIC {address} added to {server.InstanceName} job {jobId}",
            server.Id, jobId, Forced: true), cancellationToken);
        var floatingIpId = await FloatingIpRepository.InsertAsync(db, server.UserId, subnet.Id, address, commission, now, cancellationToken);
        await AddressPool.HoldAsync(db, subnet.Id, subnet.Cidr, address, portId, floatingIpId, now, cancellationToken);
        await FloatingIpRepository.AttachPortAsync(db, floatingIpId, portId, now, cancellationToken);
    }

    /// <summary>The backend's public subnet (network null), or the private subnet <c>snf-net-&lt;id&gt;</c> of this backend.</summary>
    private static async Task<Subnet?> SubnetOfAsync(Db db, Server server, string? network, CancellationToken cancellationToken)
    {
        if (network is null)
        {
            return (await SubnetRepository.LockPublicAsync(db, server.BackendId, cancellationToken)).ToSubnet();
        }
        return network.StartsWith(ClusterNetworks.NamePrefix, StringComparison.Ordinal)
            && long.TryParse(network.AsSpan(ClusterNetworks.NamePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await SubnetRepository.GetAsync(db, id, cancellationToken) is { } row && row.BackendId == server.BackendId && row.State == "ACTIVE"
                ? row.ToSubnet()
                : null;
    }
}
