using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;

namespace Cyclades.Logic.Networks;

/// <summary>
/// A user's private networks and subnets. Creating a network takes one <c>cyclades.network.private</c>
/// (an accepted commission, as a server's quota), deleting it gives it back. Nothing reaches a cluster
/// here: a private subnet's Ganeti network is made when a server first uses it
/// (<see cref="ClusterNetworks"/>).
/// </summary>
public sealed class NetworkCommands(IDbConnectionFactory connections, QuotaService quotas, BackendRegistry backends, NetworkQueries queries, TimeProvider clock)
{
    private static readonly Provisions OneNetwork = Provisions.Of((QuotaResource.NetworkPrivate, 1));

    public async Task<Network> CreateNetworkAsync(string userId, string cidr, CancellationToken cancellationToken)
    {
        var block = ParseSized(NetworkResource.Network, cidr);
        var defaultCidr = (await queries.GetDefaultNetworkAsync(userId, cancellationToken)).Cidr;
        await quotas.EnsureHolderAsync(userId, cancellationToken);
        var id = await connections.WriteAsync(async db =>
        {
            var networkId = await NetworkRepository.InsertPrivateAsync(db, userId, block.ToString(), Now, cancellationToken);
            var commission = await quotas.IssueAndAcceptAsync(
                db, new CommissionRequest(userId, OneNetwork, $"create network {networkId}"), cancellationToken);
            await NetworkRepository.AttachCommissionAsync(db, networkId, commission, cancellationToken);
            return networkId;
        }, cancellationToken);
        return (await connections.ReadAsync(db => NetworkRepository.GetAsync(db, userId, id, cancellationToken), cancellationToken))!
            .ToNetwork(defaultCidr);
    }

    /// <summary>Deletes a private network that has no subnets left, and gives its quota back.</summary>
    public Task DeleteNetworkAsync(string userId, long networkId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var network = await NetworkRepository.LockAsync(db, userId, networkId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Network, networkId);
            if (network.IsDefault)
            {
                throw new DefaultNetworkException("be deleted");
            }
            var subnets = await SubnetRepository.ListByNetworkAsync(db, networkId, cancellationToken);
            if (subnets.Count > 0)
            {
                throw new NetworkInUseException(NetworkResource.Network, networkId, $"{subnets.Count} subnet(s)");
            }
            var commission = await quotas.IssueAndAcceptAsync(
                db, new CommissionRequest(userId, OneNetwork.Negate(), $"delete network {networkId}", Forced: true), cancellationToken);
            await NetworkRepository.MarkDeletedAsync(db, networkId, commission, Now, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Records the network's DNS flags (null leaves one as it is).</summary>
    public Task SetDnsAsync(string userId, long networkId, bool? dnsSupport, bool? dnsHostnames, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var network = await NetworkRepository.LockAsync(db, userId, networkId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Network, networkId);
            await NetworkRepository.SetDnsAsync(
                db, networkId, dnsSupport ?? network.DnsSupport, dnsHostnames ?? network.DnsHostnames, Now, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// A private subnet of one of the user's private networks, on the named backend (else the first
    /// enabled, undrained one): inside the network's block, overlapping none of its other subnets.
    /// </summary>
    public async Task<SubnetView> CreateSubnetAsync(string userId, long networkId, string cidr, string? backendName, CancellationToken cancellationToken)
    {
        var block = ParseSized(NetworkResource.Subnet, cidr);
        var backend = await BackendAsync(backendName, cancellationToken);
        var id = await connections.WriteAsync(async db =>
        {
            var network = await NetworkRepository.LockAsync(db, userId, networkId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Network, networkId);
            if (network.IsDefault)
            {
                throw new DefaultNetworkException("hold subnets other than the public ones");
            }
            if (!Ipv4Block.Parse(network.Cidr!).Contains(block))
            {
                throw new InvalidNetworkRangeException(NetworkResource.Subnet, cidr, NetworkRangeProblem.OutsideNetwork);
            }
            var overlapped = (await SubnetRepository.ListByNetworkAsync(db, networkId, cancellationToken))
                .FirstOrDefault(s => Ipv4Block.Parse(s.Cidr).Overlaps(block));
            if (overlapped is not null)
            {
                throw new InvalidNetworkRangeException(NetworkResource.Subnet, cidr, NetworkRangeProblem.Overlaps, overlapped.Cidr);
            }
            return await SubnetRepository.InsertPrivateAsync(db, userId, networkId, backend.Id, block.ToString(), block.FirstHost, Now, cancellationToken);
        }, cancellationToken);
        return (await queries.FindSubnetAsync(userId, id, cancellationToken))!;
    }

    /// <summary>Deletes one of the user's private subnets that no port uses.</summary>
    public async Task DeleteSubnetAsync(string userId, long subnetId, CancellationToken cancellationToken) =>
        await connections.WriteAsync(async db =>
        {
            var subnet = await SubnetRepository.LockForUserAsync(db, userId, subnetId, cancellationToken);
            if (subnet is null || subnet.IsPublic)
            {
                throw subnet is null
                    ? new NetworkNotFoundException(NetworkResource.Subnet, subnetId)
                    : new DefaultNetworkException("lose its public subnets");
            }
            var ports = await PortRepository.CountBySubnetAsync(db, subnetId, cancellationToken);
            if (ports > 0)
            {
                throw new NetworkInUseException(NetworkResource.Subnet, subnetId, $"{ports} network interface(s)");
            }
            await SubnetRepository.MarkDeletedAsync(db, subnetId, Now, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Whether servers launched into the subnet get a public address: a private subnet's setting, or the user's own for a public one.</summary>
    public Task SetAutoPublicAddressAsync(string userId, long subnetId, bool value, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var subnet = await SubnetRepository.LockForUserAsync(db, userId, subnetId, cancellationToken)
                ?? throw new NetworkNotFoundException(NetworkResource.Subnet, subnetId);
            await SubnetRepository.SetAutoPublicAddressAsync(db, userId, subnet, value, Now, cancellationToken);
            return true;
        }, cancellationToken);

    private static Ipv4Block ParseSized(NetworkResource resource, string cidr)
    {
        if (!Ipv4Block.TryParse(cidr, out var block))
        {
            throw new InvalidNetworkRangeException(resource, cidr, NetworkRangeProblem.NotABlock);
        }
        return block.PrefixLength is < NetworkRanges.LargestPrefix or > NetworkRanges.SmallestPrefix
            ? throw new InvalidNetworkRangeException(resource, cidr, NetworkRangeProblem.Size)
            : block;
    }

    private async Task<Backend> BackendAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is not null)
        {
            return await backends.FindAsync(name, cancellationToken) is { Enabled: true } named ? named : throw new BackendNotFoundException(name);
        }
        return (await backends.ListAsync(cancellationToken)).FirstOrDefault(b => b.Enabled && !b.Drained)
            ?? throw new NoBackendAvailableException("no backend is enabled and undrained.");
    }

    private long Now => UnixTime.ToMicros(clock.GetUtcNow());
}
