using Cyclades.Bench.Measurements;

namespace Cyclades.Bench.Report;

/// <summary>Everything one run measured, and what it could not measure.</summary>
public sealed class BenchResults
{
    public required RunInfo Run { get; set; }

    public List<ReadPathResult> Read { get; } = [];

    public PeerResult? Peer { get; set; }

    public List<WritePathResult> Write { get; } = [];

    public List<ScalePoint> Scale { get; } = [];

    public PropagationResult? Propagation { get; set; }

    public List<NotMeasured> NotMeasured { get; } = [];

    public IReadOnlyList<GoalResult> Goals => GoalEvaluation.Evaluate(this);
}

public sealed record RunInfo(
    DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc,
    bool Quick,
    string Commit,
    MachineInfo Machine,
    BenchPlan Plan);

/// <param name="Verdict">PASS, MISS, or "not measured".</param>
public sealed record GoalResult(string Measure, string Ours, string Reference, string Ratio, string Goal, string Verdict);
