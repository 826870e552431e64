using Cyclades.Logic.Backends;
using Cyclades.Logic.Events.Operations;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Events;

/// <summary>
/// The final results of jobs on a volume keeper (docs/storage.md): the attach and remove jobs of a volume being
/// deleted, found by their recorded ids, each applied in its own transaction by its handler. Other jobs on a keeper
/// (its create job) change no state: whether a keeper exists is read from the cluster.
/// </summary>
internal sealed class VolumeKeeperEvents(IDbConnectionFactory connections, QuotaService quotas, TimeProvider clock)
{
    private readonly IReadOnlyDictionary<ServerOperation, IKeeperOperationHandler> _handlers =
        new IKeeperOperationHandler[] { new KeeperAttachHandler(quotas, clock), new KeeperRemoveHandler(quotas, clock) }
            .ToDictionary(h => h.Operation);

    public async Task<EventResult> ApplyAsync(BackendEvent e, long keeperId, CancellationToken cancellationToken)
    {
        if (!e.Status.IsFinal())
        {
            return new EventResult(EventOutcome.Progress);
        }
        if (!_handlers.TryGetValue(e.Operation, out var handler))
        {
            return new EventResult(EventOutcome.Stale);
        }
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        if (await VolumeKeeperRepository.FindByJobAsync(transaction.Db, e.BackendId, keeperId, e.JobId, cancellationToken) is not { } deletion)
        {
            return new EventResult(EventOutcome.Stale);
        }
        await handler.ApplyAsync(transaction.Db, deletion, e, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EventResult(EventOutcome.Applied);
    }
}
