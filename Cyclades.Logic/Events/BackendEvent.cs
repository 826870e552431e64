using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Events;

/// <summary>
/// One job notification for one server: the only way cluster results reach the database. The
/// dispatcher produces them from cluster jobs (ours and an administrator's); reconciliation produces
/// simulated ones with <see cref="JobId"/> 0.
/// </summary>
/// <param name="BackendId">The backend (cluster) the job ran on.</param>
/// <param name="InstanceName">The cluster's name for the server, e.g. <c>snf-42</c>.</param>
/// <param name="EventTime">
/// When the status was reached (for a final status: the job's end). Events not newer than the last
/// applied one are ignored, which makes duplicates and stale deliveries harmless.
/// </param>
/// <param name="Message">Failure reason or last log line.</param>
/// <param name="NewCpu">For a successful <see cref="ServerOperation.Modify"/>: the new vCPUs.</param>
/// <param name="NewRamMiB">For a successful <see cref="ServerOperation.Modify"/>: the new memory.</param>
/// <param name="InstanceMissing">
/// For a failed <see cref="ServerOperation.Destroy"/>: the dispatcher checked and the instance does not
/// exist on the cluster, so the removal counts as done (reference §6.5 step 6).
/// </param>
/// <param name="Disk">For the disk operations: which disk, as the job names it.</param>
/// <param name="Nic">For the NIC operations: which NIC, as the job names it.</param>
/// <param name="InstanceNics">
/// For a successful <see cref="ServerOperation.RemoveNic"/> that names the NIC only by index (an
/// administrator's <c>--net remove</c>): the instance's NICs as the dispatcher read them after it.
/// </param>
/// <param name="Node">
/// For a successful <see cref="ServerOperation.DetachDisk"/>: the instance's primary node as the dispatcher read it
/// after the job, which keeps the detached disk.
/// </param>
public sealed record BackendEvent(
    long BackendId,
    string InstanceName,
    long JobId,
    ServerOperation Operation,
    JobStatus Status,
    DateTimeOffset EventTime,
    string? Message = null,
    int? NewCpu = null,
    int? NewRamMiB = null,
    bool InstanceMissing = false,
    ClusterDiskChange? Disk = null,
    ClusterNicChange? Nic = null,
    IReadOnlyList<ClusterNic>? InstanceNics = null,
    string? Node = null);
