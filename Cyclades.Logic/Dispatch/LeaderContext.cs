using Cyclades.Logic.Backends;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Dispatch;

/// <summary>What the parts of one backend's active dispatcher share: the cluster, what was delivered, and the back-off state.</summary>
internal sealed class LeaderContext
{
    public LeaderContext(Backend backend, IClusterDriver driver, DispatcherOptions options, TimeProvider clock, ILogger logger)
    {
        Backend = backend;
        Driver = driver;
        Options = options;
        Clock = clock;
        Logger = logger;
        Cluster = new Outage($"Ganeti cluster '{backend.Name}'", logger, options.BackoffInitial, options.BackoffMax);
        Processing = new Outage($"Applying results of cluster '{backend.Name}' to the database", logger, options.BackoffInitial, options.BackoffMax);
    }

    public Backend Backend { get; }

    public IClusterDriver Driver { get; }

    public DispatcherOptions Options { get; }

    public TimeProvider Clock { get; }

    public ILogger Logger { get; }

    public JobTracker Jobs { get; } = new();

    public Outage Cluster { get; }

    public Outage Processing { get; }

    /// <param name="askedAt">When the request that was answered was sent.</param>
    public void ClusterAnswered(DateTimeOffset askedAt) => Cluster.Succeeded(askedAt, Clock.GetUtcNow());

    public void Processed(DateTimeOffset startedAt) => Processing.Succeeded(startedAt, Clock.GetUtcNow());

    /// <summary>
    /// Runs one step of the dispatcher's work. When it fails, waits the back-off of what failed (the
    /// cluster, or the database and everything else) and returns false, for the caller to try again.
    /// </summary>
    public async Task<bool> StepAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ClusterException e)
        {
            await Task.Delay(Cluster.Failed(e, Clock.GetUtcNow()), Clock, cancellationToken);
        }
        catch (Exception e)
        {
            Logger.LogDebug(e, "Dispatcher step for backend {Backend} failed", Backend.Name);
            await Task.Delay(Processing.Failed(e, Clock.GetUtcNow()), Clock, cancellationToken);
        }
        return false;
    }

    /// <summary>Runs <paramref name="step"/> every <paramref name="interval"/> (or earlier when <paramref name="wake"/> is released) until cancelled.</summary>
    public async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> step, CancellationToken cancellationToken, SemaphoreSlim? wake = null)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await StepAsync(step, cancellationToken))
            {
                continue;
            }
            var delay = Task.Delay(interval, Clock, cancellationToken);
            await (wake is null ? delay : Task.WhenAny(delay, wake.WaitAsync(cancellationToken)));
        }
    }
}
