using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Maintenance;

/// <summary>Repairs for servers whose task can no longer finish by itself.</summary>
public sealed class ServerMaintenance(IDbConnectionFactory connections, QuotaService quotas, TimeProvider clock)
{
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
