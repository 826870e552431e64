using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;

namespace Cyclades.Ganeti.Driver;

/// <summary>Ganeti instances, nodes and cluster info in the logic layer's words.</summary>
internal static class GanetiInstanceMapping
{
    /// <param name="publicNetwork">The backend's public network (a NIC on it is reported with no network).</param>
    public static ClusterInstance ToClusterInstance(GanetiInstance instance, string? publicNetwork) => new(
        instance.Name,
        IsRunning: instance.OperState == true,
        IsAdminUp: instance.AdminState == GanetiAdminStates.Up,
        Cpu: instance.BeParams?.VCpus ?? 0,
        RamMiB: instance.BeParams?.EffectiveMaxMemoryMiB ?? 0,
        instance.DiskSizesMiB ?? [],
        instance.NicIps ?? [],
        instance.Tags ?? [],
        Disks(instance),
        Nics(instance, publicNetwork),
        instance.PrimaryNode);

    private static List<ClusterNic> Nics(GanetiInstance instance, string? publicNetwork) =>
        (instance.NicIps ?? []).Select((ip, index) => new ClusterNic(
            At(instance.NicNames, index),
            ip,
            At(instance.NicNetworkNames, index) is { } network && network != publicNetwork ? network : null,
            At(instance.NicMacs, index))).ToList();

    private static string? At(IReadOnlyList<string?>? values, int index) => values is not null && index < values.Count ? values[index] : null;

    private static List<ClusterDisk> Disks(GanetiInstance instance) =>
        (instance.DiskSizesMiB ?? []).Select((size, index) => new ClusterDisk(
            instance.DiskNames is { } names && index < names.Count ? names[index] : null,
            instance.DiskUuids is { } uuids && index < uuids.Count ? uuids[index] : "",
            size)).ToList();

    /// <summary>Capacity counts only nodes that can take instances: online, not drained, vm_capable.</summary>
    public static ClusterInfo ToClusterInfo(GanetiClusterInfo info, IReadOnlyList<GanetiNode> nodes)
    {
        var usable = nodes.Where(node => node.CanHostInstances).ToList();
        return new ClusterInfo(
            info.Uuid,
            info.Name,
            info.SoftwareVersion,
            FreeMemoryMiB: usable.Sum(node => node.MemoryFreeMiB ?? 0),
            TotalMemoryMiB: usable.Sum(node => node.MemoryTotalMiB ?? 0),
            FreeDiskMiB: usable.Sum(node => node.DiskFreeMiB ?? 0),
            NodeCount: usable.Count,
            DiskTemplates: info.EnabledDiskTemplates ?? []);
    }
}
