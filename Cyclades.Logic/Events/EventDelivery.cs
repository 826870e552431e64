using Cyclades.Logic.Backends;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Events;

/// <summary>
/// Hands a job's events to <see cref="BackendEventProcessor"/> and measures the lag of final ones.
/// Delivery is at-least-once: the processor ignores what it has already applied.
/// </summary>
public sealed class EventDelivery(
    BackendEventProcessor processor,
    InstanceNames names,
    LogicMetrics metrics,
    TimeProvider clock,
    ILogger<EventDelivery> logger)
{
    /// <summary>Delivers the events of <paramref name="job"/> as it is now.</summary>
    /// <exception cref="ClusterUnavailableException">Checking whether a removed instance still exists (or reading its NICs) failed.</exception>
    /// <exception cref="System.Data.Common.DbException">The database failed; nothing after the failing event was delivered.</exception>
    public async Task DeliverAsync(long backendId, IClusterDriver driver, ClusterJob job, CancellationToken cancellationToken)
    {
        foreach (var e in JobEvents.For(backendId, job, names, clock.GetUtcNow()))
        {
            var delivered = e switch
            {
                { Operation: ServerOperation.Destroy, Status: JobStatus.Error } =>
                    e with { InstanceMissing = !await ExistsAsync(driver, e.InstanceName, cancellationToken) },
                { Operation: ServerOperation.RemoveNic, Status: JobStatus.Success, Nic.Name: null } =>
                    e with { InstanceNics = (await driver.GetInstanceAsync(e.InstanceName, cancellationToken))?.Nics },
                _ => e,
            };
            await ApplyAsync(delivered, job, cancellationToken);
        }
    }

    private async Task ApplyAsync(BackendEvent e, ClusterJob job, CancellationToken cancellationToken)
    {
        EventResult result;
        try
        {
            result = await processor.ApplyAsync(e, cancellationToken);
        }
        catch (NoMatchingFlavorException error)
        {
            // Retrying cannot help: the specs stay unknown until an operator adds the flavor. The job
            // counts as delivered; the difference stays visible as reconciliation's UnsyncedFlavor
            // finding (and a StaleTask one while a task waits for the job) until it is really fixed.
            logger.LogError("Job {JobId} on {Instance} was not applied: {Error}", e.JobId, e.InstanceName, error.Message);
            metrics.EventUnapplied(e.Operation, "NO_MATCHING_FLAVOR");
            return;
        }
        metrics.EventDelivered(e.Operation, e.Status, result.Outcome.ToDb());
        if (!e.Status.IsFinal())
        {
            logger.LogDebug("Job {JobId} {Operation} on {Instance} is {Status}", e.JobId, e.Operation, e.InstanceName, e.Status);
            return;
        }
        if (result.Outcome == EventOutcome.Applied && job.EndedAt is { } ended)
        {
            metrics.Lag(clock.GetUtcNow() - ended);
        }
        logger.Log(result.Outcome == EventOutcome.Applied ? LogLevel.Information : LogLevel.Debug,
            "Job {JobId} {Operation} on {Instance} ended {Status}: {Outcome}{TaskCleared}",
            e.JobId, e.Operation, e.InstanceName, e.Status, result.Outcome, result.TaskCleared ? ", task done" : "");
    }

    private static async Task<bool> ExistsAsync(IClusterDriver driver, string instanceName, CancellationToken cancellationToken) =>
        (await driver.ListInstancesAsync(cancellationToken)).Any(i => i.Name == instanceName);
}
