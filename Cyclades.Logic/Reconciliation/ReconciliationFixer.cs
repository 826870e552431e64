using Cyclades.Logic.Backends;
using Cyclades.Logic.Events;
using Cyclades.Logic.Maintenance;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Reconciliation;

/// <summary>Applies reconciliation's fixes, each re-checked under the server's lock by the code it goes through.</summary>
public sealed class ReconciliationFixer(
    BackendEventProcessor processor,
    EventDelivery delivery,
    ServerMaintenance maintenance,
    SubmittingTasks submitting,
    ServerQueries queries,
    InventoryFixer inventory,
    PortFirewall firewall)
{
    public const string SimulatedMessage = "Reconciliation: simulated event";

    internal Batch Begin(Backend backend, IClusterDriver driver, DateTimeOffset startedAt) =>
        new(processor, delivery, maintenance, submitting, queries, inventory, firewall, backend, driver, startedAt);

    /// <summary>The fixes of one reconciliation run.</summary>
    internal sealed class Batch(
        BackendEventProcessor processor,
        EventDelivery delivery,
        ServerMaintenance maintenance,
        SubmittingTasks submitting,
        ServerQueries queries,
        InventoryFixer inventory,
        PortFirewall firewall,
        Backend backend,
        IClusterDriver driver,
        DateTimeOffset startedAt)
    {
        private readonly Dictionary<string, int> _eventsPerInstance = new(StringComparer.Ordinal);

        /// <summary>Plans shared by several findings (a server's disks, its NICs) run once; the others get the same answer.</summary>
        private readonly Dictionary<FixPlan, string?> _shared = new(ReferenceEqualityComparer.Instance);

        public async Task<ReconciliationFinding> ApplyAsync(ReconciliationFinding finding, FixPlan plan, CancellationToken cancellationToken)
        {
            try
            {
                if (!_shared.TryGetValue(plan, out var error))
                {
                    error = await FixAsync(finding, plan, cancellationToken);
                    if (plan is FixPlan.SyncDisks or FixPlan.SyncNics)
                    {
                        _shared[plan] = error;
                    }
                }
                return finding with { Fixed = error is null, Error = error };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return finding with { Error = e.Message };
            }
        }

        /// <returns>Why nothing was done, or null.</returns>
        private async Task<string?> FixAsync(ReconciliationFinding finding, FixPlan plan, CancellationToken cancellationToken)
        {
            switch (plan)
            {
                case FixPlan.SimulatedEvents simulated:
                    foreach (var e in simulated.Events)
                    {
                        if ((await processor.ApplyAsync(ToEvent(e), cancellationToken)).Outcome != EventOutcome.Applied)
                        {
                            return "a newer change of the server was applied meanwhile";
                        }
                    }
                    return null;
                case FixPlan.ApplyJob apply:
                    var job = await driver.GetJobAsync(apply.Job.Id, cancellationToken) ?? apply.Job;
                    await delivery.DeliverAsync(backend.Id, driver, job, cancellationToken);
                    // Delivery gives up on results it cannot apply (a modify to specs no flavor has): check.
                    return await queries.FindByInstanceNameAsync(finding.InstanceName, cancellationToken) is { Server: { Deleted: false, Task.JobId: { } waiting } }
                        && waiting == job.Id
                            ? $"the result of job {job.Id} could not be applied; the task still waits for it"
                            : null;
                case FixPlan.ClearTask clear:
                    return await maintenance.ClearTaskAsync(clear.ServerId, clear.JobId, cancellationToken)
                        ? null
                        : "the task changed meanwhile";
                case FixPlan.RemoveInstance remove:
                    if (await queries.FindByInstanceNameAsync(remove.InstanceName, cancellationToken) is { Server: { Deleted: false } server }
                        && server.BackendId == backend.Id)
                    {
                        return "a server has this name now";
                    }
                    await driver.DestroyServerAsync(remove.InstanceName, cancellationToken);
                    return null;
                case FixPlan.AdoptJob adopt:
                    return await submitting.RecordJobAsync(adopt.Server, adopt.JobId, adopt.AbandonedBefore, cancellationToken)
                        ? null
                        : "the task changed or its submitter came back meanwhile";
                case FixPlan.SyncDisks disks:
                    return await inventory.SyncDisksAsync(disks.Server, disks.Disks, startedAt, cancellationToken);
                case FixPlan.SyncNics nics:
                    var synced = await inventory.SyncNicsAsync(nics.Server, nics.Nics, startedAt, cancellationToken);
                    if (synced is null)
                    {
                        // As the dispatcher does after a NIC job: an adopted port's tags are added, a dropped one's removed.
                        await firewall.PushQuietlyAsync([nics.Server.Id], cancellationToken);
                    }
                    return synced;
                case FixPlan.PushFirewall push:
                    await firewall.PushAsync(push.ServerId, cancellationToken);
                    return null;
                case FixPlan.GiveUpTask giveUp:
                    return await submitting.GiveUpAsync(giveUp.Server, "The job was never submitted.", giveUp.AbandonedBefore, cancellationToken)
                        ? null
                        : "the task changed or its submitter came back meanwhile";
                default:
                    throw new ArgumentOutOfRangeException(nameof(plan), plan, null);
            }
        }

        /// <summary>At the run's start (so any real change since wins), one microsecond apart per server so that they apply in order.</summary>
        private BackendEvent ToEvent(SimulatedEvent e)
        {
            var index = _eventsPerInstance.GetValueOrDefault(e.InstanceName);
            _eventsPerInstance[e.InstanceName] = index + 1;
            return new BackendEvent(
                backend.Id, e.InstanceName, ServerRelease.NoJob, e.Operation, e.Status,
                startedAt.AddTicks(index * TimeSpan.TicksPerMicrosecond), SimulatedMessage, e.NewCpu, e.NewRamMiB);
        }
    }
}
