using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_INSTANCE_SHUTDOWN</c>; shutting down a stopped instance succeeds.</summary>
internal sealed class ShutdownInstanceOp(string instanceName, int? timeoutSeconds) : SimulatedOp
{
    public override string OpId => GanetiOpIds.InstanceShutdown;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_shutdown";
    public override string CliCommand => "shutdown";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
    [
        Parameter("force", SimulatedJson.Boolean(false)),
        Parameter("timeout", SimulatedJson.Number(timeoutSeconds ?? 120)),
        Parameter("no_remember", SimulatedJson.Boolean(false)),
        Parameter("admin_state_source", SimulatedJson.String("admin")),
    ];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        List<string> log = instance.Running ? [] : [" - WARNING: Instance is not running"];
        instance.AdminUp = instance.Running = false;
        instance.Touch(now);
        return new SimulatedOpResult(SimulatedJson.Null, log);
    }
}
