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
    public async Task<GanetiJob?> WaitForStatusChangeAsync(long id, string? knownStatus, CancellationToken cancellationToken = default)
    {
        var job = await GetAsync(id, cancellationToken);
        if (job is null || job.Status != knownStatus || GanetiJobStatuses.IsFinal(job.Status))
        {
            return job;
        }
        try
        {
            await WaitForChangeAsync(id, new JobWaitRequest
            {
                Fields = ["status"],
                PreviousJobInfo = [JsonSerializer.SerializeToElement(job.Status, RapiJsonContext.Default.String)],
                PreviousLogSerial = AllLogEntriesSeen,
            }, cancellationToken);
        }
        catch (GanetiServerErrorException)
        {
            // Ganeti answers 500 when the job vanished meanwhile (the cluster was rebuilt, say).
            job = await GetAsync(id, cancellationToken);
            if (job is not null && job.Status == knownStatus)
            {
                throw;
            }
            return job;
        }
        return await GetAsync(id, cancellationToken);
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
}
