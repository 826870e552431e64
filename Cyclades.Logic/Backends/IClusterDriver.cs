namespace Cyclades.Logic.Backends;

/// <summary>
/// What the logic layer needs from one compute cluster (a Ganeti cluster), in the logic layer's own
/// words. Cyclades.Ganeti implements it over the Ganeti RAPI (real or simulated). Every mutating call
/// returns the id of the cluster job that will carry out the change; results come back only through
/// the dispatcher (<see cref="Events.BackendEvent"/>).
/// </summary>
/// <remarks>
/// Failures are reported as <see cref="ClusterUnavailableException"/> (the cluster could not be
/// reached or answered 5xx: the job may or may not exist) or <see cref="ClusterRejectedException"/>
/// (the cluster refused the request synchronously: no job exists).
/// </remarks>
public interface IClusterDriver
{
    Task<long> CreateServerAsync(ServerBuildSpec spec, CancellationToken cancellationToken);

    Task<long> StartServerAsync(string instanceName, CancellationToken cancellationToken);

    Task<long> StopServerAsync(string instanceName, TimeSpan? shutdownTimeout, CancellationToken cancellationToken);

    /// <summary>Ganeti always reboots "hard"; a hard reboot is one with a zero shutdown timeout.</summary>
    Task<long> RebootServerAsync(string instanceName, TimeSpan? shutdownTimeout, CancellationToken cancellationToken);

    Task<long> ResizeServerAsync(string instanceName, int cpu, int ramMiB, CancellationToken cancellationToken);

    Task<long> DestroyServerAsync(string instanceName, CancellationToken cancellationToken);

    /// <summary>The job, or null when the cluster does not know that id.</summary>
    Task<ClusterJob?> GetJobAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Long poll: returns when the job's status differs from <paramref name="knownStatus"/> or after
    /// the cluster's wait period (then the job as it is now). Null when the job is unknown.
    /// </summary>
    Task<ClusterJob?> WaitForJobChangeAsync(long jobId, JobStatus? knownStatus, CancellationToken cancellationToken);

    /// <summary>Every job the cluster still lists (its non-archived queue), without per-op results.</summary>
    Task<IReadOnlyList<ClusterJob>> ListJobsAsync(CancellationToken cancellationToken);

    /// <summary>Every instance on the cluster (all names, not only ours).</summary>
    Task<IReadOnlyList<ClusterInstance>> ListInstancesAsync(CancellationToken cancellationToken);

    /// <summary>Identity and free capacity; also the reachability probe.</summary>
    Task<ClusterInfo> GetInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the network exist on the cluster and be connected to every node group, waiting for the
    /// jobs it takes (nothing when it is there already). Throws <see cref="ClusterRejectedException"/>
    /// when the cluster refuses or a job fails.
    /// </summary>
    Task EnsureNetworkAsync(ClusterNetworkSpec spec, CancellationToken cancellationToken);
}

/// <summary>A network on a cluster: a subnet's range under the cluster name the core gives it.</summary>
public sealed record ClusterNetworkSpec(string Name, string Cidr, string Gateway);

/// <summary>What a new server needs on the cluster.</summary>
/// <param name="InstanceName">e.g. <c>snf-42</c>.</param>
/// <param name="OsType">Ganeti OS with variant, e.g. <c>noop+default</c>.</param>
/// <param name="OsParameters">Exactly the parameters the OS declares.</param>
/// <param name="PrivateIp">Address for the first NIC, or null to let the cluster decide.</param>
/// <param name="Tags">Cluster tags (letters, digits and <c>.+*/:@-_</c> only).</param>
public sealed record ServerBuildSpec(
    string InstanceName,
    int Cpu,
    int RamMiB,
    int DiskGiB,
    string DiskTemplate,
    string OsType,
    IReadOnlyDictionary<string, string> OsParameters,
    string? PrivateIp,
    IReadOnlyList<string> Tags)
{
    /// <summary>The cluster network of the first NIC (a private subnet's); null = the backend's public one.</summary>
    public string? NicNetwork { get; init; }

    /// <summary>The first NIC's name on the cluster (its port's), e.g. <c>snf-nic-42</c>.</summary>
    public string? NicName { get; init; }
}

public enum JobStatus
{
    Queued,
    Waiting,
    Running,
    Canceling,
    Canceled,
    Success,
    Error,
}

public static class JobStatusExtensions
{
    public static bool IsFinal(this JobStatus status) =>
        status is JobStatus.Success or JobStatus.Error or JobStatus.Canceled;
}

/// <summary>The instance operations the logic layer understands; everything else is <see cref="Other"/>.</summary>
public enum ServerOperation
{
    Create,
    Start,
    Stop,
    Reboot,
    Destroy,
    Modify,
    Other,
}

/// <param name="EndedAt">Set once the job is final.</param>
public sealed record ClusterJob(
    long Id,
    JobStatus Status,
    IReadOnlyList<ClusterJobOperation> Operations,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt);

/// <param name="InstanceName">Null when the op is not about one instance.</param>
/// <param name="Message">The failure reason of a failed op (or the last log line), when known.</param>
/// <param name="NewCpu">For <see cref="ServerOperation.Modify"/>: the vCPUs the op sets, if any.</param>
/// <param name="NewRamMiB">For <see cref="ServerOperation.Modify"/>: the memory the op sets, if any.</param>
public sealed record ClusterJobOperation(
    ServerOperation Operation,
    string? InstanceName,
    JobStatus Status,
    string? Message,
    int? NewCpu,
    int? NewRamMiB);

/// <param name="IsRunning">The hypervisor reports it running (Ganeti <c>oper_state</c>).</param>
/// <param name="IsAdminUp">The cluster intends it to run (Ganeti <c>admin_state == up</c>).</param>
public sealed record ClusterInstance(
    string Name,
    bool IsRunning,
    bool IsAdminUp,
    int Cpu,
    int RamMiB,
    IReadOnlyList<int> DiskSizesMiB,
    IReadOnlyList<string?> NicIps,
    IReadOnlyList<string> Tags);

/// <param name="ClusterId">Changes when the cluster is rebuilt (job ids then restart at 1).</param>
/// <param name="FreeMemoryMiB">Sum over usable nodes; used for placement.</param>
/// <param name="DiskTemplates">The disk templates the cluster enables: it runs only flavors with one of these.</param>
public sealed record ClusterInfo(
    string ClusterId,
    string Name,
    string SoftwareVersion,
    long FreeMemoryMiB,
    long TotalMemoryMiB,
    long FreeDiskMiB,
    int NodeCount,
    IReadOnlyList<string> DiskTemplates);
