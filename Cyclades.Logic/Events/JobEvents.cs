using Cyclades.Logic.Backends;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events;

/// <summary>The events a cluster job means for our servers and volume keepers: one per op on an instance with our name.</summary>
public static class JobEvents
{
    public static IReadOnlyList<BackendEvent> For(long backendId, ClusterJob job, InstanceNames names, DateTimeOffset now) =>
        job.Operations
            .Select((op, index) => (op, index))
            .Where(x => x.op.InstanceName is { } name && names.IsOurs(name))
            .Select(x => new BackendEvent(
                backendId, x.op.InstanceName!, job.Id, x.op.Operation, x.op.Status, EventTime(job, x.op.Status, x.index, now),
                x.op.Message, x.op.NewCpu, x.op.NewRamMiB, Disk: x.op.Disk, Nic: x.op.Nic))
            .ToList();

    /// <summary>
    /// When the op reached its status: the job's end for a final one, its start (or receipt) before.
    /// Ganeti gives no per-op times in its job listing, so the ops of one job are ordered by adding
    /// their index in microseconds: a later op of the same job is then newer than an earlier one.
    /// </summary>
    public static DateTimeOffset EventTime(ClusterJob job, JobStatus status, int opIndex, DateTimeOffset now)
    {
        var at = status.IsFinal()
            ? job.EndedAt ?? job.StartedAt ?? job.ReceivedAt
            : status == JobStatus.Queued ? job.ReceivedAt : job.StartedAt ?? job.ReceivedAt;
        return (at ?? now).AddTicks(opIndex * TimeSpan.TicksPerMicrosecond);
    }
}
