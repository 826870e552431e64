using Cyclades.Logic.Backends;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Reconciliation;

/// <summary>
/// Synnefo's <c>BackendReconciler</c> rules (reference §8.2, the 0.15+ version): what differs between
/// a backend's servers and its cluster, and how fix mode repairs each difference. Servers whose task
/// still waits for a running job are left alone: the dispatcher will deliver that job's result.
/// </summary>
internal sealed class ReconciliationRules(InstanceNames names, TimeSpan abandonedSubmission)
{
    /// <summary>How far the cluster's clock may be behind ours when a job's receipt is compared with a task's time.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    public IReadOnlyList<(ReconciliationFinding Finding, FixPlan? Plan)> Check(ClusterSnapshot snapshot)
    {
        var results = snapshot.Servers.SelectMany(server => CheckServer(snapshot, server)).ToList();
        var known = snapshot.Servers.Select(s => s.InstanceName).ToHashSet(StringComparer.Ordinal);
        foreach (var instance in snapshot.Instances.Values.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (names.TryParse(instance.Name, out _) && !known.Contains(instance.Name) && !IsBeingRemoved(snapshot, instance.Name))
            {
                results.Add(Found(FindingKind.OrphanInstance, instance.Name, null,
                    $"instance on the cluster ({(instance.IsRunning ? "running" : "stopped")}) without a server",
                    new FixPlan.RemoveInstance(instance.Name), "remove the instance from the cluster"));
            }
        }
        return results;
    }

    private IEnumerable<(ReconciliationFinding, FixPlan?)> CheckServer(ClusterSnapshot snapshot, Server server)
    {
        if (server.IsSubmitting)
        {
            if (Unsubmitted(snapshot, server) is { } unsubmitted)
            {
                yield return unsubmitted;
            }
            yield break;
        }

        var (task, taskJob) = TaskOf(snapshot, server);
        if (task == JobState.Running)
        {
            yield break;
        }
        if (task == JobState.Finished)
        {
            // Its result decides the rest; the next run compares again.
            yield return Found(FindingKind.StaleTask, server, $"task {server.Task!.Action.ToString().ToUpperInvariant()} waits for job {taskJob!.Id}, which ended {taskJob.Status}",
                new FixPlan.ApplyJob(taskJob), "apply the job's result");
            yield break;
        }
        if (task == JobState.Unknown)
        {
            yield return Found(FindingKind.StaleTask, server, $"task {server.Task!.Action.ToString().ToUpperInvariant()} waits for job {server.Task.JobId}, which the cluster does not know",
                new FixPlan.ClearTask(server.Id, server.Task.JobId!.Value), "clear the task");
        }

        var instance = snapshot.Instances.GetValueOrDefault(server.InstanceName);
        var build = server.OperState == OperState.Build ? BuildOf(snapshot, server) : JobState.None;
        if (build == JobState.Running)
        {
            yield break;
        }
        if (build is JobState.Failed or JobState.Unknown)
        {
            yield return Found(FindingKind.BuildError, server, build == JobState.Failed ? "its create job failed" : "its create job is unknown to the cluster",
                Simulate(server, ServerOperation.Create, JobStatus.Error), "set ERROR");
            yield break;
        }
        if (instance is null)
        {
            if (server.OperState == OperState.Error && server.Task?.Action != ServerAction.Destroy)
            {
                yield break; // the user destroys it; the failed removal of a missing instance then counts as done
            }
            yield return Found(FindingKind.StaleServer, server, $"{server.OperState.ToString().ToUpperInvariant()} here, no instance on the cluster",
                Simulate(server, ServerOperation.Destroy, JobStatus.Success), "destroy the server");
            yield break;
        }
        if (StateOf(server, instance, build) is { } state)
        {
            yield return state;
        }
        if (FlavorOf(snapshot, server, instance) is { } flavor)
        {
            yield return flavor;
        }
        if (InventoryRules.IsCompared(server))
        {
            var inventory = InventoryRules.DisksOf(snapshot, server, instance).Concat(InventoryRules.NicsOf(snapshot, server, instance)).ToList();
            foreach (var found in inventory)
            {
                yield return found;
            }
            // The ports' tags are compared once the ports match the NICs: repairing the NICs pushes the tags anyway.
            if (!inventory.Any(found => found.Item2 is FixPlan.SyncNics) && InventoryRules.FirewallOf(snapshot, server, instance) is { } firewall)
            {
                yield return firewall;
            }
        }
    }

    /// <summary>
    /// A task committed as submitting whose process stopped renewing its heartbeat: the job it may
    /// have submitted is the first on its instance with its operation, newer than both the task and
    /// the last job recorded for the server (Ganeti's job ids only grow).
    /// </summary>
    private (ReconciliationFinding, FixPlan?)? Unsubmitted(ClusterSnapshot snapshot, Server server)
    {
        var cutoff = snapshot.StartedAt - abandonedSubmission;
        var alive = server.SubmissionHeartbeat ?? server.TaskAt ?? server.CreatedAt;
        if (alive >= cutoff)
        {
            return null;
        }
        var task = server.Task!.Action;
        var kind = task == ServerAction.Build ? FindingKind.UnsubmittedBuild : FindingKind.UnsubmittedTask;
        var operation = task.ToOperation();
        var job = snapshot.Jobs.Values
            .Where(j => j.Id > (server.LastJob?.JobId ?? 0)
                && (j.ReceivedAt is null || server.TaskAt is null || j.ReceivedAt >= server.TaskAt - ClockSkew)
                && j.Operations.Any(op => op.InstanceName == server.InstanceName && op.Operation == operation))
            .MinBy(j => j.Id);
        var detail = $"task {task.ToString().ToUpperInvariant()} without a job, its submitter silent since {alive:u}";
        return job is not null
            ? Found(kind, server, $"{detail}; the cluster has job {job.Id}", new FixPlan.AdoptJob(server, job.Id, cutoff), $"follow job {job.Id}")
            : Found(kind, server, $"{detail}; the cluster has no such job", new FixPlan.GiveUpTask(server, cutoff),
                task == ServerAction.Build ? "release the server and its quota" : "clear the task and reject its commission");
    }

    private static (ReconciliationFinding, FixPlan?)? StateOf(Server server, ClusterInstance instance, JobState build)
    {
        var actual = instance.IsRunning ? OperState.Started : OperState.Stopped;
        var events = new List<SimulatedEvent>();
        if (build == JobState.Succeeded)
        {
            events.Add(new SimulatedEvent(server.InstanceName, ServerOperation.Create, JobStatus.Success));
        }
        var current = build == JobState.Succeeded ? OperState.Started : server.OperState;
        if (current is OperState.Started or OperState.Stopped && current != actual)
        {
            events.Add(new SimulatedEvent(server.InstanceName, actual == OperState.Started ? ServerOperation.Start : ServerOperation.Stop, JobStatus.Success));
        }
        if (events.Count == 0)
        {
            return null;
        }
        return Found(FindingKind.UnsyncedState, server,
            $"{server.OperState.ToString().ToUpperInvariant()} here, {(instance.IsRunning ? "running" : "not running")} on the cluster",
            new FixPlan.SimulatedEvents(events), $"set {actual.ToString().ToUpperInvariant()}");
    }

    private static (ReconciliationFinding, FixPlan?)? FlavorOf(ClusterSnapshot snapshot, Server server, ClusterInstance instance)
    {
        var flavor = snapshot.Flavors.FirstOrDefault(f => f.Id == server.FlavorId);
        if (flavor is null || server.OperState == OperState.Build || instance.Cpu <= 0
            || (instance.Cpu, instance.RamMiB) == (flavor.Cpu, flavor.RamMiB))
        {
            return null;
        }
        var match = snapshot.Flavors
            .Where(f => (f.Cpu, f.RamMiB) == (instance.Cpu, instance.RamMiB) && f.AllowsVolumeType(flavor.DiskTemplate))
            .OrderBy(f => f.Deleted).ThenBy(f => f.DiskGiB == flavor.DiskGiB ? 0 : 1).ThenBy(f => f.Id)
            .FirstOrDefault();
        var detail = $"flavor {flavor.Name} ({flavor.Cpu} CPU, {flavor.RamMiB} MiB) here, {instance.Cpu} CPU, {instance.RamMiB} MiB on the cluster";
        return match is null
            ? Found(FindingKind.UnsyncedFlavor, server, detail + "; no flavor has those specs", null, null)
            : Found(FindingKind.UnsyncedFlavor, server, detail,
                new FixPlan.SimulatedEvents([new SimulatedEvent(server.InstanceName, ServerOperation.Modify, JobStatus.Success, instance.Cpu, instance.RamMiB)]),
                $"set flavor {match.Name}");
    }

    private static (JobState, ClusterJob?) TaskOf(ClusterSnapshot snapshot, Server server)
    {
        if (server.Task is not { JobId: { } jobId } task)
        {
            return (JobState.None, null);
        }
        var job = snapshot.MatchingJob(jobId, server.InstanceName, task.Action.ToOperation());
        return job is null ? (JobState.Unknown, null) : (job.Status.IsFinal() ? JobState.Finished : JobState.Running, job);
    }

    /// <summary>How the server's create went, from its task's job or else the last job recorded.</summary>
    private static JobState BuildOf(ClusterSnapshot snapshot, Server server)
    {
        if (server.Task is { Action: ServerAction.Build, JobId: { } jobId })
        {
            return snapshot.MatchingJob(jobId, server.InstanceName, ServerOperation.Create) is { } job ? StateOf(job.Status) : JobState.Unknown;
        }
        return server.LastJob is { Operation: ServerOperation.Create } last ? StateOf(last.Status) : JobState.Unknown;
    }

    private static JobState StateOf(JobStatus status) => status switch
    {
        JobStatus.Success => JobState.Succeeded,
        JobStatus.Error or JobStatus.Canceled => JobState.Failed,
        _ => JobState.Running,
    };

    private static bool IsBeingRemoved(ClusterSnapshot snapshot, string instanceName) =>
        snapshot.Jobs.Values.Any(job => !job.Status.IsFinal()
            && job.Operations.Any(op => op.InstanceName == instanceName && op.Operation == ServerOperation.Destroy));

    private static FixPlan Simulate(Server server, ServerOperation operation, JobStatus status) =>
        new FixPlan.SimulatedEvents([new SimulatedEvent(server.InstanceName, operation, status)]);

    internal static (ReconciliationFinding, FixPlan?) Found(FindingKind kind, Server server, string detail, FixPlan? plan, string? fix) =>
        Found(kind, server.InstanceName, server.Id, detail, plan, fix);

    private static (ReconciliationFinding, FixPlan?) Found(FindingKind kind, string instance, long? serverId, string detail, FixPlan? plan, string? fix) =>
        (new ReconciliationFinding(kind, instance, serverId, detail, fix), plan);

    /// <summary>Where a job is.</summary>
    private enum JobState
    {
        None,
        Running,

        /// <summary>Final, whatever the outcome.</summary>
        Finished,
        Succeeded,
        Failed,

        /// <summary>The cluster does not know it (or the id now names another job).</summary>
        Unknown,
    }
}
