using System.Text.Json;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi;

/// <summary><c>/2/jobs</c>: the job queue, including jobs submitted outside this client.</summary>
public sealed class JobsClient(RapiConnection connection)
{
    // "Seen every log entry": makes a wait return on status changes only (with null, every new
    // log line of a running job would end it at once).
    private const long AllLogEntriesSeen = int.MaxValue;

    // Everything about a job that changes while it runs (its ops, id and receipt do not).
    private static readonly string[] ChangingFields = ["status", "opstatus", "opresult", "oplog", "start_ts", "end_ts"];

    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();

    public async Task<IReadOnlyList<long>> ListIdsAsync(CancellationToken cancellationToken = default)
    {
        var links = await connection.SendAsync(HttpMethod.Get, RapiPaths.Jobs(bulk: false),
            RapiJsonContext.Default.IReadOnlyListGanetiResourceLink, cancellationToken);
        return links?.Select(link => long.Parse(link.IdText, System.Globalization.CultureInfo.InvariantCulture)).ToList() ?? [];
    }

    /// <summary>
    /// Every non-archived job, without <c>oplog</c> and <c>opresult</c> (Ganeti leaves them out of
    /// the bulk listing; <see cref="GetAsync"/> has them). It cannot be paged or filtered.
    /// </summary>
    public async Task<IReadOnlyList<GanetiJob>> ListAsync(CancellationToken cancellationToken = default) =>
        await connection.SendAsync(HttpMethod.Get, RapiPaths.Jobs(bulk: true),
            RapiJsonContext.Default.IReadOnlyListGanetiJob, cancellationToken) ?? [];

    /// <summary>The job (archived ones too), or null when the cluster does not know the id.</summary>
    public async Task<GanetiJob?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        // An unknown id is not a 404: HTTP 200 with every field null.
        var job = await connection.SendAsync(HttpMethod.Get, RapiPaths.Job(id), RapiJsonContext.Default.GanetiJob, cancellationToken);
        return job is { Exists: true } ? job : null;
    }

    /// <summary>
    /// The raw long poll: the new values of the requested fields once they differ from the previous
    /// ones (or newer log entries exist), or null when nothing changed within Ganeti's wait (~10 s).
    /// </summary>
    /// <exception cref="GanetiServerErrorException">Among others, HTTP 500 for an unknown job.</exception>
    public Task<JobWaitResult?> WaitForChangeAsync(long id, JobWaitRequest request, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Get, RapiPaths.JobWait(id), request, RapiJsonContext.Default.JobWaitRequest,
            RapiJsonContext.Default.JobWaitResult, cancellationToken);

    /// <summary>
    /// The job once its status differs from <paramref name="knownStatus"/> (at once if it already
    /// does, or is final), else as it is after Ganeti's wait period; null when the id is unknown.
    /// </summary>
    /// <remarks>
    /// The long poll asks for every field that changes while a job runs, so its answer completes the
    /// job read before it: the final job (with its results) comes back as soon as Ganeti notices the
    /// end, without another request. Changes of the log alone are waited through.
    /// </remarks>
    public async Task<GanetiJob?> WaitForStatusChangeAsync(long id, string? knownStatus, CancellationToken cancellationToken = default)
    {
        var fields = await GetFieldsAsync(id, cancellationToken);
        var job = fields is null ? null : ToJob(fields);
        if (job is null || job.Status != knownStatus || GanetiJobStatuses.IsFinal(job.Status))
        {
            return job;
        }
        while (true)
        {
            var previous = ChangingFields.Select(field => fields!.TryGetValue(field, out var value) ? value : JsonNull).ToList();
            JobWaitResult? change;
            try
            {
                change = await WaitForChangeAsync(id, new JobWaitRequest
                {
                    Fields = ChangingFields,
                    PreviousJobInfo = previous,
                    PreviousLogSerial = AllLogEntriesSeen,
                }, cancellationToken);
            }
            catch (GanetiServerErrorException)
            {
                // Ganeti answers 500 when the job vanished meanwhile (the cluster was rebuilt, say).
                var now = await GetAsync(id, cancellationToken);
                if (now is not null && now.Status == knownStatus)
                {
                    throw;
                }
                return now;
            }
            if (change is null || change.JobInfo.Count != ChangingFields.Length
                || change.JobInfo.SequenceEqual(previous, JsonElementEquality.Instance))
            {
                return job; // nothing changed within Ganeti's wait period
            }
            for (var i = 0; i < ChangingFields.Length; i++)
            {
                fields![ChangingFields[i]] = change.JobInfo[i].Clone();
            }
            job = ToJob(fields!);
            if (GanetiJobStatuses.IsFinal(job.Status))
            {
                // Read whole once final: Ganeti lists some op inputs as it resolved them while running
                // (a NIC's MAC, a pool's address, a disk's index), which the long poll's fields do not carry.
                return await GetFieldsAsync(id, cancellationToken) is { } final ? ToJob(final) : job;
            }
            if (job.Status != knownStatus)
            {
                return job;
            }
        }
    }

    /// <summary>Long-polls until the job is final; null when the id is unknown.</summary>
    public async Task<GanetiJob?> WaitUntilFinishedAsync(long id, CancellationToken cancellationToken = default)
    {
        string? known = null;
        while (true)
        {
            var job = await WaitForStatusChangeAsync(id, known, cancellationToken);
            if (job is null || GanetiJobStatuses.IsFinal(job.Status))
            {
                return job;
            }
            known = job.Status;
        }
    }

    /// <summary>The job's fields as Ganeti sent them, so a long poll can quote them back exactly; null for an unknown id.</summary>
    private async Task<Dictionary<string, JsonElement>?> GetFieldsAsync(long id, CancellationToken cancellationToken)
    {
        var fields = await connection.SendAsync(HttpMethod.Get, RapiPaths.Job(id),
            RapiJsonContext.Default.DictionaryStringJsonElement, cancellationToken);
        return fields is not null && fields.TryGetValue("status", out var status) && status.ValueKind != JsonValueKind.Null ? fields : null;
    }

    private static GanetiJob ToJob(Dictionary<string, JsonElement> fields)
    {
        try
        {
            return JsonSerializer.Deserialize(
                JsonSerializer.SerializeToUtf8Bytes(fields, RapiJsonContext.Default.DictionaryStringJsonElement),
                RapiJsonContext.Default.GanetiJob)!;
        }
        catch (JsonException e)
        {
            throw new GanetiProtocolException($"job {fields.GetValueOrDefault("id")}: unexpected answer ({e.Message})", e);
        }
    }

    private sealed class JsonElementEquality : IEqualityComparer<JsonElement>
    {
        public static readonly JsonElementEquality Instance = new();

        public bool Equals(JsonElement x, JsonElement y) => JsonElement.DeepEquals(x, y);

        public int GetHashCode(JsonElement obj) => obj.ValueKind.GetHashCode();
    }
}
