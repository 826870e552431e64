using Cyclades.Logic;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Events;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Maintenance;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cyclades.Tests.Logic.Support;

/// <summary>
/// The logic core as a host builds it (<see cref="LogicServiceCollectionExtensions.AddCycladesLogic"/>,
/// start-up migration and sync) on a fresh test database, with recording cluster drivers.
/// </summary>
public sealed class LogicHarness : IAsyncDisposable
{
    public const string ZoneA = "zone-a";
    public const string ZoneB = "zone-b";
    public const string User = "user-1";

    /// <summary>The worked example's flavor (reference §7.2): 2 CPU, 1024 MiB, 20 GiB.</summary>
    public const string Small = "c2.r1.d20";

    /// <summary>4 CPU, 2048 MiB, same disk as <see cref="Small"/>.</summary>
    public const string Large = "c4.r2.d20";

    public const string BiggerDisk = "c2.r1.d40";
    public const string OtherTemplate = "c2.r1.d20.plain";
    public const long Image = 1;
    public const long KeyImage = 2;

    private readonly ServiceProvider _services;
    private DateTimeOffset _eventClock = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private LogicHarness(TestDatabase database, ServiceProvider services, RecordingClusterDriverFactory drivers)
    {
        Database = database;
        _services = services;
        Drivers = drivers;
    }

    public TestDatabase Database { get; }

    public RecordingClusterDriverFactory Drivers { get; }

    public RecordingClusterDriver Driver => Drivers.For(ZoneA);

    public IServiceProvider Services => _services;

    public ServerCommands Commands => Get<ServerCommands>();

    public ServerQueries Queries => Get<ServerQueries>();

    public LaunchService Launches => Get<LaunchService>();

    public BackendEventProcessor Events => Get<BackendEventProcessor>();

    public QuotaService Quotas => Get<QuotaService>();

    public CatalogService Catalog => Get<CatalogService>();

    public BackendRegistry Backends => Get<BackendRegistry>();

    public CommissionReconciler CommissionReconciler => Get<CommissionReconciler>();

    public UsageReconciler UsageReconciler => Get<UsageReconciler>();

    public ServerMaintenance Maintenance => Get<ServerMaintenance>();

    public static async Task<LogicHarness> CreateAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(DefaultSettings(database))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var drivers = new RecordingClusterDriverFactory();
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IClusterDriverFactory>(drivers)
            .AddSingleton<IBackendDefinitionSource, ConfiguredBackends>()
            .AddCycladesLogic()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var startup in services.GetServices<IHostedService>())
        {
            await startup.StartAsync(CancellationToken.None);
        }
        return new LogicHarness(database, services, drivers);
    }

    public static Dictionary<string, string?> DefaultSettings(TestDatabase database) =>
        new(CatalogAndBackends.Concat(DatabaseSettings(database)));

    /// <summary>The test database and a fixed secrets key.</summary>
    public static Dictionary<string, string?> DatabaseSettings(TestDatabase database) => new()
    {
        ["Cyclades:DataDirectory"] = Path.Combine(Path.GetTempPath(), "cyclades-test-data"),
        ["Cyclades:Database:Provider"] = database.Target.Provider.ToString(),
        ["Cyclades:Database:ConnectionString"] = database.Target.ConnectionString,
        ["Cyclades:Secrets:Key"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    /// <summary>The test catalog (sized after the reference's worked example) and one backend.</summary>
    public static IReadOnlyDictionary<string, string?> CatalogAndBackends { get; } = new Dictionary<string, string?>(
        Flavor(0, Small, 2, 1024, 20, "file")
            .Concat(Flavor(1, Large, 4, 2048, 20, "file"))
            .Concat(Flavor(2, BiggerDisk, 2, 1024, 40, "file"))
            .Concat(Flavor(3, OtherTemplate, 2, 1024, 20, "plain")))
    {
        ["Cyclades:Backends:0:Name"] = ZoneA,
        ["Cyclades:Backends:0:Url"] = "https://127.0.0.1:5080",
        ["Cyclades:Backends:0:User"] = "gnt-test",
        ["Cyclades:Backends:0:Password"] = "gnt-test-pass",
        ["Cyclades:Backends:0:Subnet"] = "10.9.0.0/24",
        ["Cyclades:Images:0:Id"] = "ami-00000001", // the form earlier versions used: image 1
        ["Cyclades:Images:0:Name"] = "noop-default",
        ["Cyclades:Images:0:Os"] = "noop+default",
        ["Cyclades:Images:0:OsParameters:img_id"] = "noop-default",
        ["Cyclades:Images:1:Id"] = "2",
        ["Cyclades:Images:1:Name"] = "noop-with-key",
        ["Cyclades:Images:1:Os"] = "noop+default",
        ["Cyclades:Images:1:OsParameters:img_id"] = "noop-with-key",
        ["Cyclades:Images:1:OsParameters:img_format"] = "diskdump",
        ["Cyclades:Images:1:KeyParameter"] = "img_properties",
    };

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The settings of flavor number <paramref name="index"/>.</summary>
    public static Dictionary<string, string?> Flavor(int index, string name, int cpu, int ramMiB, int diskGiB, string template) => new()
    {
        [$"Cyclades:Flavors:{index}:Name"] = name,
        [$"Cyclades:Flavors:{index}:Cpu"] = cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Cyclades:Flavors:{index}:RamMiB"] = ramMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Cyclades:Flavors:{index}:DiskGiB"] = diskGiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Cyclades:Flavors:{index}:DiskTemplate"] = template,
    };

    public async Task<long> BackendIdAsync(string name = ZoneA) => (await Backends.FindAsync(name, CancellationToken.None))!.Id;

    public async Task<IReadOnlyList<ServerView>> LaunchAsync(string user = User, int count = 1, string flavor = Small, long image = Image) =>
        (await Launches.LaunchAsync(new LaunchRequest(user, image, flavor, count, count), CancellationToken.None)).Servers;

    /// <summary>A server whose create job succeeded: STARTED, no task.</summary>
    public async Task<Server> StartedServerAsync(string user = User, string flavor = Small)
    {
        var server = (await LaunchAsync(user, 1, flavor))[0].Server;
        await FinishAsync(server.Task!.JobId!.Value, JobStatus.Success);
        return await ServerAsync(server.Id);
    }

    /// <summary>A started server that was then stopped: STOPPED, no task.</summary>
    public async Task<Server> StoppedServerAsync(string user = User, string flavor = Small)
    {
        var server = await StartedServerAsync(user, flavor);
        var stop = await Commands.StopAsync(user, server.Id, null, CancellationToken.None);
        await FinishAsync(stop.After.Task!.JobId!.Value, JobStatus.Success);
        return await ServerAsync(server.Id);
    }

    public DateTimeOffset NextEventTime() => _eventClock = _eventClock.AddMilliseconds(1);

    /// <summary>The event the dispatcher would deliver for a job we submitted.</summary>
    public async Task<BackendEvent> EventForAsync(long jobId, JobStatus status, DateTimeOffset? at = null, bool instanceMissing = false)
    {
        var job = FindJob(jobId);
        return new BackendEvent(
            await BackendIdAsync(job.Driver.Backend), job.Job.InstanceName, jobId, job.Job.Operation, status,
            at ?? NextEventTime(), status == JobStatus.Error ? "job failed" : null, job.Job.Cpu, job.Job.RamMiB, instanceMissing);
    }

    /// <summary>Delivers the final (or any) status of a job we submitted.</summary>
    public async Task<EventResult> FinishAsync(long jobId, JobStatus status, bool instanceMissing = false)
    {
        var job = FindJob(jobId);
        job.Driver.SetStatus(jobId, status);
        return await Events.ApplyAsync(await EventForAsync(jobId, status, instanceMissing: instanceMissing), CancellationToken.None);
    }

    /// <summary>A job the cluster ran that we did not submit (an administrator's).</summary>
    public async Task<EventResult> AdminJobAsync(Server server, ServerOperation operation, JobStatus status, long jobId, int? cpu = null, int? ramMiB = null) =>
        await Events.ApplyAsync(
            new BackendEvent(server.BackendId, server.InstanceName, jobId, operation, status, NextEventTime(), null, cpu, ramMiB),
            CancellationToken.None);

    public async Task<Server> ServerAsync(long id) =>
        await Database.Connections.ReadAsync(db => ServerRepository.LockAsync(db, id, CancellationToken.None), CancellationToken.None)
        ?? throw new InvalidOperationException($"No server {id}.");

    public async Task<Commission> CommissionAsync(long id) =>
        await Quotas.GetCommissionAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No commission {id}.");

    public async Task<IReadOnlyList<Commission>> CommissionsOfAsync(long serverId)
    {
        var ids = await Database.Connections.ReadAsync(
            async db => (await db.Connection.QueryAsync<long>("SELECT id FROM commissions WHERE server_id = @serverId ORDER BY id", new { serverId })).ToList(),
            CancellationToken.None);
        var commissions = new List<Commission>();
        foreach (var id in ids)
        {
            commissions.Add(await CommissionAsync(id));
        }
        return commissions;
    }

    public Task ExecuteSqlAsync(string sql, object? parameters = null) =>
        Database.Connections.ReadAsync(async db => await db.Connection.ExecuteAsync(sql, parameters), CancellationToken.None);

    public Task<T> QuerySqlAsync<T>(string sql, object? parameters = null) =>
        Database.Connections.ReadAsync(async db => await db.Connection.QuerySingleAsync<T>(sql, parameters), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private (RecordingClusterDriver Driver, SubmittedJob Job) FindJob(long jobId)
    {
        foreach (var backend in new[] { ZoneA, ZoneB })
        {
            var driver = Drivers.For(backend);
            if (driver.Jobs.FirstOrDefault(j => j.Id == jobId) is { } job)
            {
                return (driver, job);
            }
        }
        throw new InvalidOperationException($"No job {jobId} was submitted.");
    }
}
