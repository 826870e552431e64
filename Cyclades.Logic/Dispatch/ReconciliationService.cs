using Cyclades.Logic.Backends;
using Cyclades.Logic.Reconciliation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// Periodic reconciliation of each backend this process is the active dispatcher of (so of all
/// processes sharing the database, one reconciles a backend at a time): first
/// <see cref="ReconciliationOptions.InitialDelaySeconds"/> after becoming its dispatcher, then every
/// <see cref="ReconciliationOptions.IntervalSeconds"/>.
/// </summary>
public sealed class ReconciliationService(
    BackendReconciler reconciler,
    DispatcherLeadership leadership,
    IOptions<ReconciliationOptions> options,
    TimeProvider clock,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var due = new Dictionary<long, DateTimeOffset>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var leading = leadership.LeadingBackends;
                foreach (var gone in due.Keys.Except(leading).ToList())
                {
                    due.Remove(gone);
                }
                foreach (var backendId in leading)
                {
                    var now = clock.GetUtcNow();
                    if (!due.TryGetValue(backendId, out var at))
                    {
                        due[backendId] = now + options.Value.InitialDelay;
                    }
                    else if (now >= at)
                    {
                        await RunAsync(backendId, stoppingToken);
                        due[backendId] = clock.GetUtcNow() + options.Value.Interval;
                    }
                }
                await Task.Delay(Tick, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task RunAsync(long backendId, CancellationToken cancellationToken)
    {
        try
        {
            await reconciler.ReconcileAsync(backendId, new ReconciliationRequest(options.Value.Fix), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var level = e is ClusterException ? LogLevel.Warning : LogLevel.Error;
            logger.Log(level, e, "Periodic reconciliation of backend {BackendId} failed; trying again in {Interval}", backendId, options.Value.Interval);
        }
    }
}
