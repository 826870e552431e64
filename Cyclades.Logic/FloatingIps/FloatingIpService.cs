using System.Globalization;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.FloatingIps;

/// <summary>
/// Users' floating IPs (Synnefo's <c>logic/ips.py</c>): allocated from a public subnet's pool with
/// +1 <c>cyclades.floating_ip</c> through a commission, released back to it with −1. Allocation
/// touches no cluster: Ganeti learns the address only when a NIC uses it. Another user's floating IP
/// is simply not found.
/// </summary>
public sealed class FloatingIpService(IDbConnectionFactory connections, QuotaService quotas, NetworkQueries networks, TimeProvider clock)
{
    /// <summary>Takes a free address from the first public subnet (enabled backends, in order) that has one.</summary>
    /// <exception cref="QuotaExceededException">The user's <c>cyclades.floating_ip</c> is used up.</exception>
    /// <exception cref="NoFloatingAddressException">No public subnet has a free address.</exception>
    public async Task<FloatingIp> AllocateAsync(string userId, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        // Made (or brought in line with the backends) outside the transaction, as the subnets want.
        var publics = (await networks.ListSubnetsAsync(userId, null, cancellationToken))
            .Where(s => s.Subnet.IsPublic)
            .Select(s => s.Subnet.BackendId)
            .ToList();
        await quotas.EnsureHolderAsync(userId, cancellationToken);
        var id = await connections.WriteAsync(async db =>
        {
            var now = clock.GetUtcNow();
            var commission = await quotas.IssueAndAcceptAsync(
                db, new CommissionRequest(userId, Provisions.Of((QuotaResource.FloatingIp, 1)), "allocate floating IP"), cancellationToken);
            foreach (var backend in publics)
            {
                // Locks the subnet: its pool hands out one address at a time, to ports and floating IPs alike.
                var subnet = await SubnetRepository.LockPublicAsync(db, backend, cancellationToken);
                if (await AddressPool.FreeAsync(db, subnet.Id, subnet.Cidr, 1, cancellationToken) is not [var address])
                {
                    continue;
                }
                var id = await FloatingIpRepository.InsertAsync(db, userId, subnet.Id, address, commission, UnixTime.ToMicros(now), cancellationToken);
                await AddressPool.HoldAsync(db, subnet.Id, subnet.Cidr, address, portId: null, floatingIpId: id, UnixTime.ToMicros(now), cancellationToken);
                await TagService.AddAsync(db, userId, [ResourceOf(id)], tags, now, cancellationToken);
                return id;
            }
            throw new NoFloatingAddressException();
        }, cancellationToken);
        return (await ListAsync(userId, [id], cancellationToken)).Single();
    }

    /// <summary>The user's floating IPs in id order, optionally only these ids.</summary>
    public Task<IReadOnlyList<FloatingIp>> ListAsync(string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => FloatingIpRepository.ListAsync(db, userId, ids, cancellationToken), cancellationToken);

    /// <summary>
    /// Gives the address (named by id, else by <paramref name="address"/>) back to its pool, with its
    /// tags, and −1 <c>cyclades.floating_ip</c>.
    /// </summary>
    /// <exception cref="FloatingIpNotFoundException">The user has no such floating IP.</exception>
    /// <exception cref="FloatingIpInUseException">It is attached: detach it first (as Synnefo, which refuses with 409).</exception>
    public Task<FloatingIp> ReleaseAsync(string userId, long? id, string? address, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var floatingIp = await FloatingIpRepository.LockAsync(db, userId, id, address, cancellationToken)
                ?? throw new FloatingIpNotFoundException(id, address);
            if (floatingIp.PortId is { } portId)
            {
                throw new FloatingIpInUseException(floatingIp.Id, floatingIp.Address, portId);
            }
            await FloatingIpRepository.ReleaseAddressAsync(db, floatingIp.Id, cancellationToken);
            await TagRepository.DeleteAsync(db, userId, [ResourceOf(floatingIp.Id)], null, cancellationToken);
            var commission = await quotas.IssueAndAcceptAsync(
                db, new CommissionRequest(userId, Provisions.Of((QuotaResource.FloatingIp, -1)), $"release floating IP {floatingIp.Id}"), cancellationToken);
            await FloatingIpRepository.MarkDeletedAsync(db, floatingIp.Id, commission, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return floatingIp;
        }, cancellationToken);

    /// <summary>How a floating IP is named among tagged resources.</summary>
    public static TaggedResource ResourceOf(long floatingIpId) =>
        new(TaggedResourceType.FloatingIp, floatingIpId.ToString(CultureInfo.InvariantCulture));
}
