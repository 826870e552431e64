using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>A node of the simulated cluster. As with Ganeti's fake hypervisor, running instances use its memory.</summary>
internal sealed class SimulatedNode
{
    public required string Name { get; init; }
    public string Uuid { get; } = Guid.NewGuid().ToString();
    public required long MemoryTotalMiB { get; init; }
    public required long MemoryReservedMiB { get; init; }
    public required long DiskTotalMiB { get; init; }
    public required int Cpus { get; init; }
    public required string PrimaryIp { get; init; }
    public bool Drained { get; set; }
    public bool Offline { get; set; }

    public long FreeMemoryMiB(IEnumerable<SimulatedInstance> instances) =>
        MemoryTotalMiB - MemoryReservedMiB - Hosted(instances).Where(instance => instance.Running).Sum(instance => (long)instance.MaxMemoryMiB);

    public long FreeDiskMiB(IEnumerable<SimulatedInstance> instances) =>
        DiskTotalMiB - Hosted(instances).Sum(instance => instance.Disks.Sum(disk => (long)disk.SizeMiB));

    public GanetiNode ToModel(IReadOnlyCollection<SimulatedInstance> instances, bool isMaster)
    {
        var hosted = Hosted(instances).Select(instance => instance.Name).Order(StringComparer.Ordinal).ToList();
        return new GanetiNode
        {
            Name = Name,
            Uuid = Uuid,
            Offline = Offline,
            Drained = Drained,
            VmCapable = true,
            MasterCandidate = true,
            Role = Offline ? "O" : Drained ? "D" : isMaster ? "M" : "C",
            MemoryTotalMiB = Offline ? null : MemoryTotalMiB,
            MemoryNodeMiB = Offline ? null : MemoryReservedMiB,
            MemoryFreeMiB = Offline ? null : FreeMemoryMiB(instances),
            DiskTotalMiB = Offline ? null : DiskTotalMiB,
            DiskFreeMiB = Offline ? null : FreeDiskMiB(instances),
            CpuTotal = Offline ? null : Cpus,
            PrimaryInstanceCount = hosted.Count,
            PrimaryInstances = hosted,
            PrimaryIp = PrimaryIp,
            Tags = [],
        };
    }

    private IEnumerable<SimulatedInstance> Hosted(IEnumerable<SimulatedInstance> instances) =>
        instances.Where(instance => instance.PrimaryNode == Name);
}
