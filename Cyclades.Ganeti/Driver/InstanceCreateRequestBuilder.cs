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
        DiskTemplate = spec.DiskTemplate,
        Disks = spec.DiskTemplate == DisklessTemplate ? [] : [new InstanceDiskSpec(checked(spec.DiskGiB * 1024))],
        Nics = [Nic(spec, defaults.Network)],
        OsType = spec.OsType,
        OsParameters = spec.OsParameters,
        BeParams = new GanetiBeParams { VCpus = spec.Cpu, MinMemoryMiB = spec.RamMiB, MaxMemoryMiB = spec.RamMiB },
        Hypervisor = defaults.Hypervisor,
        PrimaryNode = defaults.PrimaryNode,
        Tags = spec.Tags.Select(GanetiTags.Sanitize).Distinct(StringComparer.Ordinal).ToList(),
        NameCheck = false,
        IpCheck = false,
    };

    /// <summary>On the subnet's own network when it has one, else on the cluster's configured network (or its default link).</summary>
    private static InstanceNicSpec Nic(ServerBuildSpec spec, string? defaultNetwork) => (spec.NicNetwork ?? defaultNetwork) is { } network
        ? new InstanceNicSpec { Network = network, Ip = spec.PrivateIp ?? IpFromNetworkPool, Name = spec.NicName }
        : new InstanceNicSpec { Ip = spec.PrivateIp, Name = spec.NicName };
}
