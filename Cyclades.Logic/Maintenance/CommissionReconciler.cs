using Cyclades.Logic.Backends;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Maintenance;

/// <param name="Accepted">Pending commissions whose job's success is recorded on their server.</param>
/// <param name="Rejected">Pending commissions nothing will settle: orphaned, or their job's outcome unknown or failed.</param>
public sealed record CommissionReconciliation(IReadOnlyList<long> Accepted, IReadOnlyList<long> Rejected);

/// <summary>
/// Settles commissions left pending (reference §7.4, <c>reconcile-commissions</c>). A commission stays
/// pending only while it is attached to a server whose task still waits for its job. Otherwise it is
/// decided by its job's final status if the server recorded it (accepted on success), and rejected
/// if not or if no server holds it any more. Usage drift this may leave is fixed by
/// <see cref="UsageReconciler"/>, which should run afterwards.
/// </summary>
public sealed class CommissionReconciler(IDbConnectionFactory connections, QuotaService quotas, LogicMetrics metrics)
{
    public Task<CommissionReconciliation> ReconcileAsync(CancellationToken cancellationToken) => ReconcileAsync(fix: true, cancellationToken);

    /// <param name="fix">False: report what would be decided and change nothing.</param>
    public async Task<CommissionReconciliation> ReconcileAsync(bool fix, CancellationToken cancellationToken)
    {
        var pending = await connections.ReadAsync(db => quotas.ListPendingIdsAsync(db, cancellationToken), cancellationToken);
        var accepted = new List<long>();
        var rejected = new List<long>();
        foreach (var id in pending)
        {
            switch (await DecideAsync(id, fix, cancellationToken))
            {
                case Decision.Accepted:
                    accepted.Add(id);
                    break;
                case Decision.Rejected:
                    rejected.Add(id);
                    break;
            }
        }
        metrics.Findings("CommissionAccepted", accepted.Count, fix);
        metrics.Findings("CommissionRejected", rejected.Count, fix);
        return new CommissionReconciliation(accepted, rejected);
    }

    private async Task<Decision> DecideAsync(long id, bool fix, CancellationToken cancellationToken)
    {
        // A dry run decides exactly as a fix would, under the same locks, and rolls back.
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        var decision = await SettleAsync(transaction.Db, id, cancellationToken);
        if (fix)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return decision;
    }

    private async Task<Decision> SettleAsync(Db db, long id, CancellationToken cancellationToken)
    {
        var commission = await quotas.GetCommissionAsync(db, id, cancellationToken);
        // Lock the server before looking again: the dispatcher may be settling it right now.
        var server = commission?.ServerId is { } serverId ? await ServerRepository.LockAsync(db, serverId, cancellationToken) : null;
        commission = await quotas.GetCommissionAsync(db, id, cancellationToken);
        if (commission is not { State: CommissionState.Pending })
        {
            return Decision.Kept;
        }
        var attached = server is { Deleted: false } && server.CommissionId == id;
        if (attached && server!.Task is { } task && (commission.JobId is null || task.JobId == commission.JobId))
        {
            return Decision.Kept;
        }
        var outcome = attached && server!.LastJob is { } last && last.JobId == commission.JobId && last.Status.IsFinal()
            ? last.Status
            : (JobStatus?)null;
        if (attached)
        {
            await ServerRepository.UpdateAsync(db, server! with { CommissionId = null }, cancellationToken);
        }
        if (outcome == JobStatus.Success)
        {
            await quotas.AcceptAsync(db, id, cancellationToken);
            return Decision.Accepted;
        }
        await quotas.RejectAsync(db, id, cancellationToken);
        return Decision.Rejected;
    }

    private enum Decision
    {
        Kept,
        Accepted,
        Rejected,
    }
}
