using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// A job from <c>GET /2/jobs/&lt;id&gt;</c> or <c>GET /2/jobs?bulk=1</c>. The bulk listing leaves out
/// <see cref="OpLog"/> and <see cref="OpResults"/> (null then).
/// </summary>
public sealed class GanetiJob
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("ops")]
    public IReadOnlyList<GanetiOpCode>? Ops { get; init; }

    /// <summary>See <see cref="GanetiJobStatuses"/>. Null only for an unknown job id.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("summary")]
    public IReadOnlyList<string>? Summary { get; init; }

    [JsonPropertyName("opstatus")]
    public IReadOnlyList<string>? OpStatus { get; init; }

    [JsonPropertyName("received_ts")]
    public GanetiTimestamp? ReceivedAt { get; init; }

    [JsonPropertyName("start_ts")]
    public GanetiTimestamp? StartedAt { get; init; }

    [JsonPropertyName("end_ts")]
    public GanetiTimestamp? EndedAt { get; init; }

    [JsonPropertyName("oplog")]
    public IReadOnlyList<IReadOnlyList<GanetiJobLogEntry>>? OpLog { get; init; }

    /// <summary>
    /// One result per opcode: the opcode's return value on success (create: <c>["node"]</c>;
    /// modify: <c>[[param, value], …]</c>; power operations and delete: null) or its error
    /// (<see cref="GetOpError"/>).
    /// </summary>
    [JsonPropertyName("opresult")]
    public IReadOnlyList<JsonElement>? OpResults { get; init; }

    /// <summary>Ganeti answers an unknown job id with HTTP 200 and every field null.</summary>
    [JsonIgnore]
    public bool Exists => Status is not null;

    /// <summary>The error of a failed opcode; null when it did not fail or the result is not known.</summary>
    public GanetiJobError? GetOpError(int index)
    {
        if (OpStatus is null || index >= OpStatus.Count || OpStatus[index] != GanetiJobStatuses.Error)
        {
            return null;
        }
        return OpResults is not null && index < OpResults.Count ? GanetiJobError.Parse(OpResults[index]) : null;
    }

    /// <summary>The error of the first failed opcode, if any.</summary>
    [JsonIgnore]
    public GanetiJobError? FirstError =>
        Enumerable.Range(0, OpStatus?.Count ?? 0).Select(GetOpError).FirstOrDefault(error => error is not null);

    /// <summary>Throws <see cref="Errors.GanetiJobFailedException"/> unless the job succeeded.</summary>
    public GanetiJob EnsureSuccess()
    {
        if (Status != GanetiJobStatuses.Success)
        {
            throw new Errors.GanetiJobFailedException(this);
        }
        return this;
    }
}
