using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Events.Operations;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Reconciliation;

/// <summary>
/// Repairs a server's volumes or ports from its instance's disks or NICs, in one transaction with the
/// server row locked, comparing again there: only while the server has no task and no change newer
/// than the reconciliation's start was applied to it (the dispatcher's results win). A repair moves
/// the server's event clock to the reconciliation's start, as a simulated event does: the jobs that
/// made the differences ended before it, so when the dispatcher delivers them later they are stale
/// and a disk or NIC is never adopted twice.
/// </summary>
public sealed class InventoryFixer(IDbConnectionFactory connections, QuotaService quotas, TimeProvider clock)
{
    /// <returns>Why nothing was done, or null.</returns>
    internal Task<string?> SyncDisksAsync(Server server, IReadOnlyList<ClusterDisk> disks, DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        UnderLockAsync(server, startedAt, async (db, locked) =>
        {
            var flavor = await CatalogRepository.GetFlavorAsync(db, locked.FlavorId, cancellationToken);
            return await ClusterDiskSync.ApplyAsync(db, quotas, locked.Id, locked.UserId, locked.BackendId, flavor?.DiskTemplate ?? "unknown", disks,
                clock.GetUtcNow(), cancellationToken);
        }, cancellationToken);

    /// <returns>Why nothing was done, or null.</returns>
    internal Task<string?> SyncNicsAsync(Server server, IReadOnlyList<ClusterNic> nics, DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        UnderLockAsync(server, startedAt, async (db, locked) =>
        {
            var now = UnixTime.ToMicros(clock.GetUtcNow());
            var ports = (await PortRepository.ListByServersAsync(db, [locked.Id], cancellationToken)).Select(p => p.ToPort()).ToList();
            var live = await NicComparison.LiveNetworksAsync(db, locked.BackendId, cancellationToken);
            var repaired = 0;
            foreach (var d in NicComparison.Compare(ports, nics, live).Where(d => d.Kind != NicDifferenceKind.UnknownNetwork))
            {
                repaired++;
                if (d.Kind == NicDifferenceKind.Missing)
                {
                    await PortTransitions.LeftServerAsync(db, d.Port!.Id, delete: d.Port.DeleteOnTermination, now, cancellationToken);
                }
                else if (d.Kind == NicDifferenceKind.Unknown)
                {
                    await NicAdoption.AdoptAsync(db, quotas, locked, new ClusterNicChange(d.Nic!.Name, d.Index, d.Nic.Ip, d.Nic.Network, d.Nic.Mac, Hotplugged: true),
                        pendingRestart: false, ServerRelease.NoJob, now, cancellationToken);
                }
            }
            return repaired;
        }, cancellationToken);

    private async Task<string?> UnderLockAsync(Server server, DateTimeOffset startedAt, Func<Db, Server, Task<int>> fix, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        var locked = await ServerRepository.LockAsync(transaction.Db, server.Id, cancellationToken);
        if (locked is null || locked.Deleted || locked.BackendId != server.BackendId)
        {
            return "the server is gone";
        }
        if (locked.Task is not null)
        {
            return "the server has a task now";
        }
        if (locked.BackendTime > startedAt)
        {
            return "a newer change of the server was applied meanwhile";
        }
        if (await fix(transaction.Db, locked) > 0)
        {
            await ServerRepository.UpdateAsync(transaction.Db,
                locked with { BackendTime = UnixTime.FromMicros(UnixTime.ToMicros(startedAt)), UpdatedAt = clock.GetUtcNow() }, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
