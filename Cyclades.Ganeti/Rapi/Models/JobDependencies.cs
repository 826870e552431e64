using System.Globalization;
using System.Text.Json;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// A job's <c>depends</c> parameter: <c>[[job id, [statuses]], …]</c>. Ganeti holds the job until the jobs it
/// depends on are final, and fails it (<c>OpExecError</c>) when one ended in a status the list does not name.
/// </summary>
public static class JobDependencies
{
    /// <summary>Runs only once <paramref name="jobId"/> has succeeded.</summary>
    public static JsonElement OnSuccessOf(long jobId)
    {
        using var document = JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture, $"[[{jobId},[\"{GanetiJobStatuses.Success}\"]]]"));
        return document.RootElement.Clone();
    }

    /// <summary>The (job id, statuses) pairs of a <c>depends</c> value; malformed entries are skipped.</summary>
    public static IReadOnlyList<(long JobId, IReadOnlyList<string> Statuses)> Parse(JsonElement? depends) =>
        depends is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray()
                .Where(entry => entry.ValueKind == JsonValueKind.Array && entry.GetArrayLength() == 2
                    && entry[0].ValueKind == JsonValueKind.Number && entry[0].TryGetInt64(out _) && entry[1].ValueKind == JsonValueKind.Array)
                .Select(entry => (entry[0].GetInt64(),
                    (IReadOnlyList<string>)entry[1].EnumerateArray().Select(status => status.GetString() ?? "").ToList()))
                .ToList()
            : [];
}
