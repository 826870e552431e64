using System.Diagnostics.Metrics;
using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Logic.Support;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cyclades.Tests.Dispatch.Support;

/// <summary>
/// One "process" of the service without HTTP: the logic core, the Ganeti driver (simulated clusters
/// or the real test cluster, as configured) and the dispatcher running as hosted services, on a
/// test database. Several harnesses can share one database and one set of simulated clusters, as
/// several API processes share them in production.
/// </summary>
public sealed class DispatchHarness : IAsyncDisposable
{
    public const string User = "user-1";

    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<IHostedService> _hosted;
    private readonly TestDatabase? _ownedDatabase;
    private bool _stopped;

    private DispatchHarness(ServiceProvider services, IReadOnlyList<IHostedService> hosted, TestDatabase database, TestDatabase? owned, CapturedLogs logs)
    {
        _services = services;
        _hosted = hosted;
        Database = database;
        _ownedDatabase = owned;
        Logs = logs;
    }

    public TestDatabase Database { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _services;

    public LaunchService Launches => Get<LaunchService>();

    public ServerCommands Commands => Get<ServerCommands>();

    public ServerQueries Queries => Get<ServerQueries>();

    public QuotaService Quotas => Get<QuotaService>();

    public BackendRegistry Backends => Get<BackendRegistry>();

    public BackendReconciler Reconciler => Get<BackendReconciler>();

    public DispatcherLeadership Leadership => Get<DispatcherLeadership>();

    public SimulatedClusterRegistry Simulators => Get<SimulatedClusterRegistry>();

    /// <summary>Fast settings for tests: short leases, polls and back-off; periodic reconciliation off.</summary>
    public static Dictionary<string, string?> FastDispatcher() => new()
    {
        ["Cyclades:Dispatcher:LeaseTtlMs"] = "1500",
        ["Cyclades:Dispatcher:LeaseRenewMs"] = "300",
        ["Cyclades:Dispatcher:PendingPollMs"] = "50",
        ["Cyclades:Dispatcher:JobScanMs"] = "200",
        ["Cyclades:Dispatcher:ClusterCheckMs"] = "300",
        ["Cyclades:Dispatcher:BackendRefreshMs"] = "200",
        ["Cyclades:Dispatcher:SubmissionCheckMs"] = "200",
        ["Cyclades:Dispatcher:BackoffInitialMs"] = "50",
        ["Cyclades:Dispatcher:BackoffMaxMs"] = "400",
        ["Cyclades:Reconciliation:Enabled"] = "false",
        ["Cyclades:Ganeti:GetRetries"] = "0",
    };

    /// <summary>Settings for simulated clusters with these names, jobs taking <paramref name="jobLatencyMs"/>.</summary>
    public static Dictionary<string, string?> SimulatedClusters(int jobLatencyMs, params string[] names)
    {
        var settings = FastDispatcher();
        settings["Cyclades:Ganeti:Simulator:JobLatencyMs"] = jobLatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < names.Length; i++)
        {
            settings[$"Cyclades:Ganeti:Clusters:{i}:Name"] = names[i];
            settings[$"Cyclades:Ganeti:Clusters:{i}:Simulated"] = "true";
            settings[$"Cyclades:Ganeti:Clusters:{i}:Subnet"] = $"10.{i + 1}.0.0/16";
        }
        return settings;
    }

    /// <param name="database">Share this database (another process); null = a fresh one owned by the harness.</param>
    /// <param name="simulators">Share these simulated clusters (another process of the same deployment).</param>
    /// <param name="dispatcher">Run the dispatcher and periodic reconciliation as hosted services.</param>
    public static async Task<DispatchHarness> StartAsync(
        DatabaseProvider provider,
        IDictionary<string, string?> settings,
        TestDatabase? database = null,
        SimulatedClusterRegistry? simulators = null,
        bool dispatcher = true,
        TimeProvider? clock = null)
    {
        var owned = database is null ? await TestDatabase.CreateAsync(provider, migrate: false) : null;
        var db = database ?? owned!;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(LogicHarness.DatabaseSettings(db))
            .AddInMemoryCollection(settings)
            .Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddSingleton<IConfiguration>(configuration);
        if (simulators is not null)
        {
            services.AddSingleton(simulators);
        }
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }
        services.AddCycladesLogic().AddCycladesGaneti(configuration);
        if (dispatcher)
        {
            services.AddCycladesDispatcher();
        }
        var provider1 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var hosted = provider1.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }
        return new DispatchHarness(provider1, hosted, db, owned, logs);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<long> BackendIdAsync(string name) => (await Backends.FindAsync(name, CancellationToken.None))!.Id;

    public async Task<Server> LaunchAsync(string flavor = "t2.nano", long image = 1, string? backend = null, string user = User) =>
        (await Launches.LaunchAsync(new LaunchRequest(user, image, flavor, 1, 1) { BackendName = backend }, CancellationToken.None)).Servers[0].Server;

    public async Task<Server> ServerAsync(long id, string user = User) =>
        (await Queries.GetAsync(user, id, CancellationToken.None))?.Server ?? throw new InvalidOperationException($"No server {id}.");

    /// <summary>Waits until the server satisfies <paramref name="condition"/> (the dispatcher works in the background).</summary>
    public async Task<Server> WaitForAsync(long serverId, Func<Server, bool> condition, string what, TimeSpan? timeout = null, string user = User)
    {
        Server server = null!;
        await Eventually.HoldsAsync(async () => condition(server = await ServerAsync(serverId, user)), what, timeout);
        return server;
    }

    public Task<Server> WaitForStateAsync(long serverId, OperState state, TimeSpan? timeout = null, string user = User) =>
        WaitForAsync(serverId, s => s.OperState == state && s.Task is null, $"server {serverId} {state} without a task", timeout, user);

    public async Task<IReadOnlyDictionary<QuotaResource, long>> UsageAsync(string user = User) =>
        (await Quotas.GetAsync(user, CancellationToken.None)).Resources.ToDictionary(r => r.Resource, r => r.Usage);

    public Task<T> QuerySqlAsync<T>(string sql, object? parameters = null) =>
        Database.Connections.ReadAsync(async db => await db.Connection.QuerySingleAsync<T>(sql, parameters), CancellationToken.None);

    /// <summary>The meter of this "process" (each service provider has its own).</summary>
    public Meter Meter => Get<IMeterFactory>().Create(DispatcherMetrics.MeterName);

    /// <summary>A graceful stop: the hosted services stop and the dispatcher releases its leases.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        foreach (var service in _hosted.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>As if the process died: nothing is released; its leases expire.</summary>
    public async Task CrashAsync()
    {
        _stopped = true;
        await _services.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }
        await _services.DisposeAsync();
        if (_ownedDatabase is not null)
        {
            await _ownedDatabase.DisposeAsync();
        }
    }
}
