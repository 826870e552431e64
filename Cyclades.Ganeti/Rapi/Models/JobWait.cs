using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// Body of the long poll <c>GET /2/jobs/&lt;id&gt;/wait</c>: Ganeti answers once the values of
/// <see cref="Fields"/> differ from <see cref="PreviousJobInfo"/> or a log entry newer than
/// <see cref="PreviousLogSerial"/> exists, or after ~10 s (then with JSON null).
/// </summary>
public sealed record JobWaitRequest
{
    [JsonPropertyName("fields")]
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>The values last seen, in the order of <see cref="Fields"/>; null = none seen yet.</summary>
    [JsonPropertyName("previous_job_info")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<JsonElement>? PreviousJobInfo { get; init; }

    /// <summary>The last log serial seen; null = none, so any log entry counts as a change.</summary>
    [JsonPropertyName("previous_log_serial")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? PreviousLogSerial { get; init; }
}

/// <summary>What changed: the values of the requested fields and the new log entries.</summary>
public sealed record JobWaitResult
{
    [JsonPropertyName("job_info")]
    public required IReadOnlyList<JsonElement> JobInfo { get; init; }

    [JsonPropertyName("log_entries")]
    public IReadOnlyList<GanetiJobLogEntry> LogEntries { get; init; } = [];
}
