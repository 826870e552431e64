using System.Net;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>The prerequisites of a create, with Ganeti's messages and codes.</summary>
internal static class CreateInstanceChecks
{
    public static void CheckTemplateAndOs(SimulatorOptions options, InstanceCreateRequest request)
    {
        var templates = options.EffectiveDiskTemplates;
        if (!templates.Contains(request.DiskTemplate))
        {
            throw SimulatedOpFailure.Prerequisite(
                $"Disk template '{request.DiskTemplate}' is not enabled in cluster. Enabled disk templates are: {string.Join(",", templates)}",
                GanetiErrorCodes.WrongInput);
        }
        var systems = options.EffectiveOperatingSystems;
        if (!request.OsType.Contains('+') && systems.Any(os => os.StartsWith(request.OsType + "+", StringComparison.Ordinal)))
        {
            throw SimulatedOpFailure.Prerequisite($"OS name '{request.OsType}' must include a variant", GanetiErrorCodes.WrongInput);
        }
        if (!systems.Contains(request.OsType))
        {
            throw SimulatedOpFailure.Prerequisite($"OS '{request.OsType}' not in supported OS list", GanetiErrorCodes.WrongInput);
        }
    }

    /// <summary>Returns the vCPUs and memory to use.</summary>
    public static (int VCpus, int MemoryMiB) CheckPolicy(InstanceCreateRequest request)
    {
        var vcpus = request.BeParams?.VCpus ?? 1;
        var memory = request.BeParams?.EffectiveMaxMemoryMiB ?? 128;
        InstancePolicy.Check("memory-size", memory);
        InstancePolicy.Check("cpu-count", vcpus);
        InstancePolicy.Check("nic-count", request.Nics.Count);
        if (request.DiskTemplate != "diskless")
        {
            InstancePolicy.Check("disk-count", request.Disks.Count);
            foreach (var disk in request.Disks)
            {
                InstancePolicy.Check("disk-size", disk.SizeMiB);
            }
        }
        return (vcpus, memory);
    }

    public static SimulatedNode Place(SimulatedClusterState state, InstanceCreateRequest request, int memoryToStart)
    {
        if (request.PrimaryNode is { } name)
        {
            var node = state.FindNode(name) ?? throw SimulatedOpFailure.Prerequisite($"Node '{name}' not known", GanetiErrorCodes.UnknownEntity);
            var free = state.FreeMemoryMiB(node);
            if (free < memoryToStart)
            {
                throw SimulatedOpFailure.Prerequisite(
                    $"Not enough memory on node {node.Name} for starting instance {request.Name}: needed {memoryToStart} MiB, available {free} MiB",
                    GanetiErrorCodes.InsufficientResources);
            }
            return node;
        }
        var best = state.MostFreeMemoryNode();
        if (best is null || state.FreeMemoryMiB(best) < memoryToStart)
        {
            throw SimulatedOpFailure.Prerequisite(
                "Can't compute nodes using iallocator 'hail': Request failed: Group default (preferred): No valid allocation solutions, failure reasons: FailMem: 1",
                GanetiErrorCodes.InsufficientResources);
        }
        return best;
    }

    public static SimulatedNic Nic(SimulatedClusterState state, InstanceNicSpec spec)
    {
        if (spec.Ip == "pool")
        {
            throw SimulatedOpFailure.Prerequisite(
                spec.Network is null ? "if ip=pool, parameter network must be passed" : "The simulated cluster has no address pools",
                GanetiErrorCodes.WrongInput);
        }
        if (spec.Ip is not null && !IPAddress.TryParse(spec.Ip, out _))
        {
            throw SimulatedOpFailure.Prerequisite($"Invalid IP address '{spec.Ip}'", GanetiErrorCodes.WrongInput);
        }
        if (spec.Ip is not null && spec.Network is not null && state.Instances.SelectMany(instance => instance.Nics)
                .Any(nic => nic.Network == spec.Network && nic.Ip == spec.Ip))
        {
            throw SimulatedOpFailure.Prerequisite(
                $"IP address {spec.Ip} already in use or does not belong to network {spec.Network}", GanetiErrorCodes.ResourceNotUnique);
        }
        if (spec.Network is not null && state.FindNetwork(spec.Network) is { Groups.Count: 0 })
        {
            throw SimulatedOpFailure.Prerequisite(
                $"Network '{spec.Network}' is not connected to node group '{SimulatedClusterState.NodeGroup}'", GanetiErrorCodes.WrongInput);
        }
        return new SimulatedNic(spec.Ip, spec.Network, state.NextMac(), spec.Name);
    }
}
