using System.Net;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// <c>GET /2/jobs/&lt;id&gt;/wait</c>: answers once the requested fields differ from the previous
/// values, a newer log entry exists or the job is final; null after the wait period.
/// </summary>
internal static class SimulatedJobWait
{
    private static readonly HashSet<string> JobFields =
        ["id", "ops", "status", "summary", "opstatus", "received_ts", "start_ts", "end_ts", "oplog", "opresult"];

    public static async Task<JobWaitResult?> WaitAsync(
        SimulatedGanetiCluster cluster, long id, JobWaitRequest request, CancellationToken cancellationToken)
    {
        if (request.Fields.FirstOrDefault(field => !JobFields.Contains(field)) is { } unknown)
        {
            throw SimulatedRapiError.BadRequest($"Unknown field '{unknown}'");
        }
        var deadline = cluster.Time.GetUtcNow() + TimeSpan.FromMilliseconds(cluster.Options.JobWaitTimeoutMs);
        while (true)
        {
            var (answer, nextChange) = cluster.Read((_, queue, now) =>
                Check(queue.Find(id) ?? throw new SimulatedRapiError(HttpStatusCode.InternalServerError, "Can't load job file"),
                    request, now));
            if (answer is not null)
            {
                return answer;
            }
            var current = cluster.Time.GetUtcNow();
            if (current >= deadline)
            {
                return null;
            }
            var wakeUp = nextChange is { } change && change < deadline ? change : deadline;
            await Task.Delay(TimeSpan.FromTicks(Math.Max((wakeUp - current).Ticks, TimeSpan.TicksPerMillisecond)), cluster.Time,
                cancellationToken);
        }
    }

    private static (JobWaitResult? Answer, DateTimeOffset? NextChange) Check(SimulatedJob job, JobWaitRequest request, DateTimeOffset now)
    {
        var model = JsonSerializer.SerializeToElement(job.ToModel(now, withResults: true), SimulatedRapiJson.Wire.GanetiJob);
        var values = request.Fields.Select(field => model.GetProperty(field).Clone()).ToList();
        var newLog = job.Log.Where(entry => request.PreviousLogSerial is not { } seen || entry.Serial > seen).ToList();
        var changed = request.PreviousJobInfo is null || job.FinalStatus is not null || newLog.Count > 0
            || !values.SequenceEqual(request.PreviousJobInfo, JsonElementComparer.Instance);
        return changed ? (new JobWaitResult { JobInfo = values, LogEntries = newLog }, null) : (null, job.NextChangeAfter(now));
    }

    private sealed class JsonElementComparer : IEqualityComparer<JsonElement>
    {
        public static readonly JsonElementComparer Instance = new();

        public bool Equals(JsonElement x, JsonElement y) => JsonElement.DeepEquals(x, y);

        public int GetHashCode(JsonElement obj) => obj.ValueKind.GetHashCode();
    }
}
