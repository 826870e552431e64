using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_INSTANCE_REMOVE</c>; removing an unknown instance fails with <c>unknown_entity</c>.</summary>
internal sealed class RemoveInstanceOp(string instanceName) : SimulatedOp
{
    public override string OpId => GanetiOpIds.InstanceRemove;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name";
    public override string CliCommand => "remove";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
    [
        Parameter("shutdown_timeout", SimulatedJson.Number(120)),
        Parameter("ignore_failures", SimulatedJson.Boolean(false)),
    ];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        RequireInstance(state, instanceName);
        state.Remove(instanceName);
        return SimulatedOpResult.Empty;
    }
}
