using System.Data.Common;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>
/// A subnet's IP pool: the <c>ip_addresses</c> rows are the addresses in use, one row per address
/// under the unique (subnet, address) index, so no address is ever handed out twice, whichever API
/// node asks. The network and broadcast addresses and the gateway (first host) are never handed out.
/// Callers lock the subnet row first (<see cref="SubnetRepository"/>): allocations on one subnet then
/// run one at a time and never meet the index.
/// </summary>
internal static class AddressPool
{
    /// <summary>Addresses looked up per query while allocating.</summary>
    private const int Window = 256;

    /// <summary>The first <paramref name="count"/> free addresses in next-fit order after the newest taken, or null if there are not that many.</summary>
    public static async Task<IReadOnlyList<string>?> FreeAsync(Db db, long subnetId, string cidr, int count, CancellationToken cancellationToken)
    {
        var last = await db.QuerySingleOrDefaultAsync<string?>(
            "SELECT address FROM ip_addresses WHERE subnet_id = @subnetId ORDER BY id DESC LIMIT 1", new { subnetId }, cancellationToken);
        var free = new List<string>(count);
        foreach (var window in PrivateNetwork.Parse(cidr).WindowsAfter(last, Window))
        {
            var used = await InUseAsync(db, subnetId, window, cancellationToken);
            free.AddRange(window.Where(address => !used.Contains(address)).Take(count - free.Count));
            if (free.Count == count)
            {
                return free;
            }
        }
        return null;
    }

    /// <summary>Checks that <paramref name="address"/> is one the subnet hands out and that it is free.</summary>
    public static async Task EnsureFreeAsync(Db db, long subnetId, string cidr, string address, CancellationToken cancellationToken)
    {
        if (!PrivateNetwork.Parse(cidr).Offers(address))
        {
            throw new PrivateAddressUnavailableException(address, cidr, inUse: false);
        }
        if ((await InUseAsync(db, subnetId, [address], cancellationToken)).Count > 0)
        {
            throw new PrivateAddressUnavailableException(address, cidr, inUse: true);
        }
    }

    /// <summary>Takes the address for a port or a floating IP; another holder's row makes it a domain error, never a second holder.</summary>
    public static async Task HoldAsync(
        Db db, long subnetId, string cidr, string address, long? portId, long? floatingIpId, long now, CancellationToken cancellationToken)
    {
        try
        {
            await db.ExecuteAsync(
                """
                INSERT INTO ip_addresses (subnet_id, address, port_id, floating_ip_id, created_at)
                VALUES (@subnetId, @address, @portId, @floatingIpId, @now)
                """,
                new { subnetId, address, portId, floatingIpId, now }, cancellationToken);
        }
        catch (DbException e) when (DuplicateKey.IsViolation(e))
        {
            throw new PrivateAddressUnavailableException(address, cidr, inUse: true);
        }
    }

    /// <summary>Hands back the addresses these ports hold on their own; a floating IP's address is only detached (the floating IP with it).</summary>
    public static async Task ReleasePortsAsync(Db db, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("UPDATE floating_ips SET port_id = NULL WHERE port_id IN @portIds", new { portIds }, cancellationToken);
        await db.ExecuteAsync(
            "DELETE FROM ip_addresses WHERE port_id IN @portIds AND floating_ip_id IS NULL", new { portIds }, cancellationToken);
        await db.ExecuteAsync(
            "UPDATE ip_addresses SET port_id = NULL WHERE port_id IN @portIds", new { portIds }, cancellationToken);
    }

    /// <summary>Whether something holds the address on the subnet (whatever the subnet's range).</summary>
    public static async Task<bool> IsHeldAsync(Db db, long subnetId, string address, CancellationToken cancellationToken) =>
        (await InUseAsync(db, subnetId, [address], cancellationToken)).Count > 0;

    /// <summary>How many addresses of the subnet are taken.</summary>
    public static Task<long> CountAsync(Db db, long subnetId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ip_addresses WHERE subnet_id = @subnetId", new { subnetId }, cancellationToken);

    private static async Task<IReadOnlySet<string>> InUseAsync(Db db, long subnetId, IReadOnlyList<string> addresses, CancellationToken cancellationToken) =>
        (await db.QueryAsync<string>(
            "SELECT address FROM ip_addresses WHERE subnet_id = @subnetId AND address IN @addresses", new { subnetId, addresses }, cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
}
