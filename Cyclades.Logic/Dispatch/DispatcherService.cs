using Cyclades.Logic.Backends;
using Cyclades.Logic.Events;
using Cyclades.Logic.Images;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// The dispatcher: the only way cluster job results reach the database. Runs one
/// <see cref="BackendDispatcher"/> per enabled backend (backends enabled later are picked up, disabled
/// ones let go); of all processes sharing the database, the one holding a backend's lease is its
/// active dispatcher. A graceful stop releases the leases; a crashed process's leases expire.
/// </summary>
public sealed class DispatcherService(
    BackendRegistry registry,
    ClusterDriverCache drivers,
    DispatcherLeases leases,
    DispatcherLeadership leadership,
    EventDelivery delivery,
    JobSubmissions submissions,
    ServerQueries queries,
    BackendReconciler reconciler,
    InstanceNames names,
    IOptions<DispatcherOptions> options,
    IOptions<ServerOptions> serverOptions,
    ServerCommands commands,
    ImageExports imageExports,
    VolumeKeepers keepers,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<DispatcherService>();
    private readonly Dictionary<long, (BackendDispatcher Dispatcher, CancellationTokenSource Stop, Task Run)> _running = [];
    private IReadOnlyList<BackendDispatcher> _stopped = [];

    /// <summary>This process's holder id in the lease table.</summary>
    public string HolderId { get; } = DispatcherLeases.NewHolderId();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            _logger.LogWarning("The dispatcher is disabled ({Key}=false): job results reach the database only through another process",
                $"{DispatcherOptions.Section}:Enabled");
            return;
        }
        var refresh = new Outage("Reading the backends for the dispatcher", _logger, options.Value.BackoffInitial, options.Value.BackoffMax);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var delay = options.Value.BackendRefresh;
                try
                {
                    await RefreshAsync(stoppingToken);
                    refresh.Succeeded(clock.GetUtcNow());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    delay = refresh.Failed(e, clock.GetUtcNow());
                }
                await Task.Delay(delay, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            // Leases are released only by a graceful stop (StopAsync); otherwise they expire.
            _stopped = _running.Values.Select(r => r.Dispatcher).ToList();
            foreach (var id in _running.Keys.ToList())
            {
                await StopAsync(id, release: false);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_stopped.Select(d => d.ReleaseAsync(cancellationToken)));
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        var enabled = (await registry.ListAsync(stoppingToken)).Where(b => b.Enabled).ToDictionary(b => b.Id);
        foreach (var id in _running.Keys.Where(id => !enabled.ContainsKey(id)).ToList())
        {
            _logger.LogInformation("Backend {BackendId} is no longer enabled: stopping its dispatcher", id);
            await StopAsync(id, release: true);
        }
        foreach (var backend in enabled.Values.Where(b => !_running.ContainsKey(b.Id)))
        {
            Start(backend, stoppingToken);
        }
    }

    private void Start(Backend backend, CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger($"{typeof(DispatcherService).FullName}.{backend.Name}");
        var dispatcher = new BackendDispatcher(backend, HolderId, leases, leadership, options.Value, clock, logger,
            token => LeadAsync(backend, logger, token));
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _running[backend.Id] = (dispatcher, stop, Task.Run(() => dispatcher.RunAsync(stop.Token), CancellationToken.None));
    }

    private async Task LeadAsync(Backend backend, ILogger logger, CancellationToken cancellationToken)
    {
        var driver = await drivers.GetAsync(backend.Id, cancellationToken);
        var context = new LeaderContext(backend, driver, options.Value, clock, logger);
        await new LeaderSession(context, delivery, submissions, queries, registry, reconciler, names, serverOptions.Value, commands, imageExports, keepers).RunAsync(cancellationToken);
    }

    private async Task StopAsync(long backendId, bool release)
    {
        var (dispatcher, stop, run) = _running[backendId];
        _running.Remove(backendId);
        await stop.CancelAsync();
        await run;
        stop.Dispose();
        if (release)
        {
            await dispatcher.ReleaseAsync(CancellationToken.None);
        }
    }
}
