using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Settles a task committed as submitting (task set, no job id): its job is recorded, or the task is
/// given up — a new server is released with its quota, any other task is cleared and its commission
/// rejected. Each step re-checks under the server's lock that the task is still the same one.
/// </summary>
public sealed class SubmittingTasks(IDbConnectionFactory connections, QuotaService quotas, ServerRelease release, TimeProvider clock)
{
    /// <summary>Records <paramref name="jobId"/> as the job of <paramref name="submitting"/>'s task (and its commission's).</summary>
    /// <param name="abandonedBefore">Only if the heartbeat is older than this (the dispatcher adopting a job); null = the submitter itself.</param>
    /// <returns>False when the task is no longer that one (settled or replaced meanwhile).</returns>
    public Task<bool> RecordJobAsync(Server submitting, long jobId, DateTimeOffset? abandonedBefore, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            if (await LockSameAsync(db, submitting, abandonedBefore, cancellationToken) is not { } server)
            {
                return false;
            }
            await ServerRepository.RecordJobAsync(db, server, jobId, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            if (server.Task!.Action == ServerAction.Export)
            {
                await ImageRepository.RecordExportJobAsync(db, server.Id, jobId, cancellationToken);
            }
            if (server.CommissionId is { } commission)
            {
                await quotas.RecordJobAsync(db, commission, jobId, cancellationToken);
            }
            return true;
        }, cancellationToken);

    /// <summary>Gives the task up: no job will come (its submission failed, or the cluster has none after its submitter died).</summary>
    /// <param name="abandonedBefore">Only if the heartbeat is older than this; null = the submitter itself.</param>
    /// <returns>False when the task is no longer that one.</returns>
    public Task<bool> GiveUpAsync(Server submitting, string reason, DateTimeOffset? abandonedBefore, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            if (await LockSameAsync(db, submitting, abandonedBefore, cancellationToken) is not { } server)
            {
                return false;
            }
            if (server.Task!.Action == ServerAction.Build)
            {
                var flavor = await CatalogRepository.GetFlavorAsync(db, server.FlavorId, cancellationToken)
                    ?? throw new InvalidOperationException($"Server {server.Id} refers to a missing flavor {server.FlavorId}.");
                await release.ReleaseAsync(db, server, flavor, reason, cancellationToken);
                return true;
            }
            if (server.Task.Action == ServerAction.Export)
            {
                await ImageRepository.FinishExportAsync(db, server.Id, succeeded: false, reason, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            }
            await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
            await ServerRepository.UpdateAsync(db, server with { Task = null, CommissionId = null, UpdatedAt = clock.GetUtcNow() }, cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task<Server?> LockSameAsync(Db db, Server submitting, DateTimeOffset? abandonedBefore, CancellationToken cancellationToken)
    {
        var server = await ServerRepository.LockAsync(db, submitting.Id, cancellationToken);
        if (server is not { Deleted: false, IsSubmitting: true }
            || server.Task!.Action != submitting.Task?.Action
            || UnixTime.ToMicros(server.TaskAt) != UnixTime.ToMicros(submitting.TaskAt))
        {
            return null;
        }
        return abandonedBefore is { } cutoff && (server.SubmissionHeartbeat ?? server.TaskAt) >= cutoff ? null : server;
    }
}
