using System.Globalization;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// <c>OP_INSTANCE_GROW_DISK</c>, running or not; only the block device grows. Errors as Ganeti 3.0.2
/// words them (its "instace" included); the result is null.
/// </summary>
internal sealed class GrowDiskOp(string instanceName, int diskIndex, DiskGrowRequest request) : SimulatedOp
{
    public override string OpId => GanetiOpIds.InstanceGrowDisk;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_disk_grow";
    public override string CliCommand => "grow-disk";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
    [
        Parameter("disk", SimulatedJson.Number(diskIndex)),
        Parameter("amount", SimulatedJson.Number(request.AmountMiB)),
        Parameter("absolute", SimulatedJson.Boolean(request.Absolute)),
        Parameter("wait_for_sync", SimulatedJson.Boolean(true)),
    ];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        if (diskIndex >= instance.Disks.Count)
        {
            throw SimulatedOpFailure.Prerequisite(
                $"Invalid disk index: {diskIndex} (instace has disks 0 to {instance.Disks.Count - 1}", GanetiErrorCodes.WrongInput);
        }
        var disk = instance.Disks[diskIndex];
        var newSize = request.Absolute ? request.AmountMiB : disk.SizeMiB + request.AmountMiB;
        if (newSize < disk.SizeMiB)
        {
            throw SimulatedOpFailure.Prerequisite(
                $"Requested size ({Gibibytes(newSize)}) is smaller than current disk size ({Gibibytes(disk.SizeMiB)})", GanetiErrorCodes.WrongState);
        }
        disk.SizeMiB = newSize;
        instance.Touch(now);
        return new SimulatedOpResult(SimulatedJson.Null, [$"Growing disk {diskIndex} of instance '{instanceName}' to {Gibibytes(newSize)}"]);
    }

    private static string Gibibytes(int mib) => (mib / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + "G";
}
