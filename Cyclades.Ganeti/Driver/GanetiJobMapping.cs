using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;

namespace Cyclades.Ganeti.Driver;

/// <summary>Ganeti jobs in the logic layer's words.</summary>
internal static class GanetiJobMapping
{
    /// <param name="publicNetwork">The backend's public network (a NIC on it is reported with no network).</param>
    public static ClusterJob ToClusterJob(GanetiJob job, string? publicNetwork) => new(
        job.Id,
        ToJobStatus(job.Status),
        (job.Ops ?? []).Select((op, index) => ToOperation(job, op, index, publicNetwork)).ToList(),
        job.ReceivedAt?.ToDateTimeOffset(),
        job.StartedAt?.ToDateTimeOffset(),
        job.EndedAt?.ToDateTimeOffset());

    /// <summary>The operation of an op; a parameter change is a disk (NIC) operation when it changes disks (NICs).</summary>
    public static ServerOperation ToServerOperation(GanetiOpCode op) => op.OpId == GanetiOpIds.InstanceSetParams
        ? GanetiDiskOps.FirstChange(op) is { } disk ? GanetiDiskOps.ToOperation(disk.Action)
            : GanetiNicOps.FirstChange(op) is { } nic ? GanetiNicOps.ToOperation(nic.Action)
            : ServerOperation.Modify
        : ToServerOperation(op.OpId);

    public static ServerOperation ToServerOperation(string opId) => opId switch
    {
        GanetiOpIds.InstanceGrowDisk => ServerOperation.GrowDisk,
        GanetiOpIds.InstanceCreate => ServerOperation.Create,
        GanetiOpIds.InstanceStartup => ServerOperation.Start,
        GanetiOpIds.InstanceShutdown => ServerOperation.Stop,
        GanetiOpIds.InstanceReboot => ServerOperation.Reboot,
        GanetiOpIds.InstanceRemove => ServerOperation.Destroy,
        GanetiOpIds.InstanceSetParams => ServerOperation.Modify,
        GanetiOpIds.BackupExport => ServerOperation.Export,
        _ => ServerOperation.Other,
    };

    public static JobStatus ToJobStatus(string? status) => status switch
    {
        GanetiJobStatuses.Queued => JobStatus.Queued,
        GanetiJobStatuses.Waiting => JobStatus.Waiting,
        GanetiJobStatuses.Running => JobStatus.Running,
        GanetiJobStatuses.Canceling => JobStatus.Canceling,
        GanetiJobStatuses.Canceled => JobStatus.Canceled,
        GanetiJobStatuses.Success => JobStatus.Success,
        GanetiJobStatuses.Error => JobStatus.Error,
        _ => throw new FormatException($"unknown Ganeti job status '{status}'"),
    };

    public static string ToGanetiStatus(JobStatus status) => status switch
    {
        JobStatus.Queued => GanetiJobStatuses.Queued,
        JobStatus.Waiting => GanetiJobStatuses.Waiting,
        JobStatus.Running => GanetiJobStatuses.Running,
        JobStatus.Canceling => GanetiJobStatuses.Canceling,
        JobStatus.Canceled => GanetiJobStatuses.Canceled,
        JobStatus.Success => GanetiJobStatuses.Success,
        JobStatus.Error => GanetiJobStatuses.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static ClusterJobOperation ToOperation(GanetiJob job, GanetiOpCode op, int index, string? publicNetwork)
    {
        var operation = ToServerOperation(op);
        var status = job.OpStatus is { } statuses && index < statuses.Count ? ToJobStatus(statuses[index]) : ToJobStatus(job.Status);
        var setsParameters = operation == ServerOperation.Modify;
        return new ClusterJobOperation(
            operation,
            op.InstanceName,
            status,
            Message(job, index),
            setsParameters ? op.BeParams?.VCpus : null,
            setsParameters ? op.BeParams?.EffectiveMaxMemoryMiB : null,
            GanetiDiskOps.DiskOf(op),
            GanetiNicOps.NicOf(op, job.OpResults is { } results && index < results.Count ? results[index] : null, publicNetwork));
    }

    /// <summary>A failed op's error, else its last log line; null when the job came without them (bulk listing).</summary>
    private static string? Message(GanetiJob job, int index)
    {
        if (job.GetOpError(index) is { } error)
        {
            return error is GanetiOtherJobError ? error.ToString() : error.Message;
        }
        return job.OpLog is { } log && index < log.Count && log[index].Count > 0 ? log[index][^1].Text : null;
    }
}
