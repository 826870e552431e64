using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation.Operations;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// The job queue of the simulated cluster (guarded by the cluster's lock). Jobs on one instance run
/// one after the other, as Ganeti's instance locks make them; a job that depends on others
/// (<c>depends</c>) waits until they are final; a job executes when its time comes, on the next look at
/// the queue.
/// </summary>
internal sealed class SimulatedJobQueue
{
    private readonly SortedDictionary<long, SimulatedJob> _jobs = [];
    private readonly List<SimulatedJob> _pending = [];
    private readonly Dictionary<string, DateTimeOffset> _instanceBusyUntil = new(StringComparer.Ordinal);
    private long _lastId;

    /// <param name="cliCommand">The gnt-instance command when an administrator submits it; null = through the RAPI.</param>
    public SimulatedJob Submit(SimulatedOp op, DateTimeOffset now, SimulatorOptions options, GanetiJobError? injectedFailure,
        string? cliCommand = null)
    {
        var id = ++_lastId;
        var latency = TimeSpan.FromMilliseconds(Math.Max(0, options.JobLatencyMs));
        var leavesQueueAt = now + latency / 4;
        var runsAt = op.InstanceName is { } name && _instanceBusyUntil.TryGetValue(name, out var busyUntil) && busyUntil > leavesQueueAt
            ? busyUntil
            : leavesQueueAt;
        var dependencies = op.Dependencies.Select(d => new SimulatedJobDependency(d.JobId, _jobs.GetValueOrDefault(d.JobId), d.Statuses)).ToList();
        foreach (var dependency in dependencies.Where(d => d.Job is { FinalStatus: null }))
        {
            // Jobs end on a fixed schedule, so the dependent one is scheduled after them.
            runsAt = dependency.Job!.EndsAt > runsAt ? dependency.Job.EndsAt : runsAt;
        }
        var endsAt = runsAt + (latency - latency / 4) + op.ExtraRunTime(options);
        if (op.InstanceName is { } instance)
        {
            _instanceBusyUntil[instance] = endsAt;
        }
        var job = new SimulatedJob
        {
            Id = id,
            Op = op,
            OpCode = op.ToOpCode(Reason(op, id, now, cliCommand)),
            ReceivedAt = now,
            LeavesQueueAt = leavesQueueAt,
            RunsAt = runsAt,
            EndsAt = endsAt,
            InjectedFailure = injectedFailure,
            Dependencies = dependencies,
        };
        _jobs.Add(id, job);
        _pending.Add(job);
        return job;
    }

    /// <summary>Runs every job whose time has come, in order; archives old finished ones.</summary>
    public void Advance(DateTimeOffset now, SimulatedClusterState state, TimeSpan archiveAfter)
    {
        var due = _pending.Where(job => job.EndsAt <= now).OrderBy(job => job.EndsAt).ThenBy(job => job.Id).ToList();
        foreach (var job in due)
        {
            job.Execute(state);
            _pending.Remove(job);
        }
        foreach (var job in _jobs.Values.Where(job => !job.Archived && job.FinalStatus is not null && job.EndsAt + archiveAfter <= now))
        {
            job.Archived = true;
        }
        foreach (var idle in _instanceBusyUntil.Where(entry => entry.Value <= now).Select(entry => entry.Key).ToList())
        {
            _instanceBusyUntil.Remove(idle);
        }
    }

    public SimulatedJob? Find(long id) => _jobs.GetValueOrDefault(id);

    /// <summary>What <c>GET /2/jobs</c> lists: every job not archived.</summary>
    public IEnumerable<SimulatedJob> Listed => _jobs.Values.Where(job => !job.Archived);

    public void ArchiveFinished()
    {
        foreach (var job in _jobs.Values.Where(job => job.FinalStatus is not null))
        {
            job.Archived = true;
        }
    }

    private static IReadOnlyList<GanetiReason> Reason(SimulatedOp op, long id, DateTimeOffset now, string? cliCommand)
    {
        var nanoseconds = (now - DateTimeOffset.UnixEpoch).Ticks * 100;
        var source = cliCommand is null
            ? new GanetiReason($"{GanetiReason.RapiSourcePrefix}:{op.RapiResource}", "", nanoseconds)
            : new GanetiReason($"{GanetiReason.CliSourcePrefix}gnt-instance", cliCommand, nanoseconds);
        var opcodeName = op.OpId["OP_".Length..].ToLowerInvariant();
        return [source, new GanetiReason($"gnt:opcode:{opcodeName}", $"job={id};index=0", nanoseconds)];
    }
}
