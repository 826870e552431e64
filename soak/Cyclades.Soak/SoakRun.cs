using System.Diagnostics;
using Cyclades.Bench.Infrastructure;
using Cyclades.Soak.Checks;
using Cyclades.Soak.Cluster;
using Cyclades.Soak.Fleet;
using Cyclades.Soak.Nodes;
using MySqlConnector;

namespace Cyclades.Soak;

/// <param name="ServiceAssembly">The service's built dll (the process every API node runs, with its <c>manage</c> verb).</param>
/// <param name="SimulatorAssembly">Cyclades.Ganeti.Simulator's built dll.</param>
/// <param name="RealCluster">The real Ganeti test cluster instead of the simulator.</param>
public sealed record SoakPaths(string ServiceAssembly, string SimulatorAssembly, RealCluster? RealCluster);

/// <summary>
/// One soak: MariaDB, the cluster, the API nodes (the first <see cref="SoakPlan.DispatcherNodes"/>
/// with the dispatcher), then the fleet and the kills until the plan's bound, then every node
/// restarted and the end checks. Returns the figures.
/// </summary>
public sealed class SoakRun(SoakPlan plan, SoakPaths paths, RunDirectory run, int seed)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public Figures Figures { get; } = new();

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        Log($"{plan.Name} soak in {run.Path} (seed {seed}); service {paths.ServiceAssembly}");
        var mariadb = await MariaDbServer.StartAsync(run, cancellationToken);
        var connectionString = new MySqlConnectionStringBuilder(await mariadb.CreateDatabaseAsync("cyclades_soak", cancellationToken))
        {
            MaximumPoolSize = 50,
        }.ConnectionString;
        await using SoakCluster cluster = paths.RealCluster ?? (SoakCluster)await SimulatorCluster.StartAsync(run, paths.SimulatorAssembly, plan, cancellationToken);
        Log($"MariaDB up; cluster at {cluster.Url}{(paths.RealCluster is null ? " (simulator, injecting faults)" : " (real Ganeti)")}");

        var users = Enumerable.Range(0, plan.Workers).Select(SoakUser.Numbered).ToList();
        var configuration = new ServiceConfiguration(paths.ServiceAssembly, connectionString,
            cluster.ServiceSettings(ServiceConfiguration.BackendName), users);
        var nodes = Enumerable.Range(0, plan.ApiNodes).Select(i => new ApiNode(run, configuration, i, dispatcher: i < plan.DispatcherNodes)).ToList();
        await nodes[0].StartAsync(cancellationToken); // migrates the empty database first
        await Task.WhenAll(nodes.Skip(1).Select(node => node.StartAsync(cancellationToken)));
        Log($"{nodes.Count} API nodes up ({string.Join(", ", nodes.Select(n => $"{n.Name} {n.Endpoint}"))})");

        var database = new SoakDatabase(connectionString);
        await RunFleetAsync(nodes, users, database, cancellationToken);

        await cluster.StopFaultsAsync(cancellationToken);
        Log("fleet stopped; faults off; every node killed and started again");
        foreach (var node in nodes)
        {
            await node.KillAsync();
        }
        await Task.WhenAll(nodes.Select(node => node.StartAsync(cancellationToken)));
        var faults = await cluster.FaultsAsync(cancellationToken);

        await new EndChecks(database, cluster, new ManageCommand(run, configuration), configuration.InstanceNamePrefix, plan, Figures, Log)
            .RunAsync(cancellationToken);
        foreach (var node in nodes)
        {
            await node.KillAsync();
        }
        return Figures.Summary(plan.Name, _clock.Elapsed, faults);
    }

    private async Task RunFleetAsync(List<ApiNode> nodes, List<SoakUser> users, SoakDatabase database, CancellationToken cancellationToken)
    {
        using var clients = new SoakClients(nodes, Figures);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(plan.Duration);
        string[] instanceTypes = ["t2.nano", "t2.micro", "t2.small"];
        var workers = users.Select((user, i) => new FleetWorker(user, clients, plan, Figures, instanceTypes, seed + i + 1)
            .RunAsync(() => Figures.Operations < plan.MaxOperations, bound.Token)).ToList();
        var chaos = new Chaos(nodes, database, plan, Figures, Log, seed).RunAsync(bound.Token);
        using var progress = new PeriodicTimer(TimeSpan.FromSeconds(15));
        var fleet = Task.WhenAll(workers);
        while (!fleet.IsCompleted)
        {
            await Task.WhenAny(fleet, progress.WaitForNextTickAsync(cancellationToken).AsTask());
            Log($"{Figures.Operations} operations, {Figures.Answered5xx} answers 5xx so far");
        }
        await bound.CancelAsync();
        await fleet;
        await chaos;
    }

    private void Log(string message) => Console.Error.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");
}
