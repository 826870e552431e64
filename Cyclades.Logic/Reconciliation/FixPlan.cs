using Cyclades.Logic.Backends;

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

    public sealed record ReleaseBuild(long ServerId) : FixPlan;
}

internal sealed record SimulatedEvent(string InstanceName, ServerOperation Operation, JobStatus Status, int? NewCpu = null, int? NewRamMiB = null);
