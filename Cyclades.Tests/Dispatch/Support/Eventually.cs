namespace Cyclades.Tests.Dispatch.Support;

/// <summary>Waits for something the dispatcher does in the background (polling; fails with what was awaited).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s waiting for: {what}");
            }
            await Task.Delay(20);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);
}
