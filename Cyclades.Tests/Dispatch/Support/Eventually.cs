namespace Cyclades.Tests.Dispatch.Support;

/// <summary>
/// The suite's one way to wait for something that happens in the background (the dispatcher, a host, a CLI's
/// effect): polls the condition, and fails with what was awaited once <paramref name="timeout"/> has passed. The
/// timeout is only a give-up point, never an assertion on how long something took.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Gave up after {limit.TotalSeconds:0.#} s waiting for: {what()}");
            }
            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        HoldsAsync(condition, () => what, timeout, interval);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);
}
