using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>
/// Reads networks, subnets and ports for front-ends, always for one user (another user's ids are
/// simply not found). A user's default network is created on his first read; the public subnets
/// follow the enabled backends (made or brought in line with their ranges here when needed).
/// </summary>
public sealed class NetworkQueries(IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>The user's default network (created on first use).</summary>
    public async Task<Network> GetDefaultNetworkAsync(string userId, CancellationToken cancellationToken)
    {
        var publics = await PublicSubnetsAsync(cancellationToken);
        var row = await connections.ReadAsync(db => NetworkRepository.FindDefaultAsync(db, userId, cancellationToken), cancellationToken)
            ?? await connections.ReadAsync(db => NetworkRepository.EnsureDefaultAsync(db, userId, Now, cancellationToken), cancellationToken);
        return row.ToNetwork(DefaultCidr(publics));
    }

    /// <summary>The user's live networks in id order (his default network first made if needed), optionally only these ids.</summary>
    public async Task<IReadOnlyList<Network>> ListNetworksAsync(string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        var defaultNetwork = await GetDefaultNetworkAsync(userId, cancellationToken);
        var rows = await connections.ReadAsync(db => NetworkRepository.ListAsync(db, userId, ids, cancellationToken), cancellationToken);
        return rows.Select(r => r.ToNetwork(defaultNetwork.Cidr)).ToList();
    }

    /// <summary>One of the user's live networks; null if he has none with this id.</summary>
    public async Task<Network?> FindNetworkAsync(string userId, long id, CancellationToken cancellationToken) =>
        (await ListNetworksAsync(userId, [id], cancellationToken)).SingleOrDefault();

    /// <summary>The live subnets the user sees (the public ones of enabled backends, his own), in id order, optionally only these ids.</summary>
    public async Task<IReadOnlyList<SubnetView>> ListSubnetsAsync(string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        var defaultNetwork = await GetDefaultNetworkAsync(userId, cancellationToken);
        return await connections.ReadAsync(async db =>
        {
            var (subnets, backends) = await VisibleSubnetsAsync(db, userId, ids, cancellationToken);
            var taken = await TakenAsync(db, subnets.Select(s => s.Id).ToList(), cancellationToken);
            return (IReadOnlyList<SubnetView>)subnets
                .Select(s => new SubnetView(
                    s.ToSubnet(), s.NetworkId ?? defaultNetwork.Id, backends[s.BackendId].Name,
                    Capacity(s.Cidr) - taken.GetValueOrDefault(s.Id)))
                .ToList();
        }, cancellationToken);
    }

    /// <summary>The live subnets the user sees (public ones only of enabled backends), with the backends by id.</summary>
    private static async Task<(IReadOnlyList<SubnetRepository.SubnetRow> Subnets, IReadOnlyDictionary<long, BackendRepository.BackendRow> Backends)> VisibleSubnetsAsync(
        Db db, string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        var backends = (await BackendRepository.ListAsync(db, cancellationToken)).ToDictionary(b => b.Id);
        var subnets = (await SubnetRepository.ListForUserAsync(db, userId, ids, cancellationToken))
            .Where(s => !s.IsPublic || backends[s.BackendId].Enabled)
            .ToList();
        return (subnets, backends);
    }

    /// <summary>One subnet the user sees; null if there is none with this id.</summary>
    public async Task<SubnetView?> FindSubnetAsync(string userId, long id, CancellationToken cancellationToken) =>
        (await ListSubnetsAsync(userId, [id], cancellationToken)).SingleOrDefault();

    /// <summary>The user's ports in id order, optionally only these ids.</summary>
    public Task<IReadOnlyList<Port>> ListPortsAsync(string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (IReadOnlyList<Port>)(await PortRepository.ListForUserAsync(db, userId, ids, cancellationToken)).Select(p => p.ToPort()).ToList(),
            cancellationToken);

    /// <summary>The ports of these servers (the caller has checked whose they are), each server's by device index.</summary>
    public Task<ILookup<long, Port>> PortsOfServersAsync(IReadOnlyCollection<long> serverIds, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
            (await PortRepository.ListByServersAsync(db, serverIds, cancellationToken)).Select(p => p.ToPort()).ToLookup(p => p.ServerId!.Value),
            cancellationToken);

    /// <summary>How many addresses a subnet of this range hands out: all but the network, gateway and broadcast addresses.</summary>
    public static long Capacity(string cidr) => (1L << (32 - Ipv4Block.Parse(cidr).PrefixLength)) - 3;

    /// <summary>
    /// The default network's block: the smallest one holding every public subnet of the enabled
    /// backends (so it grows when the operator adds a cluster with a range outside it).
    /// </summary>
    internal static string DefaultCidr(IEnumerable<SubnetRepository.SubnetRow> publics) =>
        Ipv4Block.Covering(publics.Select(s => Ipv4Block.Parse(s.Cidr))).ToString();

    /// <summary>The public subnets of the enabled backends, each made or brought in line with its backend's range first if needed.</summary>
    private async Task<IReadOnlyList<SubnetRepository.SubnetRow>> PublicSubnetsAsync(CancellationToken cancellationToken)
    {
        var (backends, publics) = await connections.ReadAsync(async db =>
            ((await BackendRepository.ListAsync(db, cancellationToken)).Where(b => b.Enabled).ToList(),
             await SubnetRepository.ListPublicAsync(db, cancellationToken)), cancellationToken);
        var byBackend = publics.ToDictionary(s => s.BackendId);
        var stale = backends.Where(b => !byBackend.TryGetValue(b.Id, out var s) || s.Cidr != b.NetworkCidr).ToList();
        if (stale.Count > 0)
        {
            await connections.ReadAsync(async db =>
            {
                foreach (var backend in stale)
                {
                    await SubnetRepository.EnsurePublicAsync(db, backend.Id, backend.NetworkCidr, Now, cancellationToken);
                }
                return true;
            }, cancellationToken);
            byBackend = (await connections.ReadAsync(db => SubnetRepository.ListPublicAsync(db, cancellationToken), cancellationToken))
                .ToDictionary(s => s.BackendId);
        }
        return backends.Select(b => byBackend[b.Id]).ToList();
    }

    private static async Task<IReadOnlyDictionary<long, long>> TakenAsync(Db db, IReadOnlyCollection<long> subnetIds, CancellationToken cancellationToken) =>
        subnetIds.Count == 0
            ? new Dictionary<long, long>()
            : (await db.QueryAsync<TakenRow>(
                "SELECT subnet_id AS SubnetId, COUNT(*) AS Taken FROM ip_addresses WHERE subnet_id IN @subnetIds GROUP BY subnet_id",
                new { subnetIds }, cancellationToken)).ToDictionary(r => r.SubnetId, r => r.Taken);

    private long Now => UnixTime.ToMicros(clock.GetUtcNow());

    private sealed class TakenRow
    {
        public long SubnetId { get; init; }

        public long Taken { get; init; }
    }
}
