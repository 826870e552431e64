using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;

namespace Cyclades.Logic.Volumes;

/// <summary>What happens to a server's volumes when its create job ends and when it is gone, in the caller's transaction.</summary>
internal static class ServerVolumes
{
    /// <summary>A server's volume type: its root volume's (<paramref name="fallback"/>, the flavor's default, if none is on record).</summary>
    public static async Task<string> VolumeTypeAsync(Db db, long serverId, string fallback, CancellationToken cancellationToken) =>
        (await VolumeRepository.ListByServersAsync(db, [serverId], cancellationToken)).FirstOrDefault(v => v.IsRoot)?.VolumeType ?? fallback;

    /// <summary>The create job ended: the volumes it made are the server's disks, or failed with it.</summary>
    public static async Task SettleCreateAsync(Db db, long serverId, bool succeeded, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var volume in (await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken)).Where(v => v.Status == VolumeStatus.Creating))
        {
            await VolumeRepository.UpdateAsync(db, volume with { Status = succeeded ? VolumeStatus.InUse : VolumeStatus.Error, UpdatedAt = at }, cancellationToken);
        }
    }

    /// <summary>
    /// The server no longer exists. Its volumes marked delete-on-termination are deleted and their
    /// size handed back (a forced, accepted commission: the cluster already removed them); the others
    /// are detached and stay, still counted. With <paramref name="neverCreated"/> the cluster never
    /// had the server, so none of its volumes exists: all are deleted.
    /// </summary>
    /// <returns>The volumes left detached.</returns>
    public static async Task<IReadOnlyList<Volume>> SettleDestroyAsync(
        Db db, QuotaService quotas, long serverId, string reason, bool neverCreated, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var detached = new List<Volume>();
        foreach (var volume in await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken))
        {
            if (neverCreated || volume.DeleteOnTermination)
            {
                await VolumeRepository.UpdateAsync(db, volume.AsDeleted(at) with { CommissionId = null }, cancellationToken);
                await quotas.IssueAndAcceptAsync(db, new CommissionRequest(
                    volume.UserId, VolumeQuota.Of(volume.SizeGiB).Negate(), $"{reason}: delete {volume.DiskName}", Forced: true), cancellationToken);
            }
            else
            {
                var kept = volume.AsDetached(at);
                await VolumeRepository.UpdateAsync(db, kept, cancellationToken);
                detached.Add(kept);
            }
        }
        return detached;
    }
}
