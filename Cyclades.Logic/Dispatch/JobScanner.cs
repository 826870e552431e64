using Cyclades.Logic.Backends;
using Cyclades.Logic.Events;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// Reads the cluster's whole job list and delivers every status not delivered yet of jobs on our
/// instances: the only way to learn of jobs submitted outside the API (an administrator's
/// <c>gnt-instance shutdown</c>), and a safety net for ours.
/// </summary>
internal sealed class JobScanner(LeaderContext context, EventDelivery delivery, InstanceNames names)
{
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        var asked = context.Clock.GetUtcNow();
        var jobs = await context.Driver.ListJobsAsync(cancellationToken);
        context.ClusterAnswered(asked);
        context.Jobs.KeepOnly(jobs.Select(job => job.Id).ToHashSet());
        foreach (var listed in jobs.Where(IsNew).OrderBy(job => job.Id))
        {
            // The list has no op results: read a failed job whole for its error messages.
            var job = listed.Status is JobStatus.Error or JobStatus.Canceled
                ? await context.Driver.GetJobAsync(listed.Id, cancellationToken) ?? listed
                : listed;
            var started = context.Clock.GetUtcNow();
            await delivery.DeliverAsync(context.Backend.Id, context.Driver, job, cancellationToken);
            context.Processed(started);
            context.Jobs.MarkDelivered(job.Id, job.Status);
        }
    }

    /// <remarks>
    /// Jobs on volume keepers are not scanned: they are ours alone, and they are applied by their recorded ids, so
    /// they are followed once recorded (announced, or found by <c>LeaderSession</c>'s poll of pending deletions); a
    /// scan could see one finish before its id is recorded and mark it delivered unapplied.
    /// </remarks>
    private bool IsNew(ClusterJob job) =>
        !context.Jobs.IsFollowed(job.Id)
        && context.Jobs.Delivered(job.Id) != job.Status
        && job.Operations.Any(op => op.InstanceName is { } name && names.TryParse(name, out _));
}
