using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// Backs off while something keeps failing (exponential, capped) and logs once when the failures
/// start and once when it works again, not at every attempt.
/// </summary>
internal sealed class Outage(string what, ILogger logger, TimeSpan initialDelay, TimeSpan maxDelay)
{
    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _since;

    public bool IsFailing
    {
        get
        {
            lock (_lock)
            {
                return _failures > 0;
            }
        }
    }

    /// <returns>How long to wait before the next attempt.</returns>
    public TimeSpan Failed(Exception error, DateTimeOffset now)
    {
        int failures;
        lock (_lock)
        {
            failures = ++_failures;
            if (failures == 1)
            {
                _since = now;
            }
        }
        if (failures == 1)
        {
            logger.LogWarning("{What} is failing, backing off until it recovers: {Error}", what, error.Message);
        }
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(maxDelay.Ticks, initialDelay.Ticks * factor));
    }

    /// <summary>For callers that make one attempt at a time.</summary>
    public void Succeeded(DateTimeOffset now) => Succeeded(now, now);

    /// <param name="askedAt">When the attempt that worked began: one begun before the failures started (a long poll) proves nothing.</param>
    public void Succeeded(DateTimeOffset askedAt, DateTimeOffset now)
    {
        int failures;
        DateTimeOffset since;
        lock (_lock)
        {
            (failures, since) = (_failures, _since);
            if (failures > 0 && askedAt < since)
            {
                return;
            }
            _failures = 0;
        }
        if (failures > 0)
        {
            logger.LogInformation("{What} recovered after {Failures} failed attempts over {Seconds:0.0} s", what, failures, (now - since).TotalSeconds);
        }
    }
}
