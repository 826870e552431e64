using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Servers;

/// <summary>A <c>servers</c> row as read by <see cref="Columns"/>.</summary>
internal record ServerRow
{
    /// <summary>Every column a <see cref="Server"/> needs, from the table aliased <c>s</c>.</summary>
    public const string Columns = """
        s.id AS Id, s.user_id AS UserId, s.name AS Name, s.flavor_id AS FlavorId, s.image_id AS ImageId,
        s.backend_id AS BackendId, s.instance_name AS InstanceName, s.launch_id AS LaunchId, s.launch_index AS LaunchIndex,
        s.key_name AS KeyName, s.private_ip AS PrivateIp, s.operstate AS OperState, s.deleted AS Deleted,
        s.deleted_at AS DeletedAt, s.task AS Task, s.task_job_id AS TaskJobId, s.task_at AS TaskAt,
        s.task_heartbeat_at AS TaskHeartbeatAt, s.destroy_requested_at AS DestroyRequestedAt, s.destroy_reason AS DestroyReason, s.backend_job_id AS BackendJobId,
        s.backend_operation AS BackendOperation, s.backend_job_status AS BackendJobStatus,
        s.backend_message AS BackendMessage, s.backend_job_at AS BackendJobAt, s.backend_time AS BackendTime,
        s.commission_id AS CommissionId, s.created_at AS CreatedAt, s.updated_at AS UpdatedAt,
        s.destroy_protected AS DestroyProtected, s.stop_protected AS StopProtected, s.guest_shutdown AS GuestShutdown,
        s.io_optimized AS IoOptimized, s.address_check AS AddressCheck, s.metadata_enabled AS MetadataEnabled,
        s.metadata_tokens_required AS MetadataTokensRequired, s.metadata_hop_limit AS MetadataHopLimit, s.metadata_tags AS MetadataTags
        """;

    /// <summary>Reads <see cref="Columns"/>, in their order (see <see cref="RowCursor"/>).</summary>
    public static ServerRow Read(ref RowCursor c) => new()
    {
        Id = c.Int64(),
        UserId = c.String(),
        Name = c.String(),
        FlavorId = c.Int64(),
        ImageId = c.Int64(),
        BackendId = c.Int64(),
        InstanceName = c.NullableString(),
        LaunchId = c.NullableInt64(),
        LaunchIndex = c.Int32(),
        KeyName = c.NullableString(),
        PrivateIp = c.NullableString(),
        OperState = c.String(),
        Deleted = c.Boolean(),
        DeletedAt = c.NullableInt64(),
        Task = c.NullableString(),
        TaskJobId = c.NullableInt64(),
        TaskAt = c.NullableInt64(),
        TaskHeartbeatAt = c.NullableInt64(),
        DestroyRequestedAt = c.NullableInt64(),
        DestroyReason = c.NullableString(),
        BackendJobId = c.NullableInt64(),
        BackendOperation = c.NullableString(),
        BackendJobStatus = c.NullableString(),
        BackendMessage = c.NullableString(),
        BackendJobAt = c.NullableInt64(),
        BackendTime = c.Int64(),
        CommissionId = c.NullableInt64(),
        CreatedAt = c.Int64(),
        UpdatedAt = c.Int64(),
        DestroyProtected = c.Boolean(),
        StopProtected = c.Boolean(),
        GuestShutdown = c.String(),
        IoOptimized = c.Boolean(),
        AddressCheck = c.Boolean(),
        MetadataEnabled = c.Boolean(),
        MetadataTokensRequired = c.Boolean(),
        MetadataHopLimit = c.Int32(),
        MetadataTags = c.Boolean(),
    };

    public long Id { get; init; }

    public required string UserId { get; init; }

    public required string Name { get; init; }

    public long FlavorId { get; init; }

    public long ImageId { get; init; }

    public long BackendId { get; init; }

    public string? InstanceName { get; init; }

    public long? LaunchId { get; init; }

    public int LaunchIndex { get; init; }

    public string? KeyName { get; init; }

    public string? PrivateIp { get; init; }

    public required string OperState { get; init; }

    public bool Deleted { get; init; }

    public long? DeletedAt { get; init; }

    public string? Task { get; init; }

    public long? TaskJobId { get; init; }

    public long? TaskAt { get; init; }

    public long? TaskHeartbeatAt { get; init; }

    public long? DestroyRequestedAt { get; init; }

    public string? DestroyReason { get; init; }

    public long? BackendJobId { get; init; }

    public string? BackendOperation { get; init; }

    public string? BackendJobStatus { get; init; }

    public string? BackendMessage { get; init; }

    public long? BackendJobAt { get; init; }

    public long BackendTime { get; init; }

    public long? CommissionId { get; init; }

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; init; }

    public bool DestroyProtected { get; init; }

    public bool StopProtected { get; init; }

    public string GuestShutdown { get; init; } = "STOP";

    public bool IoOptimized { get; init; }

    public bool AddressCheck { get; init; }

    public bool MetadataEnabled { get; init; }

    public bool MetadataTokensRequired { get; init; }

    public int MetadataHopLimit { get; init; }

    public bool MetadataTags { get; init; }

    public Server ToServer() => new()
    {
        Id = Id,
        UserId = UserId,
        Name = Name,
        FlavorId = FlavorId,
        ImageId = ImageId,
        BackendId = BackendId,
        InstanceName = InstanceName ?? "",
        LaunchId = LaunchId,
        LaunchIndex = LaunchIndex,
        KeyName = KeyName,
        PrivateIp = PrivateIp,
        Settings = new ServerSettings
        {
            DestroyProtected = DestroyProtected,
            StopProtected = StopProtected,
            GuestShutdown = DbNames.Parse<GuestShutdownAction>(GuestShutdown),
            IoOptimized = IoOptimized,
            AddressCheck = AddressCheck,
            Metadata = new MetadataService(MetadataEnabled, MetadataTokensRequired, MetadataHopLimit, MetadataTags),
        },
        OperState = DbNames.Parse<OperState>(OperState),
        Deleted = Deleted,
        DeletedAt = UnixTime.FromMicros(DeletedAt),
        Task = Task is null ? null : new ServerTask(DbNames.Parse<ServerAction>(Task), TaskJobId),
        TaskAt = Task is null ? null : UnixTime.FromMicros(TaskAt),
        SubmissionHeartbeat = Task is null || TaskJobId is not null ? null : UnixTime.FromMicros(TaskHeartbeatAt),
        DestroyRequestedAt = UnixTime.FromMicros(DestroyRequestedAt),
        DestroyReason = DbNames.ParseOrNull<DestroyReason>(DestroyReason),
        LastJob = BackendJobId is { } jobId
            ? new BackendJob(
                jobId,
                DbNames.Parse<ServerOperation>(BackendOperation!),
                DbNames.Parse<JobStatus>(BackendJobStatus!),
                BackendMessage,
                UnixTime.FromMicros(BackendJobAt ?? 0))
            : null,
        BackendTime = UnixTime.FromMicros(BackendTime),
        CommissionId = CommissionId,
        CreatedAt = UnixTime.FromMicros(CreatedAt),
        UpdatedAt = UnixTime.FromMicros(UpdatedAt),
    };
}
