namespace Cyclades.Logic.Servers;

/// <summary>A virtual machine on one backend.</summary>
public sealed record Server
{
    public required long Id { get; init; }

    public required string UserId { get; init; }

    public required string Name { get; init; }

    public required long FlavorId { get; init; }

    public required long ImageId { get; init; }

    public required long BackendId { get; init; }

    /// <summary>The cluster's name for it: <c>&lt;prefix&gt;-&lt;id&gt;</c>.</summary>
    public required string InstanceName { get; init; }

    public long? LaunchId { get; init; }

    public int LaunchIndex { get; init; }

    public string? KeyName { get; init; }

    public string? PrivateIp { get; init; }

    public ServerSettings Settings { get; init; } = ServerSettings.Default;

    public required OperState OperState { get; init; }

    public bool Deleted { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public ServerTask? Task { get; init; }

    /// <summary>When the pending task was issued (a job found for it after a crash must be newer).</summary>
    public DateTimeOffset? TaskAt { get; init; }

    /// <summary>
    /// While the task's job is being submitted (no job id yet): the last sign of life of the process
    /// submitting it. Once it is older than <see cref="ServerOptions.AbandonedSubmissionSeconds"/> the
    /// dispatcher settles the task (adopts the job if the cluster has it, else gives the task up).
    /// </summary>
    public DateTimeOffset? SubmissionHeartbeat { get; init; }

    /// <summary>The task's job is not known yet: it is being submitted, or its submitter died.</summary>
    public bool IsSubmitting => Task is { JobId: null };

    /// <summary>
    /// A destroy was asked while it could not run yet (the create job was still running), or the core
    /// decided one (a failed build, a guest shutdown with <see cref="GuestShutdownAction.Destroy"/>):
    /// the dispatcher carries it out as soon as the server has no task.
    /// </summary>
    public DateTimeOffset? DestroyRequestedAt { get; init; }

    /// <summary>Why the destroy was requested; kept after it is carried out (what the front-end reports).</summary>
    public DestroyReason? DestroyReason { get; init; }

    /// <summary>This server with a destroy request (the first one's time and reason are kept).</summary>
    public Server WithDestroyRequest(DestroyReason reason, DateTimeOffset at) => DestroyRequestedAt is null
        ? this with { DestroyRequestedAt = at, DestroyReason = reason, UpdatedAt = at }
        : this;

    public BackendJob? LastJob { get; init; }

    /// <summary>Time of the last state-changing cluster event; older events are stale.</summary>
    public DateTimeOffset BackendTime { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>The server's current commission (Synnefo's <c>vm.serial</c>).</summary>
    public long? CommissionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>This server once it no longer exists on the cluster: deleted, address released, no task.</summary>
    public Server AsDestroyed(DateTimeOffset at) => this with
    {
        OperState = OperState.Destroyed,
        Deleted = true,
        DeletedAt = at,
        PrivateIp = null,
        Task = null,
        TaskAt = null,
        SubmissionHeartbeat = null,
        DestroyRequestedAt = null,
        UpdatedAt = at,
    };
}
