using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;

namespace Cyclades.Ganeti.Driver;

/// <summary>A new server as a Ganeti create request (request version 1).</summary>
internal static class InstanceCreateRequestBuilder
{
    public const string DisklessTemplate = "diskless";
    private const string IpFromNetworkPool = "pool";

    public static InstanceCreateRequest Build(ServerBuildSpec spec, InstanceCreationDefaults defaults) => new()
    {
        Name = spec.InstanceName,
        Mode = spec.ImportFrom is null ? "create" : "import",
        SourceNode = spec.ImportFrom?.Node,
        SourcePath = spec.ImportFrom?.Path,
        DiskTemplate = spec.DiskTemplate,
        Disks = spec.DiskTemplate == DisklessTemplate ? [] : spec.Disks.Select(d => new InstanceDiskSpec(checked(d.SizeGiB * 1024), d.Name)).ToList(),
        Nics = [Nic(spec.NicNetwork, spec.PrivateIp, spec.NicName, defaults.Network)],
        OsType = spec.OsType,
        OsParameters = spec.OsParameters,
        BeParams = new GanetiBeParams { VCpus = spec.Cpu, MinMemoryMiB = spec.RamMiB, MaxMemoryMiB = spec.RamMiB },
        Hypervisor = defaults.Hypervisor,
        PrimaryNode = defaults.PrimaryNode,
        Tags = spec.Tags.Select(GanetiTags.Sanitize).Distinct(StringComparer.Ordinal).ToList(),
        NameCheck = false,
        IpCheck = false,
    };

    /// <summary>The smallest instance Ganeti's default ipolicy takes (1 vCPU, 128 MiB, one 1 GiB disk, one NIC).</summary>
    private const int KeeperMemoryMiB = 128;
    private const int KeeperDiskMiB = 1024;

    /// <summary>
    /// A volume keeper: never started (<c>start: false</c>) and nothing installed (<c>no_install</c>), one blank
    /// minimal disk and one NIC without an address, placed on the node whose detached disks it takes.
    /// </summary>
    public static InstanceCreateRequest Keeper(VolumeKeeperSpec spec, InstanceCreationDefaults defaults) => new()
    {
        Name = spec.InstanceName,
        DiskTemplate = spec.DiskTemplate,
        Disks = [new InstanceDiskSpec(KeeperDiskMiB)],
        Nics = [new InstanceNicSpec { Network = defaults.Network }],
        OsType = spec.OsType,
        BeParams = new GanetiBeParams { VCpus = 1, MinMemoryMiB = KeeperMemoryMiB, MaxMemoryMiB = KeeperMemoryMiB },
        Hypervisor = defaults.Hypervisor,
        PrimaryNode = spec.Node,
        NameCheck = false,
        IpCheck = false,
        Start = false,
        NoInstall = true,
    };

    /// <summary>On the subnet's own network when it has one, else on the cluster's configured network (or its default link).</summary>
    public static InstanceNicSpec Nic(string? subnetNetwork, string? ip, string? name, string? defaultNetwork) => (subnetNetwork ?? defaultNetwork) is { } network
        ? new InstanceNicSpec { Network = network, Ip = ip ?? IpFromNetworkPool, Name = name }
        : new InstanceNicSpec { Ip = ip, Name = name };
}
