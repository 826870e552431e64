namespace Cyclades.Ganeti.Simulator;

/// <summary>
/// Random failures the server injects, bound from <c>Faults</c>; rates are probabilities per request
/// (0 = never, 1 = always). Changed at run time with <c>PUT /_simulator/faults</c>.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>A job-submitting request (POST, PUT, DELETE) creates a job that fails (<c>OpExecError</c>).</summary>
    public double JobErrorRate { get; init; }

    /// <summary>A request is answered 500, 502 or 503 without being handled (no job created).</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>A request is never answered (until the client's timeout) and not handled.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>A job-submitting request is handled (the job exists) but its answer never comes: the client times out.</summary>
    public double LostAnswerRate { get; init; }

    /// <summary>Every request waits a random 0..this many milliseconds first.</summary>
    public int MaxLatencyMs { get; init; }

    /// <summary>How long a timed-out request is held before the connection is dropped; longer than the client's timeout.</summary>
    public int HangMs { get; init; } = 60_000;

    public IEnumerable<string> Problems()
    {
        foreach (var (name, rate) in new[]
                 {
                     (nameof(JobErrorRate), JobErrorRate), (nameof(ServerErrorRate), ServerErrorRate),
                     (nameof(TimeoutRate), TimeoutRate), (nameof(LostAnswerRate), LostAnswerRate),
                 })
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate))
            {
                yield return $"Faults:{name} must be between 0 and 1 (got {rate})";
            }
        }
        if (MaxLatencyMs < 0)
        {
            yield return $"Faults:{nameof(MaxLatencyMs)} must not be negative (got {MaxLatencyMs})";
        }
        if (HangMs < 0)
        {
            yield return $"Faults:{nameof(HangMs)} must not be negative (got {HangMs})";
        }
    }
}
