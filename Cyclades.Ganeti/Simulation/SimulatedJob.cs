using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation.Operations;

namespace Cyclades.Ganeti.Simulation;

/// <summary>One entry of a job's <c>depends</c>: the job (null when the cluster does not know it) and the statuses it must end in.</summary>
internal sealed record SimulatedJobDependency(long JobId, SimulatedJob? Job, IReadOnlyList<string> Statuses)
{
    /// <summary>As Ganeti's job queue fails a job whose dependency ended otherwise (<c>OpExecError</c>, nothing run).</summary>
    public void Check()
    {
        if (Job?.FinalStatus is not { } status)
        {
            throw SimulatedOpFailure.Execution($"Dependency job {JobId} not found");
        }
        if (!Statuses.Contains(status))
        {
            throw SimulatedOpFailure.Execution(
                $"Dependency job {JobId} finished with status '{status}', not one of '{string.Join(", ", Statuses)}' as required");
        }
    }
}

/// <summary>
/// A one-opcode job on a fixed schedule: queued until <see cref="LeavesQueueAt"/>, waiting for the
/// instance's earlier jobs until <see cref="RunsAt"/>, running until <see cref="EndsAt"/>, when the
/// queue executes it and it becomes final.
/// </summary>
internal sealed class SimulatedJob
{
    private readonly List<GanetiJobLogEntry> _log = [];

    public required long Id { get; init; }
    public required SimulatedOp Op { get; init; }
    public required GanetiOpCode OpCode { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset LeavesQueueAt { get; init; }
    public required DateTimeOffset RunsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>Set by a test: the job fails this way instead of running its op.</summary>
    public GanetiJobError? InjectedFailure { get; init; }

    /// <summary>The jobs it depends on; checked when it runs (they are final by then).</summary>
    public IReadOnlyList<SimulatedJobDependency> Dependencies { get; init; } = [];

    public string? FinalStatus { get; private set; }
    public JsonElement? Result { get; private set; }
    public bool Archived { get; set; }

    public IReadOnlyList<GanetiJobLogEntry> Log => _log;

    public string StatusAt(DateTimeOffset now) =>
        FinalStatus ?? (now < LeavesQueueAt ? GanetiJobStatuses.Queued
            : now < RunsAt ? GanetiJobStatuses.Waiting
            : GanetiJobStatuses.Running);

    /// <summary>When the status will next change on its own; null once final.</summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset now) =>
        FinalStatus is not null ? null
        : now < LeavesQueueAt ? LeavesQueueAt
        : now < RunsAt ? RunsAt
        : EndsAt;

    public void Execute(SimulatedClusterState state)
    {
        try
        {
            if (InjectedFailure is not null)
            {
                throw new SimulatedOpFailure(InjectedFailure);
            }
            foreach (var dependency in Dependencies)
            {
                dependency.Check();
            }
            var outcome = Op.Execute(state, EndsAt);
            Finish(GanetiJobStatuses.Success, outcome.Result, outcome.Log);
        }
        catch (SimulatedOpFailure failure)
        {
            Finish(GanetiJobStatuses.Error, failure.ToOpResult(), []);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // a simulator bug must fail this job, not every later request
            Finish(GanetiJobStatuses.Error, new SimulatedOpFailure(new GanetiOtherJobError("ProgrammerError", e.Message)).ToOpResult(), []);
        }
    }

    public GanetiJob ToModel(DateTimeOffset now, bool withResults)
    {
        var status = StatusAt(now);
        return new GanetiJob
        {
            Id = Id,
            // Listed as now: once run, Ganeti lists some inputs as it resolved them (a NIC's MAC, a disk's index).
            Ops = [Op.ToOpCode(OpCode.Reason ?? [])],
            Status = status,
            Summary = [Op.Summary],
            OpStatus = [status],
            ReceivedAt = GanetiTimestamp.From(ReceivedAt),
            StartedAt = status == GanetiJobStatuses.Queued ? null : GanetiTimestamp.From(LeavesQueueAt),
            EndedAt = FinalStatus is null ? null : GanetiTimestamp.From(EndsAt),
            OpLog = withResults ? [Log.ToList()] : null,
            OpResults = withResults ? [Result ?? SimulatedJson.Null] : null,
        };
    }

    private void Finish(string status, JsonElement result, IReadOnlyList<string> log)
    {
        FinalStatus = status;
        Result = result;
        var time = GanetiTimestamp.From(EndsAt);
        foreach (var message in log)
        {
            _log.Add(new GanetiJobLogEntry(_log.Count + 1, time, GanetiJobLogEntry.MessageType, SimulatedJson.String(message)));
        }
    }
}
