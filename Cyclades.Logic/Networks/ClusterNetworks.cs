using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>
/// A private subnet on its cluster: the network <c>snf-net-&lt;subnet id&gt;</c> (its range, gateway
/// and pool), made and connected to the node groups the first time a server's NIC needs it, before
/// that server's create job. Public subnets use the backend's own network (its configuration).
/// </summary>
public sealed class ClusterNetworks(IDbConnectionFactory connections, TimeProvider clock)
{
    public const string NamePrefix = "snf-net-";

    public const string NicNamePrefix = "snf-nic-";

    /// <summary>The cluster network of a private subnet.</summary>
    public static string NameOf(long subnetId) => $"{NamePrefix}{subnetId}";

    /// <summary>The cluster name of a port's NIC.</summary>
    public static string NicNameOf(long portId) => $"{NicNamePrefix}{portId}";

    /// <summary>The port a cluster NIC name names (<c>snf-nic-&lt;id&gt;</c>), if it is one of ours.</summary>
    public static bool TryParseNicName(string? name, out long portId)
    {
        portId = 0;
        return name is not null && name.StartsWith(NicNamePrefix, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(NicNamePrefix.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out portId);
    }

    /// <summary>The cluster network a NIC on this subnet is on; null for a public subnet (the backend's own).</summary>
    public static string? NetworkFor(Subnet subnet) => subnet.IsPublic ? null : NameOf(subnet.Id);

    /// <summary>Makes the subnet's cluster network ready (once; a failure leaves it to the next server).</summary>
    public async Task EnsureAsync(Subnet subnet, IClusterDriver driver, CancellationToken cancellationToken)
    {
        if (subnet.IsPublic || subnet.ClusterReady)
        {
            return;
        }
        await driver.EnsureNetworkAsync(new ClusterNetworkSpec(NameOf(subnet.Id), subnet.Cidr, subnet.Gateway), cancellationToken);
        await connections.WriteAsync(async db =>
        {
            await SubnetRepository.SetClusterReadyAsync(db, subnet.Id, true, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);
    }
}
