using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Volumes;

/// <summary>Tables <c>volume_keepers</c> and <c>volume_deletions</c> (migration <c>M202612090100VolumeKeepers</c>).</summary>
internal static class VolumeKeeperRepository
{
    private const string KeeperColumns =
        "id AS Id, backend_id AS BackendId, node AS Node, disk_template AS DiskTemplate";

    private const string DeletionColumns =
        "d.volume_id AS VolumeId, d.keeper_id AS KeeperId, d.attach_job_id AS AttachJobId, d.remove_job_id AS RemoveJobId";

    /// <summary>The keeper of that place, recorded now if there was none (one per place, whoever asks first), locked.</summary>
    public static async Task<VolumeKeeper> FindOrAddAsync(Db db, long backendId, string node, string diskTemplate, long now,
        CancellationToken cancellationToken)
    {
        var place = new { backendId, node, diskTemplate, now };
        await db.ExecuteAsync(
            $"""
            {db.Dialect.InsertIgnore} INTO volume_keepers (backend_id, node, disk_template, created_at)
            VALUES (@backendId, @node, @diskTemplate, @now)
            """, place, cancellationToken);
        return await db.QuerySingleOrDefaultAsync<VolumeKeeper>(
            $"""
            SELECT {KeeperColumns} FROM volume_keepers
            WHERE backend_id = @backendId AND node = @node AND disk_template = @diskTemplate{db.Dialect.ForUpdate}
            """, place, cancellationToken)
            ?? throw new InvalidOperationException($"The volume keeper of {node}/{diskTemplate} was not recorded.");
    }

    /// <summary>The keeper's last create job as recorded now (another deletion may have submitted one meanwhile).</summary>
    public static Task<long?> CreateJobAsync(Db db, long keeperId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long?>("SELECT create_job_id FROM volume_keepers WHERE id = @keeperId", new { keeperId }, cancellationToken);

    public static Task RecordCreateJobAsync(Db db, long keeperId, long jobId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE volume_keepers SET create_job_id = @jobId WHERE id = @keeperId", new { keeperId, jobId }, cancellationToken);

    public static async Task StartDeletionAsync(Db db, long volumeId, long keeperId, long now, CancellationToken cancellationToken)
    {
        await EndDeletionAsync(db, volumeId, cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO volume_deletions (volume_id, keeper_id, started_at) VALUES (@volumeId, @keeperId, @now)",
            new { volumeId, keeperId, now }, cancellationToken);
    }

    public static Task RecordJobsAsync(Db db, long volumeId, long? attachJobId, long? removeJobId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE volume_deletions SET attach_job_id = @attachJobId, remove_job_id = @removeJobId WHERE volume_id = @volumeId",
            new { volumeId, attachJobId, removeJobId }, cancellationToken);

    public static Task EndDeletionAsync(Db db, long volumeId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("DELETE FROM volume_deletions WHERE volume_id = @volumeId", new { volumeId }, cancellationToken);

    /// <summary>The deletion whose attach or remove job this is, on that cluster's keeper; null when none is (any more).</summary>
    public static Task<VolumeDeletion?> FindByJobAsync(Db db, long backendId, long keeperId, long jobId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<VolumeDeletion>(
            $"""
            SELECT {DeletionColumns} FROM volume_deletions d JOIN volume_keepers k ON k.id = d.keeper_id
            WHERE k.id = @keeperId AND k.backend_id = @backendId AND (d.attach_job_id = @jobId OR d.remove_job_id = @jobId)
            """, new { backendId, keeperId, jobId }, cancellationToken);

    /// <summary>The recorded jobs of the deletions under way on a cluster (the dispatcher follows them).</summary>
    public static async Task<IReadOnlyList<long>> PendingJobIdsAsync(Db db, long backendId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<(long? Attach, long? Remove)>(
            """
            SELECT d.attach_job_id, d.remove_job_id FROM volume_deletions d JOIN volume_keepers k ON k.id = d.keeper_id
            WHERE k.backend_id = @backendId
            """, new { backendId }, cancellationToken))
            .SelectMany(jobs => new[] { jobs.Attach, jobs.Remove })
            .OfType<long>()
            .ToList();
}
