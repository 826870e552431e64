using System.Globalization;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// The <c>disks</c> change list of <c>OP_INSTANCE_SET_PARAMS</c> on the fake hypervisor, as Ganeti
/// 3.0.2 answered it (docs/storage.md): no hotplug, so a change applies to the configuration, a
/// remove from an instance marked up is refused, and a detached disk stays on its node.
/// </summary>
internal static class SimulatedDiskChanges
{
    /// <summary>Validated all first, then applied in order; returns the result entries and the changes as the job lists them afterwards.</summary>
    public static (List<JsonElement> Results, List<InstanceDiskChange> Resolved) Apply(
        SimulatedClusterState state, SimulatedInstance instance, IReadOnlyList<InstanceDiskChange> changes) =>
        SimulatedChangeList.Apply(changes, change => Prepare(state, instance, change));

    private static Func<(JsonElement, InstanceDiskChange)> Prepare(SimulatedClusterState state, SimulatedInstance instance, InstanceDiskChange change)
    {
        switch (change.Action)
        {
            case GanetiDiskActions.Add:
                RequireAppend(change);
                if (change.Parameters.SizeMiB is not { } size)
                {
                    throw SimulatedOpFailure.Prerequisite("Missing disk size", GanetiErrorCodes.WrongInput);
                }
                InstancePolicy.Check("disk-size", size);
                RequireUniqueName(instance, change.Parameters.Name);
                return () =>
                {
                    var disk = new SimulatedDisk
                    {
                        Name = change.Parameters.Name, SizeMiB = size, Template = instance.DiskTemplate, Node = instance.PrimaryNode,
                    };
                    instance.Disks.Add(disk);
                    return (Result(instance.Disks.Count - 1, $"add:size={size},mode=rw"), change);
                };
            case GanetiDiskActions.Attach:
                RequireAppend(change);
                var detached = FindDetached(state, change.Parameters);
                if (detached.Template != instance.DiskTemplate && instance.DiskTemplate != "diskless")
                {
                    throw SimulatedOpFailure.Prerequisite(
                        $"Instance has '{instance.DiskTemplate}' template while disk has '{detached.Template}' template", GanetiErrorCodes.WrongInput);
                }
                if (detached.Node != instance.PrimaryNode)
                {
                    throw SimulatedOpFailure.Prerequisite(
                        $"Disk nodes ['{detached.Node}'] are different from the instance's nodes ['{instance.PrimaryNode}']", GanetiErrorCodes.WrongInput);
                }
                RequireUniqueName(instance, detached.Name);
                return () =>
                {
                    state.DetachedDisks.Remove(detached);
                    instance.Disks.Add(detached);
                    return (Result(instance.Disks.Count - 1, $"attach:size={detached.SizeMiB},mode=rw"),
                        change with { Parameters = new InstanceDiskParameters { SizeMiB = detached.SizeMiB, Name = detached.Name } });
                };
            case GanetiDiskActions.Detach or GanetiDiskActions.Remove:
                var disk = FindAttached(instance, change);
                if (change.Action == GanetiDiskActions.Remove && instance.AdminUp)
                {
                    throw SimulatedOpFailure.Prerequisite(
                        $"Instance '{instance.Name}' is marked to be up, can't remove volume from a running instance without using hotplug",
                        GanetiErrorCodes.WrongState);
                }
                return () =>
                {
                    var index = instance.Disks.IndexOf(disk);
                    instance.Disks.RemoveAt(index);
                    if (change.Action == GanetiDiskActions.Detach)
                    {
                        state.DetachedDisks.Add(disk);
                    }
                    return (Result(index, change.Action), change with { Identifier = index.ToString(CultureInfo.InvariantCulture) });
                };
            default:
                throw SimulatedOpFailure.Prerequisite($"Not simulated: disk change '{change.Action}'", GanetiErrorCodes.WrongInput);
        }
    }

    private static void RequireAppend(InstanceDiskChange change)
    {
        if (change.Identifier != InstanceDiskChange.Append)
        {
            throw SimulatedOpFailure.Prerequisite("Only positive integer or -1 is accepted as identifier for add", GanetiErrorCodes.WrongInput);
        }
    }

    private static void RequireUniqueName(SimulatedInstance instance, string? name)
    {
        if (name is not null && instance.Disks.Any(disk => disk.Name == name))
        {
            throw SimulatedOpFailure.Prerequisite($"Duplicate disk name '{name}'", GanetiErrorCodes.WrongInput);
        }
    }

    private static SimulatedDisk FindDetached(SimulatedClusterState state, InstanceDiskParameters parameters)
    {
        if ((parameters.Name is null) == (parameters.Uuid is null))
        {
            throw SimulatedOpFailure.Prerequisite("Only one argument is permitted in attach op, either name or uuid", GanetiErrorCodes.WrongInput);
        }
        return state.DetachedDisks.FirstOrDefault(disk => parameters.Uuid is null ? disk.Name == parameters.Name : disk.Uuid == parameters.Uuid)
            ?? throw SimulatedOpFailure.Prerequisite(parameters.Uuid is null
                ? $"No disk was found with this name: {parameters.Name}"
                : $"No disk was found with this UUID: {parameters.Uuid}", GanetiErrorCodes.WrongInput);
    }

    /// <summary>By index (-1 = last), name or UUID; an unknown one fails as on Ganeti 3.0.2, without an error code.</summary>
    private static SimulatedDisk FindAttached(SimulatedInstance instance, InstanceDiskChange change)
    {
        var id = change.Identifier;
        if (int.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            var at = index == -1 ? instance.Disks.Count - 1 : index;
            return at >= 0 && at < instance.Disks.Count ? instance.Disks[at]
                : throw SimulatedOpFailure.Prerequisite($"Invalid disk index {index}", GanetiErrorCodes.WrongInput);
        }
        return instance.Disks.FirstOrDefault(disk => disk.Name == id || disk.Uuid == id)
            ?? throw new SimulatedOpFailure(new GanetiOpPrereqError($"Lookup of disk '{id}' failed", null));
    }

    private static JsonElement Result(int index, string what) =>
        SimulatedJson.Array(SimulatedJson.String($"disk/{index}"), SimulatedJson.String(what));

    /// <summary>The change list as a job lists it.</summary>
    public static JsonElement ToJson(IReadOnlyList<InstanceDiskChange> changes) =>
        JsonSerializer.SerializeToElement(changes, SimulatedRapiJson.Wire.IReadOnlyListInstanceDiskChange);
}
