using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_CLUSTER_SET_PARAMS</c>: accepted; the simulator has no parameters it would act on.</summary>
internal sealed class ModifyClusterOp(IReadOnlyDictionary<string, JsonElement> parameters) : SimulatedOp
{
    public override string OpId => GanetiOpIds.ClusterSetParams;
    public override string? InstanceName => null;
    public override string RapiResource => "modify";
    public override string CliCommand => "modify";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() => parameters;

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now) => SimulatedOpResult.Empty;
}
