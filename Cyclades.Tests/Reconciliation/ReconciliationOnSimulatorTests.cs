using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;
using Dapper;

namespace Cyclades.Tests.Reconciliation;

/// <summary>
/// Reconciliation of a simulated cluster with the dispatcher off, so that the database falls behind
/// the cluster exactly as the test arranges.
/// </summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class ReconciliationOnSimulatorTests(DatabaseProvider provider)
{
    private const string Cluster = "sim-a";
    private static readonly CancellationToken None = CancellationToken.None;
    private DispatchHarness _harness = null!;

    private SimulatedGanetiCluster Simulator => _harness.Simulators.GetOrCreate(Cluster);

    [SetUp]
    public async Task Start() =>
        _harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(0, Cluster), dispatcher: false);

    [TearDown]
    public async Task Stop() => await _harness.DisposeAsync();

    [Test]
    public async Task Every_kind_of_difference_is_reported_then_fixed_through_events_with_quotas_following()
    {
        var crashed = await StartedAsync();
        var removed = await StartedAsync();
        var resized = await StartedAsync();
        var lostJob = await StartedAsync();
        var finished = await _harness.LaunchAsync();                       // create done, never delivered
        var failed = await _harness.LaunchAsync("t2.nano", 3); // OS install fails, never delivered
        var unsubmitted = await _harness.LaunchAsync();
        var unknownCreate = await _harness.LaunchAsync();
        Simulator.CrashInstance(crashed.InstanceName);
        Simulator.AdminRemove(removed.InstanceName);
        using (var client = Simulator.CreateClient())
        {
            await client.Instances.ModifyAsync(resized.InstanceName,
                new InstanceModifyRequest { BeParams = new GanetiBeParams { VCpus = 2, MinMemoryMiB = 4096, MaxMemoryMiB = 4096 } });
        }
        Simulator.AdminCreate("snf-987654321");
        await ExecuteAsync("UPDATE servers SET task = 'STOP', task_job_id = 4242 WHERE id = @id", new { id = lostJob.Id });
        await ExecuteAsync("UPDATE servers SET task_job_id = NULL, created_at = 0 WHERE id = @id", new { id = unsubmitted.Id });
        await ExecuteAsync("UPDATE servers SET task_job_id = 4343 WHERE id = @id", new { id = unknownCreate.Id });
        Simulator.AdminRemove(unsubmitted.InstanceName);
        Simulator.AdminRemove(unknownCreate.InstanceName);

        var dryRun = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);

        Assert.That(dryRun.Findings.Select(f => (f.Kind, f.InstanceName)), Is.EquivalentTo(new[]
        {
            (FindingKind.UnsyncedState, crashed.InstanceName),
            (FindingKind.StaleServer, removed.InstanceName),
            (FindingKind.UnsyncedFlavor, resized.InstanceName),
            (FindingKind.StaleTask, lostJob.InstanceName),
            (FindingKind.StaleTask, finished.InstanceName),
            (FindingKind.StaleTask, failed.InstanceName),
            (FindingKind.UnsubmittedBuild, unsubmitted.InstanceName),
            (FindingKind.StaleTask, unknownCreate.InstanceName),
            (FindingKind.BuildError, unknownCreate.InstanceName),
            (FindingKind.OrphanInstance, "snf-987654321"),
        }));
        Assert.That(dryRun.Findings, Has.All.Matches<ReconciliationFinding>(f => !f!.Fixed && f.Fix is not null));
        Assert.That((await _harness.ServerAsync(crashed.Id)).OperState, Is.EqualTo(OperState.Started), "a dry run changes nothing");

        var fix = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);

        Assert.That(fix.Findings.Where(f => !f.Fixed).Select(f => $"{f.Kind} {f.InstanceName}: {f.Error}"), Is.Empty);
        Assert.That((await _harness.ServerAsync(finished.Id)).OperState, Is.EqualTo(OperState.Started));
        Assert.That((await _harness.ServerAsync(failed.Id)).OperState, Is.EqualTo(OperState.Error));
        Assert.That((await _harness.ServerAsync(crashed.Id)).OperState, Is.EqualTo(OperState.Stopped));
        Assert.That((await _harness.ServerAsync(removed.Id)).Deleted, Is.True);
        Assert.That((await _harness.ServerAsync(resized.Id)).FlavorId, Is.EqualTo(await FlavorIdAsync("t2.medium")));
        Assert.That((await _harness.ServerAsync(lostJob.Id)).Task, Is.Null);
        Assert.That((await _harness.ServerAsync(unsubmitted.Id)).Deleted, Is.True);
        Assert.That((await _harness.ServerAsync(unknownCreate.Id)).OperState, Is.EqualTo(OperState.Error));
        await Eventually.HoldsAsync(() => Simulator.FindInstance("snf-987654321") is null, "the orphan removed");
        Assert.That(await QuotaInvariants.UsageDriftAsync(_harness.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(_harness.Database.Connections), Is.Empty);
        Assert.That((await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None)).Findings, Is.Empty,
            "nothing is left to fix");
    }

    [Test]
    public async Task A_server_whose_create_job_still_runs_is_left_alone()
    {
        Simulator.Options.JobLatencyMs = 60_000;
        var building = await _harness.LaunchAsync();

        var report = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);

        Assert.That(report.Findings, Is.Empty);
        Assert.That((await _harness.ServerAsync(building.Id)).OperState, Is.EqualTo(OperState.Build));
    }

    [Test]
    public async Task A_stopped_server_running_on_the_cluster_is_started_with_a_forced_commission()
    {
        var server = await StartedAsync();
        await ExecuteAsync("UPDATE servers SET operstate = 'STOPPED' WHERE id = @id", new { id = server.Id });
        await _harness.Get<Cyclades.Logic.Maintenance.UsageReconciler>().ReconcileAsync(fix: true, None);
        var usage = await _harness.UsageAsync();
        Assert.That(usage[QuotaResource.Cpu], Is.Zero);

        await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);

        Assert.That((await _harness.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Started));
        Assert.That((await _harness.UsageAsync())[QuotaResource.Cpu], Is.EqualTo(1));
        Assert.That(await QuotaInvariants.UsageDriftAsync(_harness.Database.Connections), Is.Empty);
    }

    /// <summary>A started server: its create job is done and (the dispatcher being off) reconciliation applied it.</summary>
    private async Task<Server> StartedAsync()
    {
        var server = await _harness.LaunchAsync();
        await _harness.Reconciler.ReconcileAsync(Cluster, new ReconciliationRequest(true, new HashSet<FindingKind> { FindingKind.StaleTask }), None);
        var started = await _harness.ServerAsync(server.Id);
        Assert.That(started.OperState, Is.EqualTo(OperState.Started));
        return started;
    }

    private async Task<long> FlavorIdAsync(string name) =>
        (await _harness.Get<Cyclades.Logic.Catalog.CatalogService>().FindFlavorAsync(name, None))!.Id;

    private Task ExecuteAsync(string sql, object parameters) =>
        _harness.Database.Connections.ReadAsync(async db => await db.Connection.ExecuteAsync(sql, parameters), None);
}
