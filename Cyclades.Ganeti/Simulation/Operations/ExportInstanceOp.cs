using System.Text.Json;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// <c>OP_BACKUP_EXPORT</c> in local mode, as Ganeti 3.0 runs it: a running instance is shut down for
/// the copy and started again after it; a live copy (no shutdown) needs disks Ganeti can snapshot
/// (LVM-backed) and is refused with Ganeti's words otherwise. The export replaces the instance's earlier one.
/// </summary>
internal sealed class ExportInstanceOp(string instanceName, InstanceExportRequest request) : SimulatedOp
{
    private static readonly HashSet<string> SnapshotTemplates = new(StringComparer.Ordinal) { "plain", "drbd" };

    public override string OpId => GanetiOpIds.BackupExport;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_export";
    public override string CliCommand => "export";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
    [
        Parameter("target_node", SimulatedJson.String(request.Destination)),
        Parameter("mode", SimulatedJson.String(request.Mode)),
        Parameter("shutdown", SimulatedJson.Boolean(request.Shutdown)),
        Parameter("remove_instance", SimulatedJson.Boolean(false)),
    ];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        if (state.FindNode(request.Destination) is null)
        {
            throw SimulatedOpFailure.Prerequisite($"Node '{request.Destination}' not known", GanetiErrorCodes.UnknownEntity);
        }
        if (!request.Shutdown && instance.Running && !SnapshotTemplates.Contains(instance.DiskTemplate))
        {
            throw SimulatedOpFailure.Execution("Not all disks could be snapshotted, and you requested a live export; aborting");
        }
        List<string> log = [];
        if (request.Shutdown && instance.Running)
        {
            log.Add($"Shutting down instance {instanceName}");
        }
        log.Add($"Exporting disk/0 from {instance.PrimaryNode} to {request.Destination}");
        state.AddExport(new SimulatedExport(instanceName, request.Destination, RapiPaths.NodeExportDirectory(instanceName),
            instance.Os, instance.DiskTemplate, instance.Disks.Select(disk => disk.SizeMiB).ToList()));
        log.Add($"Finalizing export on {request.Destination}");
        instance.Touch(now);
        return new SimulatedOpResult(
            SimulatedJson.Array(SimulatedJson.Boolean(true), SimulatedJson.Array(instance.Disks.Select(_ => SimulatedJson.Boolean(true)).ToArray())),
            log);
    }
}
