using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_INSTANCE_REBOOT</c>; as on Ganeti, rebooting a stopped instance starts it.</summary>
internal sealed class RebootInstanceOp(string instanceName, string rebootType, int? shutdownTimeoutSeconds) : SimulatedOp
{
    public override string OpId => GanetiOpIds.InstanceReboot;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_reboot";
    public override string CliCommand => "reboot";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
    [
        Parameter("shutdown_timeout", SimulatedJson.Number(shutdownTimeoutSeconds ?? 120)),
        Parameter("ignore_secondaries", SimulatedJson.Boolean(false)),
        Parameter("reboot_type", SimulatedJson.String(rebootType)),
    ];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        instance.AdminUp = instance.Running = true;
        instance.Touch(now);
        return SimulatedOpResult.Empty;
    }
}
