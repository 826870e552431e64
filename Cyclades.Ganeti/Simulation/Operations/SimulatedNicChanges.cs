using System.Globalization;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// The <c>nics</c> change list of <c>OP_INSTANCE_SET_PARAMS</c> on the fake hypervisor, as Ganeti
/// 3.0.2 answered it (docs/networking.md): no hotplug, so an add or a remove changes the configuration
/// of a running or stopped instance alike; an added NIC gets a MAC, which the job then lists.
/// </summary>
internal static class SimulatedNicChanges
{
    /// <summary>Validated all first, then applied in order; returns the result entries and the changes as the job lists them afterwards.</summary>
    public static (List<JsonElement> Results, List<InstanceNicChange> Resolved) Apply(
        SimulatedClusterState state, SimulatedInstance instance, IReadOnlyList<InstanceNicChange> changes) =>
        SimulatedChangeList.Apply(changes, change => Prepare(state, instance, change));

    private static Func<(JsonElement, InstanceNicChange)> Prepare(SimulatedClusterState state, SimulatedInstance instance, InstanceNicChange change)
    {
        switch (change.Action)
        {
            case GanetiNicActions.Add:
                if (change.Identifier != InstanceDiskChange.Append)
                {
                    throw SimulatedOpFailure.Prerequisite("Only positive integer or -1 is accepted as identifier for add", GanetiErrorCodes.WrongInput);
                }
                InstancePolicy.Check("nic-count", instance.Nics.Count + 1);
                if (change.Parameters.Name is { } name && instance.Nics.Any(nic => nic.Name == name))
                {
                    throw SimulatedOpFailure.Prerequisite($"Duplicate NIC name '{name}'", GanetiErrorCodes.WrongInput);
                }
                var added = CreateInstanceChecks.Nic(state, change.Parameters);
                return () =>
                {
                    instance.Nics.Add(added);
                    var index = instance.Nics.Count - 1;
                    return (Result($"nic.{index}", $"add:mac={added.Mac},ip={added.Ip},mode=bridged,link={SimulatedNic.Link},network={added.Network}"),
                        change with { Parameters = change.Parameters with { Mac = added.Mac } });
                };
            case GanetiNicActions.Remove:
                var removed = Find(instance, change.Identifier);
                return () =>
                {
                    var index = instance.Nics.IndexOf(removed);
                    instance.Nics.RemoveAt(index);
                    return (Result($"NIC/{index}", "remove"), change);
                };
            default:
                throw SimulatedOpFailure.Prerequisite($"Not simulated: NIC change '{change.Action}'", GanetiErrorCodes.WrongInput);
        }
    }

    /// <summary>By index (-1 = last) or name.</summary>
    private static SimulatedNic Find(SimulatedInstance instance, string id)
    {
        if (int.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            var at = index == -1 ? instance.Nics.Count - 1 : index;
            return at >= 0 && at < instance.Nics.Count ? instance.Nics[at]
                : throw SimulatedOpFailure.Prerequisite($"Invalid NIC index {index}", GanetiErrorCodes.WrongInput);
        }
        return instance.Nics.FirstOrDefault(nic => nic.Name == id)
            ?? throw SimulatedOpFailure.Prerequisite($"NIC with name '{id}' not found", GanetiErrorCodes.WrongInput);
    }

    private static JsonElement Result(string item, string what) => SimulatedJson.Array(SimulatedJson.String(item), SimulatedJson.String(what));

    /// <summary>The change list as a job lists it.</summary>
    public static JsonElement ToJson(IReadOnlyList<InstanceNicChange> changes) =>
        JsonSerializer.SerializeToElement(changes, SimulatedRapiJson.Wire.IReadOnlyListInstanceNicChange);
}
