using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_INSTANCE_STARTUP</c>; starting a running instance succeeds and changes nothing.</summary>
internal sealed class StartupInstanceOp(string instanceName) : SimulatedOp
{
    public override string OpId => GanetiOpIds.InstanceStartup;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_startup";
    public override string CliCommand => "startup";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
    [
        Parameter("force", SimulatedJson.Boolean(false)),
        Parameter("no_remember", SimulatedJson.Boolean(false)),
        Parameter("startup_paused", SimulatedJson.Boolean(false)),
        Parameter("shutdown_timeout", SimulatedJson.Number(120)),
    ];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        if (!instance.Running)
        {
            var node = state.FindNode(instance.PrimaryNode)!;
            var free = state.FreeMemoryMiB(node);
            if (free < instance.MaxMemoryMiB)
            {
                throw SimulatedOpFailure.Prerequisite(
                    $"Not enough memory on node {node.Name} for starting instance {instanceName}: needed {instance.MaxMemoryMiB} MiB, available {free} MiB",
                    GanetiErrorCodes.InsufficientResources);
            }
        }
        instance.AdminUp = instance.Running = true;
        instance.Touch(now);
        return SimulatedOpResult.Empty;
    }
}
