using Cyclades.Logic.Backends;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// The dispatcher of one backend in this process: a standby that tries to take the backend's lease,
/// and while it holds it, the active dispatcher (<see cref="LeaderSession"/>). It stops acting as
/// soon as a renewal fails for good, before the lease can expire for a standby elsewhere.
/// </summary>
internal sealed class BackendDispatcher(
    Backend backend,
    string holder,
    DispatcherLeases leases,
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
                if (await leases.TryAcquireAsync(backend.Id, holder, stoppingToken))
                {
                    database.Succeeded(clock.GetUtcNow());
                    await LeadAsync(stoppingToken);
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

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("This process ({Holder}) is now the dispatcher of backend '{Backend}'", holder, backend.Name);
        leadership.Set(backend.Id, true);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var work = lead(session.Token);
        try
        {
            await KeepLeaseAsync(work, stoppingToken);
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

    /// <summary>Renews the lease until it is lost, can no longer be confirmed in time, or the work ends.</summary>
    private async Task KeepLeaseAsync(Task work, CancellationToken stoppingToken)
    {
        var renewed = clock.GetUtcNow();
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(options.LeaseRenew, clock, stoppingToken));
            if (work.IsCompleted || stoppingToken.IsCancellationRequested)
            {
                return;
            }
            try
            {
                if (!await leases.TryAcquireAsync(backend.Id, holder, stoppingToken))
                {
                    return;
                }
                renewed = clock.GetUtcNow();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Renewing the dispatcher lease of backend '{Backend}' failed: {Error}", backend.Name, e.Message);
                if (clock.GetUtcNow() - renewed >= options.LeaseTtl - options.LeaseRenew)
                {
                    return;
                }
            }
        }
    }

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
