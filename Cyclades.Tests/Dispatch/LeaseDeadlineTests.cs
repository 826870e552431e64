using Cyclades.Logic.Backends;
using Cyclades.Logic.Dispatch;
using Cyclades.Tests.Dispatch.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Dispatch;

/// <summary>
/// The leader stops acting when its lease may have expired (issue 14, item 3), whatever the renewal
/// call is doing: a renewal that never answers (a stalled database) ends the leadership at the
/// deadline, counted from before the last renewal that answered. Fake time, no sleeps.
/// </summary>
[Category("Unit")]
public sealed class LeaseDeadlineTests
{
    private static readonly DispatcherOptions Options = new() { LeaseTtlMs = 10_000, LeaseRenewMs = 3_000 };

    [Test]
    public async Task A_renewal_that_never_answers_ends_the_leadership_before_the_expiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var start = time.GetUtcNow();
        var store = new StallingLeaseStore(answered: 1);
        var leadership = new DispatcherLeadership();
        var workCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = new Backend(7, "sim", true, false, true, "https://127.0.0.1", "10.0.0.0/24", null, start, start);
        var dispatcher = new BackendDispatcher(backend, "me", store, leadership, Options, time, NullLogger.Instance, async token =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }
            catch (OperationCanceledException)
            {
                workCancelled.SetResult();
            }
        });
        using var stop = new CancellationTokenSource();
        var run = dispatcher.RunAsync(stop.Token);

        await Eventually.HoldsAsync(() => leadership.IsLeader(7), "leading after the first acquisition");
        await Eventually.HoldsAsync(() =>
        {
            if (store.Calls < 2)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }
            return store.Calls == 2;
        }, "the first renewal under way");
        Assert.That(time.GetUtcNow() - start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3)), "renewed after LeaseRenewMs");

        time.Advance(start + TimeSpan.FromSeconds(8.9) - time.GetUtcNow());
        Assert.That(leadership.IsLeader(7), Is.True, "before the deadline (nine tenths of the TTL after the acquisition)");
        Assert.That(workCancelled.Task.IsCompleted, Is.False);

        time.Advance(TimeSpan.FromMilliseconds(200));
        await workCancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(leadership.IsLeader(7), Is.False);
        Assert.That(store.Stalled.Task.IsCompleted, Is.False, "the renewal call still has not answered");

        store.Stalled.SetResult(false);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Answers true to the first <c>answered</c> calls; every later call never answers and ignores its cancellation.</summary>
    private sealed class StallingLeaseStore(int answered) : ILeaseStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TaskCompletionSource<bool> Stalled { get; } = new();

        public Task<bool> TryAcquireAsync(long backendId, string holder, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= answered ? Task.FromResult(true) : Stalled.Task;

        public Task ReleaseAsync(long backendId, string holder, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
