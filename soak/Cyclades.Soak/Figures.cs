using System.Collections.Concurrent;

namespace Cyclades.Soak;

/// <summary>What the run counted; printed at the end.</summary>
public sealed class Figures
{
    private long _operations, _succeeded, _reads, _answered5xx, _unreachable, _apiKills, _dispatcherKills, _restarts;

    public ConcurrentDictionary<string, long> ByAction { get; } = new();

    public ConcurrentDictionary<string, long> Errors { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public long Operations => Interlocked.Read(ref _operations);

    public long Answered5xx => Interlocked.Read(ref _answered5xx);

    public void Operation(string action, bool succeeded)
    {
        Interlocked.Increment(ref _operations);
        if (succeeded)
        {
            Interlocked.Increment(ref _succeeded);
        }
        ByAction.AddOrUpdate(action, 1, (_, n) => n + 1);
    }

    public void Read() => Interlocked.Increment(ref _reads);

    public void Error(string action, string code) => Errors.AddOrUpdate($"{action} {code}", 1, (_, n) => n + 1);

    public void Answered(int status)
    {
        if (status >= 500)
        {
            Interlocked.Increment(ref _answered5xx);
        }
    }

    public void Unreachable() => Interlocked.Increment(ref _unreachable);

    public void Killed(bool dispatcher) => Interlocked.Increment(ref dispatcher ? ref _dispatcherKills : ref _apiKills);

    public void Restarted() => Interlocked.Increment(ref _restarts);

    public void Violation(string invariant, string detail) => Violations.Enqueue($"{invariant}: {detail}");

    public string Summary(string plan, TimeSpan elapsed, SimulatorFaults? faults) =>
        string.Join('\n',
        [
            $"soak ({plan}) figures after {elapsed.TotalSeconds:0} s",
            $"  operations (mutating EC2 calls)   {Operations} ({Interlocked.Read(ref _succeeded)} succeeded; by action: {Join(ByAction)})",
            $"  reads (DescribeInstances)         {Interlocked.Read(ref _reads)}",
            $"  requests answered 5xx             {Answered5xx} (each attempt, SDK retries included)",
            $"  requests to a node that was down  {Interlocked.Read(ref _unreachable)}",
            $"  kill -9                           {Interlocked.Read(ref _apiKills) + Interlocked.Read(ref _dispatcherKills)} " +
            $"({Interlocked.Read(ref _dispatcherKills)} of the active dispatcher, {Interlocked.Read(ref _apiKills)} of another API node); restarts {Interlocked.Read(ref _restarts)}",
            faults is null
                ? "  faults injected                   none (real cluster)"
                : $"  faults injected                   {faults.Total} of {faults.Requests} RAPI requests (job errors {faults.JobErrors}, 5xx {faults.ServerErrors}, timeouts {faults.Timeouts}, lost answers {faults.LostAnswers})",
            $"  errors the clients got            {(Errors.IsEmpty ? "none" : Join(Errors))}",
            $"  invariant violations              {Violations.Count}",
            .. Violations.Select(v => $"    VIOLATION {v}"),
        ]);

    private static string Join(ConcurrentDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}

/// <summary>The simulator's fault counters (<c>GET /_simulator/faults</c>).</summary>
public sealed record SimulatorFaults(long Requests, long JobErrors, long ServerErrors, long Timeouts, long LostAnswers)
{
    public long Total => JobErrors + ServerErrors + Timeouts + LostAnswers;
}
