using Cyclades.Logic.Backends;
using Cyclades.Logic.Networks;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Reconciliation;

/// <summary>
/// The disks and NICs of a server with no task, compared with its instance's (Synnefo's
/// <c>--fix-unsynced-disks</c> / <c>--fix-unsynced-nics</c>). All findings of one server share one
/// plan, which repairs them together: the cluster's list is the truth and indexes depend on each other.
/// Then its firewall tags, where the database is the truth.
/// </summary>
internal static class InventoryRules
{
    /// <summary>Whether the server's disks, NICs and firewall tags are compared: it has no task and is STARTED or STOPPED.</summary>
    public static bool IsCompared(Server server) => server.Task is null && server.OperState is OperState.Started or OperState.Stopped;

    public static IEnumerable<(ReconciliationFinding, FixPlan?)> DisksOf(ClusterSnapshot snapshot, Server server, ClusterInstance instance)
    {
        if (instance.Disks is not { } disks)
        {
            yield break;
        }
        var differences = DiskComparison.Compare(snapshot.Volumes[server.Id].ToList(), disks);
        var plan = differences.Count > 0 && ClusterDiskSync.IsRepairable(differences) ? new FixPlan.SyncDisks(server, disks) : null;
        foreach (var d in differences)
        {
            var (kind, detail, fix) = Describe(d);
            yield return ReconciliationRules.Found(kind, server, detail, plan, plan is null ? null : fix);
        }
    }

    public static IEnumerable<(ReconciliationFinding, FixPlan?)> NicsOf(ClusterSnapshot snapshot, Server server, ClusterInstance instance)
    {
        if (instance.Nics is not { } nics)
        {
            yield break;
        }
        var differences = NicComparison.Compare(snapshot.Ports[server.Id].ToList(), nics, snapshot.LiveNetworks);
        var plan = differences.Any(d => d.Kind != NicDifferenceKind.UnknownNetwork) ? new FixPlan.SyncNics(server, nics) : null;
        foreach (var d in differences)
        {
            var (kind, detail, fix) = Describe(d);
            yield return ReconciliationRules.Found(kind, server, detail, fix is null ? null : plan, fix);
        }
    }

    /// <summary>
    /// The instance's firewall tags (<see cref="FirewallTags.IsFirewallTag"/>; no other tag is compared) against its
    /// ports'; not while a tag job of it runs, whose result the dispatcher follows with a push of its own.
    /// </summary>
    public static (ReconciliationFinding, FixPlan?)? FirewallOf(ClusterSnapshot snapshot, Server server, ClusterInstance instance)
    {
        if (snapshot.FirewallTags is not { } firewall || snapshot.BeingTagged.Contains(server.InstanceName))
        {
            return null;
        }
        var wanted = firewall[server.Id].ToHashSet(StringComparer.Ordinal);
        var present = instance.Tags.Where(FirewallTags.IsFirewallTag).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Except(present).Order(StringComparer.Ordinal).ToList();
        var unwanted = present.Except(wanted).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && unwanted.Count == 0)
        {
            return null;
        }
        var detail = string.Join("; ", new[]
        {
            missing.Count > 0 ? $"its ports' firewall tags {string.Join(", ", missing)} missing on the cluster" : null,
            unwanted.Count > 0 ? $"firewall tags {string.Join(", ", unwanted)} on the cluster that no port of it has" : null,
        }.OfType<string>());
        return ReconciliationRules.Found(FindingKind.UnsyncedFirewall, server, detail, new FixPlan.PushFirewall(server.Id), "set the instance's firewall tags to its ports'");
    }

    private static (FindingKind, string Detail, string Fix) Describe(DiskDifference d) => d.Kind switch
    {
        DiskDifferenceKind.Unknown => (FindingKind.UnknownDisk,
            $"disk {d.Index} ({d.Disk!.Name ?? "unnamed"}, {d.Disk.SizeMiB} MiB) on the cluster, no volume",
            $"adopt it as a {DiskComparison.SizeGiB(d.Disk.SizeMiB)} GiB volume"),
        DiskDifferenceKind.Missing => (FindingKind.MissingDisk,
            $"volume {d.Volume!.Id} ({d.Volume.DiskName}) is disk {d.Volume.DiskIndex} here, the instance has no such disk",
            $"delete the volume and release its {d.Volume.SizeGiB} GiB"),
        DiskDifferenceKind.Size => (FindingKind.UnsyncedDisk,
            $"volume {d.Volume!.Id} ({d.Volume.DiskName}) is {d.Volume.SizeGiB} GiB here, {d.Disk!.SizeMiB} MiB on the cluster",
            $"set {DiskComparison.SizeGiB(d.Disk.SizeMiB)} GiB"),
        _ => (FindingKind.UnsyncedDisk,
            $"volume {d.Volume!.Id} ({d.Volume.DiskName}) is disk {d.Volume.DiskIndex} here, disk {d.Index} on the cluster",
            $"set disk {d.Index}"),
    };

    private static (FindingKind, string Detail, string? Fix) Describe(NicDifference d) => d.Kind switch
    {
        NicDifferenceKind.Unknown => (FindingKind.UnknownNic,
            $"NIC {d.Index} ({Nic(d.Nic!)}) on the cluster, no port",
            d.Nic!.Network is null && d.Nic.Ip is not null ? "adopt it as a port holding a floating IP (commissioned)" : "adopt it as a port"),
        NicDifferenceKind.Missing => (FindingKind.MissingNic,
            $"port {d.Port!.Id} ({d.Port.Address ?? "no address"}) is NIC {d.Port.DeviceIndex} here, the instance has no such NIC",
            "the port leaves the server"),
        _ => (FindingKind.NicNetworkGone,
            $"NIC {d.Index} ({Nic(d.Nic!)}) is on cluster network {d.Nic!.Network}, which no live subnet of this backend has"
                + (d.Port is { } port ? $" (port {port.Id})" : ""),
            null),
    };

    private static string Nic(ClusterNic nic) =>
        $"{nic.Name ?? "unnamed"}, {nic.Ip ?? "no address"}, {nic.Network ?? "the public network"}, MAC {nic.Mac ?? "unknown"}";
}
