using System.Net;

namespace Cyclades.Ganeti.Simulator;

/// <summary>What to do to one request, decided at random from the current <see cref="FaultOptions"/>, and the count of each.</summary>
public sealed class FaultInjector(FaultOptions initial)
{
    private static readonly HttpStatusCode[] ServerErrors =
        [HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable];

    private FaultOptions _options = initial;
    private long _requests, _jobErrors, _serverErrors, _timeouts, _lostAnswers;

    public FaultOptions Options
    {
        get => Volatile.Read(ref _options);
        set => Volatile.Write(ref _options, value);
    }

    public FaultDecision Decide(HttpMethod method)
    {
        Interlocked.Increment(ref _requests);
        var options = Options;
        var submitsJob = method != HttpMethod.Get;
        var latency = options.MaxLatencyMs > 0 ? TimeSpan.FromMilliseconds(Random.Shared.Next(options.MaxLatencyMs + 1)) : TimeSpan.Zero;
        if (Happens(options.ServerErrorRate))
        {
            Interlocked.Increment(ref _serverErrors);
            return new FaultDecision(latency, ServerErrors[Random.Shared.Next(ServerErrors.Length)], false, false, false);
        }
        if (Happens(options.TimeoutRate))
        {
            Interlocked.Increment(ref _timeouts);
            return new FaultDecision(latency, null, true, false, false);
        }
        var failJob = submitsJob && Happens(options.JobErrorRate);
        var loseAnswer = submitsJob && Happens(options.LostAnswerRate);
        if (failJob)
        {
            Interlocked.Increment(ref _jobErrors);
        }
        if (loseAnswer)
        {
            Interlocked.Increment(ref _lostAnswers);
        }
        return new FaultDecision(latency, null, false, failJob, loseAnswer);
    }

    public FaultCounts Counts => new(
        Interlocked.Read(ref _requests), Interlocked.Read(ref _jobErrors), Interlocked.Read(ref _serverErrors),
        Interlocked.Read(ref _timeouts), Interlocked.Read(ref _lostAnswers));

    private static bool Happens(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;
}

/// <param name="Latency">Wait this long first.</param>
/// <param name="Status">Answer this error without handling the request.</param>
/// <param name="Hang">Neither handle nor answer.</param>
/// <param name="FailJob">The job this request submits fails.</param>
/// <param name="LoseAnswer">Handle the request, then never answer.</param>
public sealed record FaultDecision(TimeSpan Latency, HttpStatusCode? Status, bool Hang, bool FailJob, bool LoseAnswer);

/// <summary>Requests seen and faults injected since the start.</summary>
public sealed record FaultCounts(long Requests, long JobErrors, long ServerErrors, long Timeouts, long LostAnswers);
