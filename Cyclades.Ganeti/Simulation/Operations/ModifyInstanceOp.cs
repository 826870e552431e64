using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_INSTANCE_SET_PARAMS</c> with backend parameters; its result lists what changed.</summary>
internal sealed class ModifyInstanceOp(string instanceName, GanetiBeParams? beParams) : SimulatedOp
{
    public override string OpId => GanetiOpIds.InstanceSetParams;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_modify";
    public override string CliCommand => "modify";
    public override GanetiBeParams? BeParams => beParams ?? new GanetiBeParams();

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
        [Parameter("force", SimulatedJson.Boolean(false))];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        List<JsonElement> changes = [];
        if (beParams?.VCpus is { } vcpus)
        {
            InstancePolicy.Check("cpu-count", vcpus);
            instance.VCpus = vcpus;
            changes.Add(Change("be/vcpus", vcpus));
        }
        if (beParams?.EffectiveMaxMemoryMiB is { } maximum)
        {
            InstancePolicy.Check("memory-size", maximum);
            instance.MaxMemoryMiB = maximum;
            changes.Add(Change(beParams.MaxMemoryMiB is null ? "be/memory" : "be/maxmem", maximum));
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
