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

    /// <summary>Where an export of the server would be kept: its primary node and the cluster's export directory for it.</summary>
    Task<ClusterExportLocation> LocateExportAsync(string instanceName, CancellationToken cancellationToken);

    /// <summary>
    /// Exports the server's disks and configuration to <paramref name="node"/>, replacing an earlier export
    /// of the same server. With <paramref name="shutdown"/> a running server is stopped for the copy and
    /// started again after it; without, a running server's disks are copied live (the cluster refuses
    /// that for disks it cannot snapshot).
    /// </summary>
    Task<long> ExportServerAsync(string instanceName, string node, bool shutdown, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the server export kept at <paramref name="export"/> (no image uses it any more); an export
    /// that is not there any more is no error. Returns once the cluster no longer keeps it.
    /// </summary>
    Task RemoveExportAsync(ClusterExportLocation export, CancellationToken cancellationToken);

    /// <summary>A new blank disk named <paramref name="diskName"/>, appended to the server's (at the next start unless hot-plugged).</summary>
    Task<long> AddDiskAsync(string instanceName, string diskName, int sizeGiB, CancellationToken cancellationToken);

    /// <summary>A disk kept by <see cref="DetachDiskAsync"/>, appended again; only to a server on the node that holds it.</summary>
    /// <param name="afterJobId">A job that must succeed first (else this one fails); null = none.</param>
    Task<long> AttachDiskAsync(string instanceName, string diskName, long? afterJobId, CancellationToken cancellationToken);

    /// <summary>The disk leaves the server; the cluster keeps it and its data on the same node.</summary>
    Task<long> DetachDiskAsync(string instanceName, string diskName, CancellationToken cancellationToken);

    /// <summary>The disk and its data are destroyed. Clusters without hotplug refuse it for a running server.</summary>
    /// <param name="afterJobId">A job that must succeed first (else this one fails); null = none.</param>
    Task<long> RemoveDiskAsync(string instanceName, string diskName, long? afterJobId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a volume keeper (docs/storage.md): a never-started instance with one minimal blank disk, no OS
    /// installed, on <see cref="VolumeKeeperSpec.Node"/> with <see cref="VolumeKeeperSpec.DiskTemplate"/>, to
    /// which detached disks of that node and template are attached to be removed.
    /// </summary>
    Task<long> CreateVolumeKeeperAsync(VolumeKeeperSpec spec, CancellationToken cancellationToken);

    /// <summary>The disk at <paramref name="diskIndex"/> grows to <paramref name="sizeGiB"/> (the guest resizes its file systems).</summary>
    Task<long> GrowDiskAsync(string instanceName, int diskIndex, int sizeGiB, CancellationToken cancellationToken);

    /// <summary>
    /// A NIC appended to the server (Ganeti <c>nics</c> add, hot-plugged where the cluster can; else a
    /// configuration change the guest sees at its next start).
    /// </summary>
    Task<long> AddNicAsync(string instanceName, ClusterNicSpec nic, CancellationToken cancellationToken);

    /// <summary>The NIC named <paramref name="nicName"/> leaves the server (hot-unplugged where the cluster can).</summary>
    Task<long> RemoveNicAsync(string instanceName, string nicName, CancellationToken cancellationToken);

    /// <summary>Adds the tags to the server (those it has already stay once).</summary>
    Task<long> AddTagsAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken);

    /// <summary>Removes the tags from the server; the job fails, removing none, when the server lacks one of them.</summary>
    Task<long> RemoveTagsAsync(string instanceName, IReadOnlyList<string> tags, CancellationToken cancellationToken);

    /// <summary>One instance as it is now (its disks included); null when the cluster has none of that name.</summary>
    Task<ClusterInstance?> GetInstanceAsync(string instanceName, CancellationToken cancellationToken);

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

/// <summary>A volume keeper instance to create.</summary>
/// <param name="OsType">An OS the cluster has (Ganeti wants one even when nothing is installed).</param>
public sealed record VolumeKeeperSpec(string InstanceName, string Node, string DiskTemplate, string OsType);

/// <summary>A NIC to add to a server.</summary>
/// <param name="Name">Its cluster name (its port's), <c>snf-nic-&lt;port id&gt;</c>.</param>
/// <param name="Network">The cluster network (a private subnet's); null = the backend's public one.</param>
/// <param name="Ip">The address the core chose; null = none.</param>
public sealed record ClusterNicSpec(string Name, string? Network, string? Ip);

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
    IReadOnlyList<DiskSpec> Disks,
    string DiskTemplate,
    string OsType,
    IReadOnlyDictionary<string, string> OsParameters,
    string? PrivateIp,
    IReadOnlyList<string> Tags)
{
    /// <summary>The export the server's disks are imported from, instead of an OS install; null for a fresh install.</summary>
    public ClusterExportLocation? ImportFrom { get; init; }

    /// <summary>The cluster network of the first NIC (a private subnet's); null = the backend's public one.</summary>
    public string? NicNetwork { get; init; }

    /// <summary>The first NIC's name on the cluster (its port's), e.g. <c>snf-nic-42</c>.</summary>
    public string? NicName { get; init; }
}

/// <summary>A server export on a cluster: the node it lies on and its directory there.</summary>
public sealed record ClusterExportLocation(string Node, string Path);

/// <summary>One disk of a new server, in order (the first is the root).</summary>
/// <param name="Name">The cluster's name for it (<c>snf-vol-&lt;volume id&gt;</c>).</param>
public sealed record DiskSpec(string Name, int SizeGiB);

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

    /// <summary>A copy of the server's disks and configuration to a node (an image is made from it).</summary>
    Export,
    Other,

    /// <summary>A disk added to the server, new or attached again.</summary>
    AttachDisk,

    /// <summary>A disk out of the server, kept.</summary>
    DetachDisk,

    /// <summary>A disk out of the server, destroyed.</summary>
    RemoveDisk,

    GrowDisk,

    /// <summary>A NIC added to the server.</summary>
    AddNic,

    /// <summary>A NIC out of the server.</summary>
    RemoveNic,

    /// <summary>Tags added to or removed from the server (its NICs' firewall tags among them); no state change.</summary>
    Tags,
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
/// <param name="Disk">For the disk operations: which disk, as the op names it.</param>
/// <param name="Nic">For the NIC operations: which NIC, as the op names it.</param>
public sealed record ClusterJobOperation(
    ServerOperation Operation,
    string? InstanceName,
    JobStatus Status,
    string? Message,
    int? NewCpu,
    int? NewRamMiB,
    ClusterDiskChange? Disk = null,
    ClusterNicChange? Nic = null);

/// <summary>The disk a disk operation is about.</summary>
/// <param name="Name">The disk's name (or UUID) as the op names it; null when the op gives only an index.</param>
/// <param name="Index">The disk index, when the op gives one (grow does; appending adds at the end).</param>
/// <param name="SizeMiB">For an add: its size; for a grow: the new size (absolute) or the growth.</param>
/// <param name="SizeIsGrowth">For a grow: <paramref name="SizeMiB"/> is added to the old size.</param>
public sealed record ClusterDiskChange(string? Name, int? Index, int? SizeMiB, bool SizeIsGrowth = false);

/// <summary>The NIC a NIC operation is about, as the job lists it once run (Ganeti fills in the MAC and a pool's address).</summary>
/// <param name="Name">The NIC's name; null when the op names it only by index (an administrator's <c>--net remove</c>) or it has none.</param>
/// <param name="Index">The index the op gives (-1 = the last), when it gives one.</param>
/// <param name="Network">The cluster network; null = the backend's public one (its configured network, or none).</param>
/// <param name="Hotplugged">The cluster says it hot-plugged the change (else it is in the configuration only, for the next start).</param>
public sealed record ClusterNicChange(string? Name, int? Index, string? Ip, string? Network, string? Mac, bool Hotplugged);

/// <summary>One NIC of an instance.</summary>
/// <param name="Network">The cluster network; null = the backend's public one.</param>
public sealed record ClusterNic(string? Name, string? Ip, string? Network, string? Mac);

/// <summary>One disk of an instance.</summary>
/// <param name="Name">Null for a disk nobody named (an administrator's <c>gnt-instance modify --disk add</c>).</param>
public sealed record ClusterDisk(string? Name, string Uuid, int SizeMiB);

/// <param name="IsRunning">The hypervisor reports it running (Ganeti <c>oper_state</c>).</param>
/// <param name="IsAdminUp">The cluster intends it to run (Ganeti <c>admin_state == up</c>).</param>
/// <param name="Disks">In index order (the same sizes as <paramref name="DiskSizesMiB"/>), with names and UUIDs.</param>
/// <param name="Nics">In index order (the same addresses as <paramref name="NicIps"/>), with names, networks and MACs.</param>
/// <param name="PrimaryNode">The node it runs on (and that keeps its disks).</param>
public sealed record ClusterInstance(
    string Name,
    bool IsRunning,
    bool IsAdminUp,
    int Cpu,
    int RamMiB,
    IReadOnlyList<int> DiskSizesMiB,
    IReadOnlyList<string?> NicIps,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ClusterDisk>? Disks = null,
    IReadOnlyList<ClusterNic>? Nics = null,
    string? PrimaryNode = null);

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
