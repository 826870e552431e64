using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary><c>/2/info</c> and <c>/2/features</c> of the simulated cluster.</summary>
internal static class SimulatedClusterInfo
{
    public static readonly IReadOnlyList<string> Features =
        ["instance-create-reqv1", "node-evac-res1", "node-migrate-reqv1", "instance-reinstall-reqv1"];

    public static GanetiClusterInfo Build(SimulatedClusterState state) => new()
    {
        Name = state.Options.ClusterName,
        Uuid = state.Uuid,
        SoftwareVersion = "3.0.2 (simulated)",
        ProtocolVersion = 3000000,
        OsApiVersion = 20,
        Master = state.MasterNode,
        DefaultHypervisor = state.Options.DefaultHypervisor,
        EnabledHypervisors = [state.Options.DefaultHypervisor],
        EnabledDiskTemplates = state.Options.EffectiveDiskTemplates,
        DefaultIAllocator = "hail",
        MaxRunningJobs = 20,
        NicParams = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["default"] = new Dictionary<string, string> { ["mode"] = "bridged", ["link"] = SimulatedNic.Link, ["vlan"] = "" },
        },
        Tags = [],
        CreatedAt = state.CreatedAt,
        ModifiedAt = state.CreatedAt,
    };
}
