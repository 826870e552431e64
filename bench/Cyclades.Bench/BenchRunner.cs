using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;
using Cyclades.Bench.Measurements;
using Cyclades.Bench.Report;

namespace Cyclades.Bench;

/// <summary>
/// Runs the parts in order, each alone on the machine: SQLite (read, write), MariaDB (scale's first
/// size, read, write, scale's larger sizes), moto, and the propagation on the real Ganeti cluster.
/// </summary>
public sealed class BenchRunner(BenchPlan plan, IReadOnlySet<string> parts, RunDirectory run, BenchResults results, Action<string> log)
{
    private readonly Wrk _wrk = new(run);

    /// <summary>The parts, in the order they run (<c>--only</c> picks some).</summary>
    public static readonly IReadOnlyList<string> Parts = ["sqlite", "mariadb", "moto", "propagation"];

    /// <returns>Whether every part ran; a part that failed is reported as not measured, with why.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var complete = await PartAsync("sqlite", "SQLite (read and write paths)", () =>
            DatabaseAsync(BenchDatabase.Sqlite(run.Subdirectory("sqlite")), withScale: false, cancellationToken));
        complete &= await PartAsync("mariadb", "MariaDB (read and write paths, scale)", async () =>
        {
            log("MariaDB: starting a throwaway mariadbd");
            var mariadb = await MariaDbServer.StartAsync(run, cancellationToken);
            var database = new BenchDatabase(DatabaseKind.MariaDb, await mariadb.CreateDatabaseAsync("cyclades", cancellationToken));
            await DatabaseAsync(database, withScale: true, cancellationToken);
        });
        complete &= await PartAsync("moto", "moto peer", () => PeerAsync(cancellationToken));
        complete &= await PartAsync("propagation", "(4) Propagation", () => PropagationAsync(cancellationToken));
        return complete;
    }

    private async Task<bool> PartAsync(string name, string part, Func<Task> measure)
    {
        if (!parts.Contains(name))
        {
            results.NotMeasured.Add(new NotMeasured(part, "left out with --only"));
            return true;
        }
        try
        {
            await measure();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log($"{part} failed: {e.GetType().Name}: {e.Message}");
            results.NotMeasured.Add(new NotMeasured(part, $"failed: {e.Message}"));
            return false;
        }
    }

    private async Task DatabaseAsync(BenchDatabase database, bool withScale, CancellationToken cancellationToken)
    {
        log($"{database.Label}: starting the service");
        await using var service = await ServiceProcess.StartAsync(run, $"service-{database.Label.ToLowerInvariant()}",
            ServiceSettings.For(database, run.Subdirectory($"data-{database.Label.ToLowerInvariant()}")), cancellationToken);
        var catalog = await CatalogAsync(service, database, cancellationToken);
        var scale = new ScalePath(_wrk, plan);
        var size = await GrowAsync(database, catalog, 0, withScale ? plan.ScaleSizes[0] : plan.FleetSize, cancellationToken);
        await WarmUpAsync(service, cancellationToken);
        if (withScale)
        {
            results.Scale.Add(await scale.MeasureAsync(service, size, cancellationToken));
            log($"Scale: p50 {results.Scale[^1].P50Ms:0.00} ms at {size:N0} instances");
        }
        size = await GrowAsync(database, catalog, size, plan.FleetSize, cancellationToken);

        var read = await new ReadPath(_wrk, plan, log).MeasureAsync(service, database, size, cancellationToken);
        results.Read.Add(read);
        if (withScale)
        {
            results.Scale.Add(await scale.MeasureAsync(service, size, cancellationToken));
            log($"Scale: p50 {results.Scale[^1].P50Ms:0.00} ms at {size:N0} instances");
        }

        results.Write.Add(await WriteAsync(service, database, catalog, cancellationToken));

        if (withScale)
        {
            foreach (var target in plan.ScaleSizes.Where(s => s > size))
            {
                size = await GrowAsync(database, catalog, size, target, cancellationToken);
                results.Scale.Add(await scale.MeasureAsync(service, size, cancellationToken));
                log($"Scale: p50 {results.Scale[^1].P50Ms:0.00} ms at {size:N0} instances");
            }
        }
    }

    /// <summary>
    /// This checkout's read path against <paramref name="commit"/>'s (<c>--compare-with</c>): the fleet is made once on
    /// SQLite by this checkout's service, then each service reads its own copy of it (<see cref="ReadPathComparison"/>).
    /// </summary>
    public async Task<ComparisonResult> CompareAsync(string commit, CancellationToken cancellationToken)
    {
        var theirBuild = await OtherCommit.BuildAsync(run, commit, log, cancellationToken);
        var ourData = run.Subdirectory("data-ours");
        var ourDatabase = BenchDatabase.Sqlite(ourData);
        await using (var service = await ServiceProcess.StartAsync(run, "service-fleet", ServiceSettings.For(ourDatabase, ourData), cancellationToken))
        {
            var catalog = await CatalogAsync(service, ourDatabase, cancellationToken);
            await GrowAsync(ourDatabase, catalog, 0, plan.FleetSize, cancellationToken);
        }
        var theirData = run.Subdirectory("data-theirs");
        foreach (var file in Directory.GetFiles(ourData))
        {
            File.Copy(file, Path.Combine(theirData, Path.GetFileName(file)));
        }
        await using var ours = await ServiceProcess.StartAsync(run, "service-ours", ServiceSettings.For(ourDatabase, ourData), cancellationToken);
        await using var theirs = await ServiceProcess.StartAsync(run, "service-theirs",
            ServiceSettings.For(BenchDatabase.Sqlite(theirData), theirData), cancellationToken, assembly: theirBuild);
        return await new ReadPathComparison(_wrk, plan, log).MeasureAsync(ours, theirs, cancellationToken);
    }

    /// <summary>What the fleet is made of (users, flavors, the backend and its public subnet, which this first makes).</summary>
    private static async Task<FleetCatalog> CatalogAsync(ServiceProcess service, BenchDatabase database, CancellationToken cancellationToken)
    {
        using (var client = Ec2Clients.For(service.Endpoint, FleetUsers.Reader))
        {
            // As a user's first look at the networks does, this makes the backend's public subnet (the fleet's ports are on it).
            await client.DescribeSubnetsAsync(new Amazon.EC2.Model.DescribeSubnetsRequest(), cancellationToken);
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FleetCatalog.ReadAsync(connection, FleetUsers.Owners.Select(u => u.Name).ToList(), ServiceSettings.BackendName, WritePath.ImageId);
    }

    /// <summary>A fresh service first runs its code until the runtime has compiled it fully (tiered JIT).</summary>
    private async Task WarmUpAsync(ServiceProcess service, CancellationToken cancellationToken)
    {
        log($"warming the service up ({plan.ServiceWarmup.TotalSeconds:0} s)");
        var (request, _) = await ReadPath.CaptureAsync(service, cancellationToken);
        await _wrk.RunAsync(service.Endpoint, request, 16, plan.ServiceWarmup, cancellationToken);
    }

    private async Task<int> GrowAsync(BenchDatabase database, FleetCatalog catalog, int size, int target, CancellationToken cancellationToken)
    {
        if (target <= size)
        {
            return size;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var connection = await database.OpenForBulkLoadAsync(cancellationToken))
        {
            await FleetGenerator.AppendAsync(connection, catalog, target - size, cancellationToken);
        }
        var loaded = clock.Elapsed;
        await database.SettleAsync(plan.SettleTimeout, cancellationToken);
        log($"{database.Label}: fleet grown to {target:N0} instances in {loaded.TotalSeconds:0.0} s (settled in {(clock.Elapsed - loaded).TotalSeconds:0.0} s)");
        return target;
    }

    private async Task<WritePathResult> WriteAsync(ServiceProcess service, BenchDatabase database, FleetCatalog catalog, CancellationToken cancellationToken)
    {
        log($"{database.Label}: write path, {plan.WriteConcurrency} workers for {plan.WriteDuration.TotalSeconds:0} s");
        var cycles = await new WritePath(plan).MeasureAsync(service, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // let the last terminations settle
        var (bare, barePerSecond) = await BareTransaction.MeasureAsync(database, catalog, plan.WriteConcurrency, plan.WriteDuration, cancellationToken);
        log($"{database.Label}: {cycles.PerSecond:0.0} launches/s (cycle p50 {cycles.Cycles.Percentile(50):0.0} ms); bare tx {barePerSecond:0} /s");
        return new WritePathResult(database.Label, plan.WriteConcurrency, cycles.Cycles.Count, cycles.PerSecond,
            cycles.Cycles.Percentile(50), cycles.Cycles.Percentile(99),
            cycles.RunInstances.Percentile(50), cycles.RunInstances.Percentile(99),
            cycles.Terminates.Percentile(50), cycles.Terminates.Percentile(99),
            bare, barePerSecond);
    }

    private async Task PeerAsync(CancellationToken cancellationToken)
    {
        var moto = new MotoPeer(run, _wrk, plan, log);
        if (await moto.UnavailableAsync(cancellationToken) is { } reason)
        {
            results.NotMeasured.Add(new NotMeasured("moto peer", reason));
            return;
        }
        log($"moto: loading {plan.MotoInstances:N0} instances");
        results.Peer = await moto.MeasureAsync(cancellationToken);
    }

    private async Task PropagationAsync(CancellationToken cancellationToken)
    {
        if (GanetiCluster.FromEnvironment() is not { } cluster)
        {
            results.NotMeasured.Add(new NotMeasured("(4) Propagation",
                "the real Ganeti test cluster is not configured (CYCLADES_TEST_GANETI_URL unset): run `scripts/ganeti-test-cluster up` and " +
                "`source <(scripts/ganeti-test-cluster env)` first"));
            return;
        }
        log($"Propagation: {plan.PropagationJobs} jobs on {cluster.Url}");
        results.Propagation = await new PropagationPath(run, plan, log).MeasureAsync(cluster, cancellationToken);
    }
}
