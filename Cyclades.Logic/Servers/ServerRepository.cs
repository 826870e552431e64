using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Servers;

internal static class ServerRepository
{
    /// <summary>Locks the user's servers with these ids (deleted ones too), in id order.</summary>
    public static async Task<IReadOnlyList<Server>> LockAsync(Db db, string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ServerRow>(
            $"SELECT {ServerRow.Columns} FROM servers s WHERE s.user_id = @userId AND s.id IN @ids ORDER BY s.id{db.Dialect.ForUpdate}",
            new { userId, ids }, cancellationToken))
            .Select(r => r.ToServer()).ToList();

    /// <summary>Locks one server whoever owns it; null if there is none.</summary>
    public static async Task<Server?> LockAsync(Db db, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<ServerRow>(
            $"SELECT {ServerRow.Columns} FROM servers s WHERE s.id = @id{db.Dialect.ForUpdate}", new { id }, cancellationToken))
            ?.ToServer();

    public static async Task<IReadOnlyList<Server>> ListByLaunchAsync(Db db, long launchId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ServerRow>(
            $"SELECT {ServerRow.Columns} FROM servers s WHERE s.launch_id = @launchId ORDER BY s.launch_index",
            new { launchId }, cancellationToken))
            .Select(r => r.ToServer()).ToList();

    public static async Task<long> InsertAsync(Db db, NewServer server, Func<long, string> instanceName, long now, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            $"""
            INSERT INTO servers (user_id, name, flavor_id, image_id, backend_id, launch_id, launch_index, key_name, public_key,
                user_data, private_ip, operstate, task, task_at, task_heartbeat_at, created_at, updated_at, {SettingsColumns})
            VALUES (@UserId, @Name, @FlavorId, @ImageId, @BackendId, @LaunchId, @LaunchIndex, @KeyName, @PublicKey,
                @UserData, @PrivateIp, 'BUILD', 'BUILD', @now, @now, @now, @now, {SettingsValues})
            """,
            new
            {
                server.UserId,
                server.Name,
                server.FlavorId,
                server.ImageId,
                server.BackendId,
                server.LaunchId,
                server.LaunchIndex,
                server.KeyName,
                server.PublicKey,
                server.UserData,
                server.PrivateIp,
                now,
                server.Settings.DestroyProtected,
                server.Settings.StopProtected,
                GuestShutdown = server.Settings.GuestShutdown.ToDb(),
                server.Settings.IoOptimized,
                server.Settings.AddressCheck,
                MetadataEnabled = server.Settings.Metadata.Enabled,
                MetadataTokensRequired = server.Settings.Metadata.TokensRequired,
                MetadataHopLimit = server.Settings.Metadata.HopLimit,
                MetadataTags = server.Settings.Metadata.ExposesTags,
            },
            cancellationToken);
        await db.ExecuteAsync("UPDATE servers SET instance_name = @name WHERE id = @id", new { id, name = instanceName(id) }, cancellationToken);
        return id;
    }

    /// <summary>Writes the owner's settings (<see cref="ServerSettings"/>).</summary>
    public static Task UpdateSettingsAsync(Db db, long id, ServerSettings settings, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE servers SET destroy_protected = @DestroyProtected, stop_protected = @StopProtected, guest_shutdown = @GuestShutdown,
                io_optimized = @IoOptimized, address_check = @AddressCheck, metadata_enabled = @MetadataEnabled,
                metadata_tokens_required = @MetadataTokensRequired, metadata_hop_limit = @MetadataHopLimit, metadata_tags = @MetadataTags,
                updated_at = @now
            WHERE id = @id
            """,
            new
            {
                id,
                now,
                settings.DestroyProtected,
                settings.StopProtected,
                GuestShutdown = settings.GuestShutdown.ToDb(),
                settings.IoOptimized,
                settings.AddressCheck,
                MetadataEnabled = settings.Metadata.Enabled,
                MetadataTokensRequired = settings.Metadata.TokensRequired,
                MetadataHopLimit = settings.Metadata.HopLimit,
                MetadataTags = settings.Metadata.ExposesTags,
            },
            cancellationToken);

    public static Task UpdateUserDataAsync(Db db, long id, byte[]? userData, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE servers SET user_data = @userData, updated_at = @now WHERE id = @id", new { id, userData, now }, cancellationToken);

    private const string SettingsColumns =
        "destroy_protected, stop_protected, guest_shutdown, io_optimized, address_check, metadata_enabled, metadata_tokens_required, metadata_hop_limit, metadata_tags";

    private const string SettingsValues =
        "@DestroyProtected, @StopProtected, @GuestShutdown, @IoOptimized, @AddressCheck, @MetadataEnabled, @MetadataTokensRequired, @MetadataHopLimit, @MetadataTags";

    public static Task AttachCommissionAsync(Db db, long id, long commissionId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE servers SET commission_id = @commissionId WHERE id = @id", new { id, commissionId }, cancellationToken);

    /// <summary>Writes every field that can change after creation; a server gone from the cluster gives up its ports.</summary>
    public static async Task UpdateAsync(Db db, Server s, CancellationToken cancellationToken)
    {
        await WriteAsync(db, s, cancellationToken);
        if (s.Deleted)
        {
            await PortRepository.ReleaseServerAsync(db, s.Id, UnixTime.ToMicros(s.UpdatedAt), cancellationToken);
        }
    }

    private static Task WriteAsync(Db db, Server s, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE servers SET name = @Name, flavor_id = @FlavorId, private_ip = @PrivateIp, operstate = @OperState,
                deleted = @Deleted, deleted_at = @DeletedAt, task = @Task, task_job_id = @TaskJobId,
                task_at = @TaskAt, task_heartbeat_at = @TaskHeartbeatAt, destroy_requested_at = @DestroyRequestedAt, destroy_reason = @DestroyReason,
                backend_job_id = @BackendJobId, backend_operation = @BackendOperation, backend_job_status = @BackendJobStatus,
                backend_message = @BackendMessage, backend_job_at = @BackendJobAt, backend_time = @BackendTime,
                commission_id = @CommissionId, updated_at = @UpdatedAt
            WHERE id = @Id
            """,
            new
            {
                s.Id,
                s.Name,
                s.FlavorId,
                s.PrivateIp,
                OperState = s.OperState.ToDb(),
                s.Deleted,
                DeletedAt = UnixTime.ToMicros(s.DeletedAt),
                Task = s.Task?.Action.ToDb(),
                TaskJobId = s.Task?.JobId,
                TaskAt = s.Task is null ? null : UnixTime.ToMicros(s.TaskAt),
                TaskHeartbeatAt = s.IsSubmitting ? UnixTime.ToMicros(s.SubmissionHeartbeat) : null,
                DestroyRequestedAt = UnixTime.ToMicros(s.DestroyRequestedAt),
                DestroyReason = s.DestroyReason.ToDb(),
                BackendJobId = s.LastJob?.JobId,
                BackendOperation = s.LastJob?.Operation.ToDb(),
                BackendJobStatus = s.LastJob?.Status.ToDb(),
                BackendMessage = s.LastJob?.Message,
                BackendJobAt = UnixTime.ToMicros(s.LastJob?.At),
                BackendTime = UnixTime.ToMicros(s.BackendTime),
                s.CommissionId,
                UpdatedAt = UnixTime.ToMicros(s.UpdatedAt),
            },
            cancellationToken);

    /// <summary>
    /// Records the job of a task committed as submitting, unless that task is gone (its job's result
    /// was applied first, the dispatcher settled it, or another command replaced it).
    /// </summary>
    /// <returns>Whether the task took the job.</returns>
    public static async Task<bool> RecordJobAsync(Db db, Server server, long jobId, long now, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            """
            UPDATE servers SET task_job_id = @jobId, task_heartbeat_at = NULL, updated_at = @now
            WHERE id = @Id AND task = @task AND task_job_id IS NULL AND task_at = @taskAt AND deleted = @no
            """,
            new { server.Id, jobId, now, task = server.Task!.Action.ToDb(), taskAt = UnixTime.ToMicros(server.TaskAt), no = false },
            cancellationToken) == 1;

    /// <summary>The submitting process is alive: renews the heartbeat of these servers' tasks still without a job.</summary>
    public static Task RenewHeartbeatAsync(Db db, IReadOnlyCollection<long> ids, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE servers SET task_heartbeat_at = @now WHERE id IN @ids AND task IS NOT NULL AND task_job_id IS NULL",
            new { ids, now }, cancellationToken);

    /// <summary>Removes a launch and its servers without a trace (none of them reached the cluster).</summary>
    public static async Task DeleteLaunchAsync(Db db, long launchId, CancellationToken cancellationToken)
    {
        foreach (var serverId in await db.QueryAsync<long>("SELECT id FROM servers WHERE launch_id = @launchId", new { launchId }, cancellationToken))
        {
            await PortRepository.ReleaseServerAsync(db, serverId, 0, cancellationToken);
        }
        await db.ExecuteAsync("DELETE FROM servers WHERE launch_id = @launchId", new { launchId }, cancellationToken);
        await db.ExecuteAsync("DELETE FROM launches WHERE id = @launchId", new { launchId }, cancellationToken);
    }

    public static Task<byte[]?> GetUserDataAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<byte[]?>(
            "SELECT user_data FROM servers WHERE id = @id AND user_id = @userId", new { id, userId }, cancellationToken);
}
