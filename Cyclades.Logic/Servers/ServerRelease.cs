using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Gives up a server the cluster never got (its create job could not be submitted): marks it
/// destroyed and hands its quota back with an accepted commission, in the caller's transaction.
/// </summary>
public sealed class ServerRelease(QuotaService quotas, TimeProvider clock)
{
    /// <summary>
    /// Stands in for a job when there is none: job id 0 is never a real cluster job (reconciliation's
    /// simulated events use it too), and the message says why the server is gone.
    /// </summary>
    public const long NoJob = 0;

    internal async Task<Server> ReleaseAsync(Db db, Server server, Flavor flavor, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await quotas.ResolvePreviousAsync(db, server.CommissionId, cancellationToken);
        var provisions = CommissionCalculator.For(ServerAction.Destroy, server.OperState, flavor);
        if (!provisions.IsEmpty)
        {
            await quotas.IssueAndAcceptAsync(db, new CommissionRequest(
                server.UserId, provisions, $"release {server.InstanceName}: {reason}", server.Id, Forced: true), cancellationToken);
        }
        var released = server.AsDestroyed(now) with
        {
            CommissionId = null,
            LastJob = new BackendJob(NoJob, ServerOperation.Create, JobStatus.Error, reason, now),
        };
        await ServerRepository.UpdateAsync(db, released, cancellationToken);
        await ServerVolumes.SettleDestroyAsync(db, quotas, server.Id, $"release {server.InstanceName}", neverCreated: true, now, cancellationToken);
        return released;
    }
}
