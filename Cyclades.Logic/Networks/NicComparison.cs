using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>How a server's ports and its instance's NICs differ.</summary>
public enum NicDifferenceKind
{
    /// <summary>A NIC of the instance no port stands for (an administrator's, or one whose job the dispatcher never saw).</summary>
    Unknown,

    /// <summary>A port of the server whose NIC the instance does not have.</summary>
    Missing,

    /// <summary>
    /// A NIC on a cluster network the core does not have: not the backend's public one and not a live
    /// private subnet's of this backend (the subnet was deleted, or the network was never ours).
    /// </summary>
    UnknownNetwork,
}

/// <param name="Port">The port concerned; null for a NIC no port stands for.</param>
/// <param name="Nic">The cluster's NIC; null for a missing one.</param>
/// <param name="Index">The NIC's index on the cluster; null for a missing one.</param>
public sealed record NicDifference(NicDifferenceKind Kind, Port? Port, ClusterNic? Nic, int? Index);

/// <summary>
/// Compares a server's ports with its instance's NICs (Synnefo's unsynced-NICs check). A NIC is its
/// port's when it carries the port's name (<c>snf-nic-&lt;id&gt;</c>); an unnamed one (an administrator's)
/// is the port with its MAC, else with its address, else at its index. While one of the server's ports
/// is on its way (BUILD) nothing is compared: its job decides.
/// </summary>
public static class NicComparison
{
    /// <param name="ports">The server's ports.</param>
    /// <param name="nics">The instance's NICs, in index order.</param>
    /// <param name="liveNetworks">The cluster networks of this backend's live private subnets.</param>
    public static IReadOnlyList<NicDifference> Compare(IReadOnlyList<Port> ports, IReadOnlyList<ClusterNic> nics, IReadOnlySet<string> liveNetworks)
    {
        if (ports.Any(p => p.State == PortState.Build))
        {
            return [];
        }
        var owners = Match(ports, nics);
        var differences = new List<NicDifference>();
        for (var index = 0; index < nics.Count; index++)
        {
            var nic = nics[index];
            if (nic.Network is { } network && !liveNetworks.Contains(network))
            {
                differences.Add(new NicDifference(NicDifferenceKind.UnknownNetwork, owners[index], nic, index));
            }
            else if (owners[index] is null)
            {
                differences.Add(new NicDifference(NicDifferenceKind.Unknown, null, nic, index));
            }
        }
        differences.AddRange(ports.Where(p => !owners.Contains(p)).Select(p => new NicDifference(NicDifferenceKind.Missing, p, null, null)));
        return differences;
    }

    /// <summary>The cluster networks of the backend's live private subnets.</summary>
    public static async Task<IReadOnlySet<string>> LiveNetworksAsync(Db db, long backendId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<long>(
            "SELECT id FROM subnets WHERE backend_id = @backendId AND is_public = @no AND deleted = @no AND state = 'ACTIVE'",
            new { backendId, no = false }, cancellationToken))
            .Select(ClusterNetworks.NameOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>The port of each NIC (by index), or null: by name, then MAC, then address, then index.</summary>
    private static Port?[] Match(IReadOnlyList<Port> ports, IReadOnlyList<ClusterNic> nics)
    {
        var owners = new Port?[nics.Count];
        var free = ports.ToList();
        var rules = new Func<Port, ClusterNic, int, bool>[]
        {
            (port, nic, _) => nic.Name == ClusterNetworks.NicNameOf(port.Id),
            (port, nic, _) => NotOurs(nic) && port.Mac is not null && port.Mac == nic.Mac,
            (port, nic, _) => NotOurs(nic) && port.Address is not null && port.Address == nic.Ip,
            (port, nic, index) => NotOurs(nic) && port.DeviceIndex == index
                && !nics.Any(n => n.Name == ClusterNetworks.NicNameOf(port.Id)),
        };
        foreach (var rule in rules)
        {
            for (var index = 0; index < nics.Count; index++)
            {
                if (owners[index] is null && free.FirstOrDefault(port => rule(port, nics[index], index)) is { } port)
                {
                    owners[index] = port;
                    free.Remove(port);
                }
            }
        }
        return owners;
    }

    /// <summary>A NIC whose name names no port (unnamed: an administrator's).</summary>
    private static bool NotOurs(ClusterNic nic) => !ClusterNetworks.TryParseNicName(nic.Name, out _);
}
