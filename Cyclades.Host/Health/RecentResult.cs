namespace Cyclades.Host.Health;

/// <summary>
/// One shared answer to an expensive question: computed once, served for <c>lifetime</c> after it
/// finished, and shared by every caller while it is being computed (many requests, one probe).
/// </summary>
public sealed class RecentResult<T>(TimeProvider clock, TimeSpan lifetime)
{
    private readonly Lock _lock = new();
    private Task<T>? _current;
    private long _finishedAt;

    /// <param name="compute">Runs without the caller's cancellation: other callers may be waiting for it.</param>
    public Task<T> GetAsync(Func<Task<T>> compute)
    {
        lock (_lock)
        {
            if (_current is null || (_current.IsCompleted && clock.GetElapsedTime(Volatile.Read(ref _finishedAt)) >= lifetime))
            {
                _current = RunAsync(compute);
            }
            return _current;
        }
    }

    private async Task<T> RunAsync(Func<Task<T>> compute)
    {
        try
        {
            return await compute();
        }
        finally
        {
            Volatile.Write(ref _finishedAt, clock.GetTimestamp());
        }
    }
}
