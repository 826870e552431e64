using Cyclades.Logic.Backends;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Events;

/// <summary>
/// Hands a job's events to <see cref="BackendEventProcessor"/> and measures the lag of final ones.
/// Delivery is at-least-once: the processor ignores what it has already applied.
/// </summary>
public sealed class EventDelivery(
    BackendEventProcessor processor,
    PortFirewall firewall,
    InstanceNames names,
    LogicMetrics metrics,
    TimeProvider clock,
    ILogger<EventDelivery> logger)
{
    /// <summary>Delivers the events of <paramref name="job"/> as it is now.</summary>
    /// <exception cref="ClusterUnavailableException">Checking whether a removed instance still exists (or reading its NICs or node) failed.</exception>
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
                { Operation: ServerOperation.DetachDisk, Status: JobStatus.Success } when names.TryParse(e.InstanceName, out _) =>
                    e with { Node = (await driver.GetInstanceAsync(e.InstanceName, cancellationToken))?.PrimaryNode },
                _ => e,
            };
            if (await ApplyAsync(delivered, job, cancellationToken) is { Outcome: EventOutcome.Applied or EventOutcome.Stale, ServerId: { } serverId }
                && e.Status == JobStatus.Success && e.Operation is ServerOperation.Tags or ServerOperation.Create or ServerOperation.AddNic or ServerOperation.RemoveNic)
            {
                await PushFirewallAsync(serverId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// After a tag job or a create job: the server's firewall tags are checked against its ports' and
    /// set right if a push raced another or the groups changed meanwhile (<see cref="PortFirewall"/>).
    /// </summary>
    private async Task PushFirewallAsync(long serverId, CancellationToken cancellationToken)
    {
        try
        {
            await firewall.PushAsync(serverId, cancellationToken);
        }
        catch (ClusterException error)
        {
            logger.LogWarning("The firewall tags of server {ServerId} could not be checked: {Error}", serverId, error.Message);
        }
    }

    private async Task<EventResult?> ApplyAsync(BackendEvent e, ClusterJob job, CancellationToken cancellationToken)
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
            return null;
        }
        metrics.EventDelivered(e.Operation, e.Status, result.Outcome.ToDb());
        if (!e.Status.IsFinal())
        {
            logger.LogDebug("Job {JobId} {Operation} on {Instance} is {Status}", e.JobId, e.Operation, e.InstanceName, e.Status);
            return result;
        }
        if (result.Outcome == EventOutcome.Applied && job.EndedAt is { } ended)
        {
            metrics.Lag(clock.GetUtcNow() - ended);
        }
        logger.Log(result.Outcome == EventOutcome.Applied ? LogLevel.Information : LogLevel.Debug,
            "Job {JobId} {Operation} on {Instance} ended {Status}: {Outcome}{TaskCleared}",
            e.JobId, e.Operation, e.InstanceName, e.Status, result.Outcome, result.TaskCleared ? ", task done" : "");
        return result;
    }

    private static async Task<bool> ExistsAsync(IClusterDriver driver, string instanceName, CancellationToken cancellationToken) =>
        (await driver.ListInstancesAsync(cancellationToken)).Any(i => i.Name == instanceName);
}
