using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Maintenance;

/// <summary>Repairs for servers whose task can no longer finish by itself.</summary>
public sealed class ServerMaintenance(IDbConnectionFactory connections, QuotaService quotas, ServerRelease release, TimeProvider clock)
{
    /// <summary>
    /// Releases servers whose create job was never recorded (the process stopped between creating
    /// them and submitting their jobs) once they are older than <paramref name="olderThan"/>. An
    /// instance the cluster did get is then an orphan for reconciliation to remove.
    /// </summary>
    /// <returns>The ids of the servers released.</returns>
    public async Task<IReadOnlyList<long>> ReleaseUnsubmittedBuildsAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var before = UnixTime.ToMicros(clock.GetUtcNow() - olderThan);
        var candidates = await connections.ReadAsync(async db => (await db.QueryAsync<long>(
            """
            SELECT id FROM servers
            WHERE deleted = @no AND task = 'BUILD' AND task_job_id IS NULL AND created_at < @before
            ORDER BY id
            """,
            new { no = false, before }, cancellationToken)).ToList(), cancellationToken);
        var released = new List<long>();
        foreach (var id in candidates)
        {
            if (await ReleaseUnsubmittedBuildAsync(id, cancellationToken))
            {
                released.Add(id);
            }
        }
        return released;
    }

    /// <summary>Releases one server whose create job was never recorded (reconciliation, per backend).</summary>
    /// <returns>False when the server no longer waits for its create job to be submitted.</returns>
    public Task<bool> ReleaseUnsubmittedBuildAsync(long serverId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            if (await ServerRepository.LockAsync(db, serverId, cancellationToken) is not { Deleted: false, Task: { Action: ServerAction.Build, JobId: null } } server)
            {
                return false;
            }
            var flavor = (await CatalogRepository.GetFlavorAsync(db, server.FlavorId, cancellationToken))!;
            await release.ReleaseAsync(db, server, flavor, "The create job was never submitted.", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Clears a task whose job the cluster no longer knows or has finished without us hearing of it
    /// (reconciliation's <c>--fix-pending-tasks</c>). Its open commission is rejected: the job's
    /// effect, if any, reaches the state through a simulated event and its forced commission.
    /// </summary>
    /// <returns>False when the server's task is no longer that job's.</returns>
    public Task<bool> ClearTaskAsync(long serverId, long jobId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            if (await ServerRepository.LockAsync(db, serverId, cancellationToken) is not { Task.JobId: { } taskJob } server || taskJob != jobId)
            {
                return false;
            }
            await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
            await ServerRepository.UpdateAsync(db, server with { Task = null, CommissionId = null, UpdatedAt = clock.GetUtcNow() }, cancellationToken);
            return true;
        }, cancellationToken);
}
