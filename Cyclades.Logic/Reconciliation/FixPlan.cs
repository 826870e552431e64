using Cyclades.Logic.Backends;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Reconciliation;

/// <summary>How fix mode repairs one finding.</summary>
internal abstract record FixPlan
{
    /// <summary>Cluster results made up to match what the cluster shows, applied through the event processor (job id 0).</summary>
    public sealed record SimulatedEvents(IReadOnlyList<SimulatedEvent> Events) : FixPlan;

    /// <summary>The real results of a finished job that never reached the database.</summary>
    public sealed record ApplyJob(ClusterJob Job) : FixPlan;

    public sealed record ClearTask(long ServerId, long JobId) : FixPlan;

    public sealed record RemoveInstance(string InstanceName) : FixPlan;

    /// <summary>A task whose submitter died while the cluster got its job: the task takes that job.</summary>
    /// <param name="AbandonedBefore">Only while the task's heartbeat is still older than this.</param>
    public sealed record AdoptJob(Server Server, long JobId, DateTimeOffset AbandonedBefore) : FixPlan;

    /// <summary>A task whose submitter died before the cluster got its job: a new server is released, another task cleared.</summary>
    public sealed record GiveUpTask(Server Server, DateTimeOffset AbandonedBefore) : FixPlan;

    /// <summary>The server's volumes take the instance's disks (one plan for all of a server's disk findings).</summary>
    public sealed record SyncDisks(Server Server, IReadOnlyList<ClusterDisk> Disks) : FixPlan;

    /// <summary>The server's ports take the instance's NICs (one plan for all of a server's NIC findings).</summary>
    public sealed record SyncNics(Server Server, IReadOnlyList<ClusterNic> Nics) : FixPlan;

    /// <summary>The instance's firewall tags are set to its ports' (as after any change of their groups).</summary>
    public sealed record PushFirewall(long ServerId) : FixPlan;
}

internal sealed record SimulatedEvent(string InstanceName, ServerOperation Operation, JobStatus Status, int? NewCpu = null, int? NewRamMiB = null);
