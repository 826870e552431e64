using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// <c>OP_INSTANCE_SET_PARAMS</c>: backend parameters, disk and NIC changes (<see cref="SimulatedDiskChanges"/>,
/// <see cref="SimulatedNicChanges"/>);
/// its result lists what changed. Once run, the job lists the disk changes as Ganeti rewrites them.
/// </summary>
internal sealed class ModifyInstanceOp(string instanceName, InstanceModifyRequest request) : SimulatedOp
{
    private IReadOnlyList<InstanceDiskChange>? _disks = request.Disks;
    private IReadOnlyList<InstanceNicChange>? _nics = request.Nics;

    public ModifyInstanceOp(string instanceName, GanetiBeParams? beParams)
        : this(instanceName, new InstanceModifyRequest { BeParams = beParams })
    {
    }

    public override string OpId => GanetiOpIds.InstanceSetParams;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_modify";
    public override string CliCommand => "modify";
    public override GanetiBeParams? BeParams => request.BeParams ?? new GanetiBeParams();
    public override IReadOnlyList<(long JobId, IReadOnlyList<string> Statuses)> Dependencies => JobDependencies.Parse(request.Depends);

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters()
    {
        yield return Parameter("force", SimulatedJson.Boolean(false));
        yield return Parameter("hotplug", SimulatedJson.Boolean(false));
        yield return Parameter("hotplug_if_possible", SimulatedJson.Boolean(request.HotplugIfPossible ?? false));
        yield return Parameter("disks", SimulatedDiskChanges.ToJson(_disks ?? []));
        yield return Parameter("nics", SimulatedNicChanges.ToJson(_nics ?? []));
        if (request.Depends is { } depends)
        {
            yield return Parameter("depends", depends);
        }
    }

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        List<JsonElement> changes = [];
        var beParams = request.BeParams;
        if (beParams?.VCpus is { } vcpus)
        {
            InstancePolicy.Check("cpu-count", vcpus);
        }
        if (beParams?.EffectiveMaxMemoryMiB is { } maximum)
        {
            InstancePolicy.Check("memory-size", maximum);
        }
        if (_disks is { Count: > 0 } disks)
        {
            var (results, resolved) = SimulatedDiskChanges.Apply(state, instance, disks);
            changes.AddRange(results);
            _disks = resolved;
        }
        if (_nics is { Count: > 0 } nics)
        {
            var (results, resolved) = SimulatedNicChanges.Apply(state, instance, nics);
            changes.AddRange(results);
            _nics = resolved;
        }
        if (beParams?.VCpus is { } newVcpus)
        {
            instance.VCpus = newVcpus;
            changes.Add(Change("be/vcpus", newVcpus));
        }
        if (beParams?.EffectiveMaxMemoryMiB is { } newMaximum)
        {
            instance.MaxMemoryMiB = newMaximum;
            changes.Add(Change(beParams.MaxMemoryMiB is null ? "be/memory" : "be/maxmem", newMaximum));
        }
        if (beParams?.MinMemoryMiB is { } minimum)
        {
            instance.MinMemoryMiB = minimum;
            changes.Add(Change("be/minmem", minimum));
        }
        instance.Touch(now);
        return new SimulatedOpResult(SimulatedJson.Array(changes.ToArray()), []);
    }

    private static JsonElement Change(string parameter, int value) =>
        SimulatedJson.Array(SimulatedJson.String(parameter), SimulatedJson.Number(value));
}
