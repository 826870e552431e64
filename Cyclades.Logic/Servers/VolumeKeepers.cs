using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Volumes;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Servers;

/// <summary>
/// Deletes detached disks through volume keepers (docs/storage.md, "Deleting a detached volume"). Ganeti 3.0 has
/// no operation that destroys a detached disk; it destroys an instance's disk. So a detached disk is attached to
/// the service's never-started keeper instance of its node and disk template (created on first need, its create job
/// first) and removed there by a second job that depends on the first (one job with both changes fails on Ganeti).
/// The jobs are submitted after the deletion's transaction; their results reach the volume through the dispatcher
/// only (<see cref="Events.VolumeKeeperEvents"/>).
/// </summary>
public sealed class VolumeKeepers(
    IDbConnectionFactory connections,
    ClusterDriverCache drivers,
    JobSubmissions submissions,
    QuotaService quotas,
    InstanceNames names,
    TimeProvider clock,
    ILogger<VolumeKeepers> logger)
{
    /// <summary>
    /// In the deletion's transaction: the volume (locked, available, its disk detached on the cluster) becomes
    /// DELETING through the keeper of its node and type. The caller commits, then calls <see cref="SubmitAsync"/>.
    /// </summary>
    internal async Task<(Volume Deleting, VolumeKeeper Keeper, string OsType)> StartAsync(Db db, Volume volume, CancellationToken cancellationToken)
    {
        // The node is recorded when the detach is applied; a volume detached before that was recorded has none.
        var node = await VolumeDisks.NodeAsync(db, volume.Id, cancellationToken) ?? throw new VolumeStateException(volume.Id, volume.Status);
        var osType = await KeeperOsAsync(db, cancellationToken) ?? throw new VolumeStateException(volume.Id, volume.Status);
        var now = clock.GetUtcNow();
        var keeper = await VolumeKeeperRepository.FindOrAddAsync(db, volume.BackendId, node, volume.VolumeType, UnixTime.ToMicros(now), cancellationToken);
        var deleting = volume with { Status = VolumeStatus.Deleting, UpdatedAt = now };
        await VolumeRepository.UpdateAsync(db, deleting, cancellationToken);
        await VolumeKeeperRepository.StartDeletionAsync(db, volume.Id, keeper.Id, UnixTime.ToMicros(now), cancellationToken);
        return (deleting, keeper, osType);
    }

    /// <summary>
    /// After the commit, not cancellable: creates the keeper if the cluster has none (or waits for its create job
    /// still running), attaches the disk unless the keeper has it already (an earlier remove failed), removes it
    /// there after the attach, and records the job ids, which the dispatcher then follows. If nothing was submitted
    /// the volume is available again at once; if only the attach was, its result makes the volume available again.
    /// </summary>
    /// <exception cref="Errors.DomainException">A submission failed (the cluster's error as a domain error).</exception>
    internal async Task SubmitAsync(Volume volume, VolumeKeeper keeper, string osType)
    {
        var none = CancellationToken.None;
        var name = names.ForKeeper(keeper.Id);
        long? attach = null;
        try
        {
            var driver = await drivers.GetAsync(volume.BackendId, none);
            var instance = await driver.GetInstanceAsync(name, none);
            long? after = instance is null ? await CreatedAfterAsync(driver, keeper, name, osType) : null;
            if (instance?.Disks?.Any(disk => disk.Name == volume.DiskName) != true)
            {
                attach = await driver.AttachDiskAsync(name, volume.DiskName, after, none);
            }
            var remove = await driver.RemoveDiskAsync(name, volume.DiskName, attach ?? after, none);
            await RecordAsync(volume, attach, remove);
        }
        catch (ClusterException e)
        {
            logger.LogWarning("Deleting volume {Volume} through {Keeper} could not be submitted: {Error}", volume.Id, name, e.Message);
            if (attach is not null)
            {
                await RecordAsync(volume, attach, null);
            }
            else
            {
                await connections.WriteAsync(async db =>
                {
                    await VolumeTransitions.KeeperDeletionOverAsync(db, quotas, volume.Id, removed: false, "", clock.GetUtcNow(), none);
                    return true;
                }, none);
            }
            throw e.ToDomainError();
        }
    }

    /// <summary>The jobs of the deletions under way on a cluster, for the dispatcher to follow.</summary>
    public Task<IReadOnlyList<long>> PendingJobIdsAsync(long backendId, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => VolumeKeeperRepository.PendingJobIdsAsync(db, backendId, cancellationToken), cancellationToken);

    /// <summary>The job the attach must wait for: the keeper's create job still running, else a new one.</summary>
    private async Task<long> CreatedAfterAsync(IClusterDriver driver, VolumeKeeper keeper, string name, string osType)
    {
        var recorded = await connections.ReadAsync(db => VolumeKeeperRepository.CreateJobAsync(db, keeper.Id, CancellationToken.None), CancellationToken.None);
        if (recorded is { } running && await driver.GetJobAsync(running, CancellationToken.None) is { } job && !job.Status.IsFinal())
        {
            return running;
        }
        var created = await driver.CreateVolumeKeeperAsync(new VolumeKeeperSpec(name, keeper.Node, keeper.DiskTemplate, osType), CancellationToken.None);
        await connections.WriteAsync(async db =>
        {
            await VolumeKeeperRepository.RecordCreateJobAsync(db, keeper.Id, created, CancellationToken.None);
            return true;
        }, CancellationToken.None);
        return created;
    }

    private async Task RecordAsync(Volume volume, long? attach, long? remove)
    {
        await connections.WriteAsync(async db =>
        {
            await VolumeKeeperRepository.RecordJobsAsync(db, volume.Id, attach, remove, CancellationToken.None);
            return true;
        }, CancellationToken.None);
        foreach (var (jobId, operation) in new[] { (attach, ServerOperation.AttachDisk), (remove, ServerOperation.RemoveDisk) })
        {
            if (jobId is { } id)
            {
                submissions.Notify(new SubmittedJob(volume.BackendId, id, operation));
            }
        }
    }

    /// <summary>Ganeti wants an OS even when nothing is installed: the first of the cloud's images'.</summary>
    private static Task<string?> KeeperOsAsync(Db db, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<string?>(
            "SELECT os_type FROM images WHERE owner_user_id IS NULL AND deleted = @no ORDER BY id LIMIT 1", new { no = false }, cancellationToken);
}
