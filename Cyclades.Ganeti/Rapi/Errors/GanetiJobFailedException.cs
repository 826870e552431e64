using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi.Errors;

/// <summary>A job ended in <c>error</c> or <c>canceled</c> (see <see cref="GanetiJob.EnsureSuccess"/>).</summary>
public sealed class GanetiJobFailedException(GanetiJob job)
    : GanetiException($"Ganeti job {job.Id} ended with status {job.Status}" + (job.FirstError is { } error ? $": {error}" : ""))
{
    public GanetiJob Job { get; } = job;

    /// <summary>The first failed opcode's error (typed: <see cref="GanetiOpPrereqError"/> with its code, …).</summary>
    public GanetiJobError? Error => Job.FirstError;
}
