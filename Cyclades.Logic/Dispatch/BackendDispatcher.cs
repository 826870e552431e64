using Cyclades.Logic.Backends;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// The dispatcher of one backend in this process: a standby that tries to take the backend's lease,
/// and while it holds it, the active dispatcher (<see cref="LeaderSession"/>). It stops acting as
/// soon as the lease is lost or could not be renewed in time: it stops acting before the lease
/// expires for a standby elsewhere, whatever the renewal call is doing (a stalled database), since
/// every renewal has a deadline and its age is counted from before the call.
/// </summary>
internal sealed class BackendDispatcher(
    Backend backend,
    string holder,
    ILeaseStore leases,
    DispatcherLeadership leadership,
    DispatcherOptions options,
    TimeProvider clock,
    ILogger logger,
    Func<CancellationToken, Task> lead)
{
    public long BackendId => backend.Id;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var database = new Outage($"The dispatcher lease of backend '{backend.Name}'", logger, options.BackoffInitial, options.BackoffMax);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var asked = clock.GetUtcNow();
                if (await leases.TryAcquireAsync(backend.Id, holder, stoppingToken))
                {
                    database.Succeeded(clock.GetUtcNow());
                    if (clock.GetUtcNow() < DeadlineAfter(asked))
                    {
                        await LeadAsync(asked, stoppingToken);
                    }
                    continue;
                }
                database.Succeeded(clock.GetUtcNow());
                await Task.Delay(options.LeaseRenew, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                await DelayQuietlyAsync(database.Failed(e, clock.GetUtcNow()), stoppingToken);
            }
        }
    }

    /// <summary>Gives the lease back (graceful stop) so that a standby takes over at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await leases.ReleaseAsync(backend.Id, holder, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not release the dispatcher lease of backend '{Backend}': {Error}", backend.Name, e.Message);
        }
    }

    /// <param name="acquiredAt">Taken before the call that acquired the lease.</param>
    private async Task LeadAsync(DateTimeOffset acquiredAt, CancellationToken stoppingToken)
    {
        logger.LogInformation("This process ({Holder}) is now the dispatcher of backend '{Backend}'", holder, backend.Name);
        leadership.Set(backend.Id, true);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var work = lead(session.Token);
        try
        {
            await KeepLeaseAsync(work, acquiredAt, stoppingToken);
        }
        finally
        {
            leadership.Set(backend.Id, false);
            await session.CancelAsync();
            await work;
            if (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("This process ({Holder}) lost the dispatcher lease of backend '{Backend}'", holder, backend.Name);
            }
        }
    }

    /// <summary>
    /// Renews the lease until it is lost, the work ends, or the deadline of the last renewal passes
    /// (<see cref="DeadlineAfter"/>) — while a renewal call has not answered too: then the work stops
    /// and the call is abandoned.
    /// </summary>
    private async Task KeepLeaseAsync(Task work, DateTimeOffset acquiredAt, CancellationToken stoppingToken)
    {
        var renewed = acquiredAt;
        var next = acquiredAt + options.LeaseRenew;
        while (true)
        {
            var deadline = DeadlineAfter(renewed);
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.WhenAny(work, Task.Delay(wait, clock, stoppingToken));
            }
            if (work.IsCompleted || stoppingToken.IsCancellationRequested)
            {
                return;
            }
            var asked = clock.GetUtcNow();
            if (asked >= deadline)
            {
                logger.LogWarning("The dispatcher lease of backend '{Backend}' could not be renewed before it expires: stopping", backend.Name);
                return;
            }
            using var call = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var renewal = leases.TryAcquireAsync(backend.Id, holder, call.Token);
            var expiry = Task.Delay(deadline - asked, clock, call.Token);
            if (await Task.WhenAny(renewal, expiry, work) != renewal)
            {
                await call.CancelAsync();
                ObserveQuietly(renewal);
                if (!work.IsCompleted && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Renewing the dispatcher lease of backend '{Backend}' did not answer before it expires: stopping", backend.Name);
                }
                return;
            }
            await call.CancelAsync();
            try
            {
                if (!await renewal)
                {
                    return;
                }
                renewed = asked;
                next = asked + options.LeaseRenew;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Renewing the dispatcher lease of backend '{Backend}' failed: {Error}", backend.Name, e.Message);
                next = clock.GetUtcNow() + options.BackoffInitial;
            }
        }
    }

    /// <summary>
    /// When a lease renewed at <paramref name="renewedAt"/> (taken before the call) stops being
    /// ours to act on: at its expiry, less a tenth of the TTL for clocks that differ.
    /// </summary>
    private DateTimeOffset DeadlineAfter(DateTimeOffset renewedAt) => renewedAt + options.LeaseTtl * 0.9;

    private static void ObserveQuietly(Task renewal) =>
        renewal.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
