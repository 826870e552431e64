using System.Text.Json;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// A change list of <c>OP_INSTANCE_SET_PARAMS</c> (disks, NICs) as Ganeti runs it: every change is validated
/// first (a refusal changes nothing), then each is applied in order.
/// </summary>
internal static class SimulatedChangeList
{
    /// <summary>Returns the result entries and the changes as the job lists them afterwards.</summary>
    public static (List<JsonElement> Results, List<TChange> Resolved) Apply<TChange>(
        IReadOnlyList<TChange> changes, Func<TChange, Func<(JsonElement, TChange)>> prepare)
    {
        List<JsonElement> results = [];
        List<TChange> resolved = [];
        foreach (var apply in changes.Select(prepare).ToList())
        {
            var (result, listed) = apply();
            results.Add(result);
            resolved.Add(listed);
        }
        return (results, resolved);
    }
}
