using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;

namespace Cyclades.Logic.Volumes;

/// <summary>
/// What a finished disk job means for a server's volumes (Synnefo's <c>update_vm_disks</c>): the
/// volume in transition ends its transition; a change nobody asked for through the API (an
/// administrator's <c>gnt-instance modify --disk add</c> or <c>grow-disk</c>) is adopted and
/// commissioned (forced), so that the volumes and <c>cyclades.disk</c> follow the cluster.
/// </summary>
public static class VolumeTransitions
{
    /// <summary>A disk was added to (or attached again to) the server.</summary>
    /// <param name="sizeMiB">For an unexpected add: the size the job gave it.</param>
    internal static async Task AttachedAsync(Db db, QuotaService quotas, long serverId, string userId, long backendId,
        bool success, int? sizeMiB, long jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var volumes = await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken);
        var attaching = volumes.Where(volume => volume.Status == VolumeStatus.Attaching).ToList();
        foreach (var volume in attaching)
        {
            if (success)
            {
                await VolumeRepository.UpdateAsync(db, volume with { Status = VolumeStatus.InUse, UpdatedAt = now }, cancellationToken);
                await VolumeDisks.SetOnClusterAsync(db, volume.Id, true, cancellationToken);
            }
            else
            {
                await UndoAsync(db, quotas, volume, now, cancellationToken);
            }
        }
        if (success && attaching.Count == 0 && sizeMiB is { } size)
        {
            await AdoptAsync(db, quotas, serverId, userId, backendId, volumes.Count == 0 ? 0 : volumes.Max(v => v.DiskIndex ?? 0) + 1,
                DiskComparison.SizeGiB(size), volumes.FirstOrDefault()?.VolumeType ?? "unknown", $"dispatcher: adopt disk job {jobId}", jobId, now,
                cancellationToken);
        }
    }

    /// <summary>A disk nobody asked for through the API becomes an IN_USE volume of the server, its size commissioned (forced).</summary>
    internal static async Task<Volume> AdoptAsync(Db db, QuotaService quotas, long serverId, string userId, long backendId, int diskIndex,
        int sizeGiB, string volumeType, string reason, long? jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var adopted = await VolumeRepository.InsertAsync(db, new NewVolume(
            userId, backendId, serverId, diskIndex, sizeGiB, volumeType, VolumeStatus.InUse, null, DeleteOnTermination: true, null),
            UnixTime.ToMicros(now), cancellationToken);
        await VolumeDisks.SetOnClusterAsync(db, adopted.Id, true, cancellationToken);
        var commission = await quotas.IssueAndAcceptAsync(db, new Quotas.CommissionRequest(userId, VolumeQuota.Of(adopted.SizeGiB),
            $"{reason}: {adopted.DiskName}", serverId, jobId, Forced: true), cancellationToken);
        await VolumeRepository.AttachCommissionAsync(db, adopted.Id, commission, cancellationToken);
        return adopted with { CommissionId = commission };
    }

    /// <summary>A disk left the server: detached (kept, still counted) or removed (gone, released).</summary>
    /// <param name="diskIndex">Where it was, when the job says (an administrator's detach).</param>
    /// <param name="node">For a detach: the node that keeps the disk (a later deletion goes there).</param>
    internal static async Task DetachedAsync(Db db, QuotaService quotas, long serverId, bool removed, bool success, int? diskIndex,
        string? node, long jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var volumes = await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken);
        var leaving = volumes.Where(volume => volume.Status is VolumeStatus.Detaching or VolumeStatus.Deleting).ToList();
        if (!success)
        {
            foreach (var volume in leaving)
            {
                await VolumeRepository.UpdateAsync(db, volume with { Status = VolumeStatus.InUse, UpdatedAt = now }, cancellationToken);
            }
            return;
        }
        if (leaving.Count == 0 && volumes.FirstOrDefault(volume => volume.DiskIndex == diskIndex) is { } unexpected)
        {
            leaving = [unexpected];
        }
        foreach (var volume in leaving)
        {
            if (removed)
            {
                await DeleteAsync(db, quotas, volume, $"dispatcher: remove {volume.DiskName} job {jobId}", now, cancellationToken);
            }
            else
            {
                await VolumeRepository.UpdateAsync(db, volume.AsDetached(now), cancellationToken);
                await VolumeDisks.SetKeptDetachedAsync(db, volume.Id, node, cancellationToken);
            }
            // Ganeti's indexes close the gap.
            foreach (var later in volumes.Where(other => other.DiskIndex > volume.DiskIndex && !leaving.Contains(other)))
            {
                await VolumeRepository.UpdateAsync(db, later with { DiskIndex = later.DiskIndex - 1, UpdatedAt = now }, cancellationToken);
            }
        }
    }

    /// <summary>A disk grew: our grow's commission is accepted; an administrator's growth is commissioned (forced).</summary>
    internal static async Task GrownAsync(Db db, QuotaService quotas, long serverId, bool success, int? diskIndex, int? sizeMiB, bool sizeIsGrowth,
        long jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var volumes = await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken);
        if (volumes.FirstOrDefault(volume => volume.DiskIndex == diskIndex) is not { } volume || sizeMiB is not { } size)
        {
            return;
        }
        var pending = volume.CommissionId is { } id ? await quotas.GetCommissionAsync(db, id, cancellationToken) : null;
        if (!success)
        {
            if (pending is { State: CommissionState.Pending })
            {
                await quotas.RejectAsync(db, pending.Id, cancellationToken);
                await VolumeRepository.UpdateAsync(db, volume with { CommissionId = null, UpdatedAt = now }, cancellationToken);
            }
            await VolumeModificationRepository.FinishAsync(db, volume.Id, succeeded: false,
                $"The cluster's grow-disk job {jobId} failed.", now, cancellationToken);
            return;
        }
        var newSize = sizeIsGrowth ? volume.SizeGiB + DiskComparison.SizeGiB(size) : DiskComparison.SizeGiB(size);
        var growth = VolumeQuota.Of(newSize - volume.SizeGiB);
        long? commission = volume.CommissionId;
        if (pending is { State: CommissionState.Pending } && pending.Provisions.Equals(growth))
        {
            await quotas.AcceptAsync(db, pending.Id, cancellationToken);
        }
        else if (!growth.IsEmpty)
        {
            await quotas.ResolvePreviousAsync(db, volume.CommissionId, cancellationToken);
            commission = await quotas.IssueAndAcceptAsync(db, new Quotas.CommissionRequest(volume.UserId, growth,
                $"dispatcher: grow {volume.DiskName} job {jobId}", serverId, jobId, Forced: true), cancellationToken);
        }
        await VolumeRepository.UpdateAsync(db, volume with { SizeGiB = newSize, CommissionId = commission, UpdatedAt = now }, cancellationToken);
        await VolumeModificationRepository.FinishAsync(db, volume.Id, succeeded: true, null, now, cancellationToken);
    }

    /// <summary>
    /// The server is gone from the cluster, its attached disks with it: every volume of it is deleted; the
    /// root volume's size was in the server's own commission, the others' are released here.
    /// </summary>
    internal static async Task ServerGoneAsync(Db db, QuotaService quotas, long serverId, long jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var volume in await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken))
        {
            if (volume.DiskIndex == 0 && volume.CommissionId is null)
            {
                await VolumeRepository.UpdateAsync(db, volume.AsDeleted(now), cancellationToken);
                continue;
            }
            await DeleteAsync(db, quotas, volume, $"dispatcher: destroyed with its server, job {jobId}", now, cancellationToken);
        }
    }

    /// <summary>Marks every volume of the server delete-on-termination (it goes with the instance).</summary>
    internal static async Task LetGoWithServerAsync(Db db, long serverId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var volume in (await VolumeRepository.LockByServerAsync(db, serverId, cancellationToken)).Where(v => !v.DeleteOnTermination))
        {
            await VolumeRepository.UpdateAsync(db, volume with { DeleteOnTermination = true, UpdatedAt = now }, cancellationToken);
        }
    }

    /// <summary>
    /// A deletion through a volume keeper is over: the volume is deleted and its size released (the remove job
    /// succeeded), or it is available again (a job failed, or will never come), still counted. Only a volume still
    /// DELETING changes, so a late or repeated result changes nothing.
    /// </summary>
    internal static async Task KeeperDeletionOverAsync(Db db, QuotaService quotas, long volumeId, bool removed, string reason,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var volume = await VolumeRepository.LockAsync(db, volumeId, cancellationToken);
        await VolumeKeeperRepository.EndDeletionAsync(db, volumeId, cancellationToken);
        if (volume is not { Status: VolumeStatus.Deleting, ServerId: null })
        {
            return;
        }
        if (removed)
        {
            await DeleteAsync(db, quotas, volume, reason, now, cancellationToken);
            await VolumeDisks.SetOnClusterAsync(db, volume.Id, false, cancellationToken);
        }
        else
        {
            await VolumeRepository.UpdateAsync(db, volume with { Status = VolumeStatus.Available, UpdatedAt = now }, cancellationToken);
        }
    }

    /// <summary>Puts a volume back as it was before the command whose job will never come.</summary>
    internal static async Task<bool> UndoAsync(Db db, QuotaService quotas, Volume volume, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = (await VolumeRepository.LockAsync(db, volume.UserId, [volume.Id], cancellationToken)).Single();
        var undone = current.Status switch
        {
            VolumeStatus.Attaching => current.AsDetached(now) with { DeviceName = null },
            VolumeStatus.Detaching => current with { Status = VolumeStatus.InUse, UpdatedAt = now },
            _ => current,
        };
        if (current.CommissionId is { } id && current.Status == VolumeStatus.InUse
            && await quotas.GetCommissionAsync(db, id, cancellationToken) is { State: CommissionState.Pending })
        {
            await quotas.RejectAsync(db, id, cancellationToken);
            undone = undone with { CommissionId = null, UpdatedAt = now };
            await VolumeModificationRepository.FinishAsync(db, current.Id, succeeded: false,
                "The cluster's grow-disk job could not be submitted.", now, cancellationToken);
        }
        if (undone != current)
        {
            await VolumeRepository.UpdateAsync(db, undone, cancellationToken);
        }
        return true;
    }

    internal static async Task DeleteAsync(Db db, QuotaService quotas, Volume volume, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await quotas.ResolvePreviousAsync(db, volume.CommissionId, cancellationToken);
        var commission = await quotas.IssueAndAcceptAsync(db, new Quotas.CommissionRequest(
            volume.UserId, VolumeQuota.Of(-volume.SizeGiB), reason, volume.ServerId, Forced: true), cancellationToken);
        await VolumeRepository.UpdateAsync(db, volume.AsDeleted(now) with { CommissionId = commission }, cancellationToken);
    }
}
