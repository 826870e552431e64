using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;
using Microsoft.Extensions.Logging;

namespace Cyclades.Tests.Dispatch;

/// <summary>The dispatcher over a simulated cluster: our jobs' results, an administrator's jobs, failures.</summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class DispatcherOnSimulatorTests(DatabaseProvider provider)
{
    private const string Cluster = "sim-a";
    private static readonly CancellationToken None = CancellationToken.None;
    private DispatchHarness _harness = null!;
    private MetricRecorder _metrics = null!;

    private SimulatedGanetiCluster Simulator => _harness.Simulators.GetOrCreate(Cluster);

    [SetUp]
    public async Task Start()
    {
        _harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(100, Cluster));
        _metrics = new MetricRecorder(_harness.Meter);
    }

    [TearDown]
    public async Task Stop()
    {
        _metrics.Dispose();
        await _harness.DisposeAsync();
    }

    [Test]
    public async Task A_new_server_reaches_started_its_task_is_cleared_and_the_lag_is_measured()
    {
        var server = await _harness.LaunchAsync();

        var started = await _harness.WaitForStateAsync(server.Id, OperState.Started);

        Assert.That((started.LastJob!.JobId, started.LastJob.Operation, started.LastJob.Status),
            Is.EqualTo((server.Task!.JobId!.Value, ServerOperation.Create, JobStatus.Success)));
        Assert.That(_metrics.Values(DispatcherMetrics.LagInstrument), Has.Count.EqualTo(1).And.All.GreaterThanOrEqualTo(0));
        Assert.That(_metrics.Sum(DispatcherMetrics.JobsSubmittedInstrument, ("operation", "CREATE")), Is.EqualTo(1));
        Assert.That(_metrics.Sum(DispatcherMetrics.EventsInstrument, ("status", "SUCCESS"), ("outcome", "APPLIED")), Is.EqualTo(1));
        await AssertQuotaConsistentAsync();
    }

    [Test]
    public async Task Stop_start_reboot_resize_and_destroy_reach_the_database()
    {
        var server = await StartedAsync();

        await _harness.Commands.StopAsync(DispatchHarness.User, server.Id, null, None);
        await _harness.WaitForStateAsync(server.Id, OperState.Stopped);
        await _harness.Commands.ResizeAsync(DispatchHarness.User, server.Id, "t2.medium", None);
        var resized = await _harness.WaitForAsync(server.Id, s => s.Task is null, "resize done");
        await _harness.Commands.StartAsync(DispatchHarness.User, server.Id, None);
        await _harness.WaitForStateAsync(server.Id, OperState.Started);
        await _harness.Commands.RebootAsync(DispatchHarness.User, server.Id, RebootKind.Hard, None);
        await _harness.WaitForAsync(server.Id, s => s.Task is null && s.LastJob!.Operation == ServerOperation.Reboot, "reboot done");
        await _harness.Commands.DestroyAsync(DispatchHarness.User, server.Id, None);
        await _harness.WaitForAsync(server.Id, s => s.Deleted, "destroyed");

        var medium = (await _harness.Get<Cyclades.Logic.Catalog.CatalogService>().FindFlavorAsync("t2.medium", None))!;
        Assert.That(resized.FlavorId, Is.EqualTo(medium.Id));
        Assert.That(Simulator.FindInstance(server.InstanceName), Is.Null);
        Assert.That((await _harness.UsageAsync()).Values, Is.All.Zero);
        await AssertQuotaConsistentAsync();
    }

    [Test]
    public async Task An_administrators_shutdown_is_caught_by_the_job_scan_with_a_forced_commission()
    {
        var server = await StartedAsync();

        Simulator.AdminShutdown(server.InstanceName);

        var stopped = await _harness.WaitForStateAsync(server.Id, OperState.Stopped);
        Assert.That(stopped.LastJob!.Operation, Is.EqualTo(ServerOperation.Stop));
        Assert.That(await _harness.QuerySqlAsync<long>(
            "SELECT COUNT(*) FROM commissions WHERE server_id = @id AND forced = 1 AND state = 'ACCEPTED'", new { id = server.Id }), Is.EqualTo(1));
        Assert.That((await _harness.UsageAsync())[QuotaResource.Cpu], Is.Zero, "a stopped server holds no active CPU");
        await AssertQuotaConsistentAsync();
    }

    [Test]
    public async Task Destroying_a_server_whose_instance_is_already_gone_destroys_it()
    {
        // No job scan: the administrator's removal stays unseen, so only our failed removal tells.
        var settings = DispatchHarness.SimulatedClusters(100, Cluster);
        settings["Cyclades:Dispatcher:JobScanMs"] = "600000";
        await using var harness = await DispatchHarness.StartAsync(provider, settings);
        var simulator = harness.Simulators.GetOrCreate(Cluster);
        var server = await harness.WaitForStateAsync((await harness.LaunchAsync()).Id, OperState.Started);
        var removal = simulator.AdminRemove(server.InstanceName);
        await Eventually.HoldsAsync(() => simulator.FindJob(removal)?.Status == "success", "the administrator's removal");

        var destroy = await harness.Commands.DestroyAsync(DispatchHarness.User, server.Id, None);

        var destroyed = await harness.WaitForAsync(server.Id, s => s.Deleted, "destroyed");
        Assert.That((destroyed.OperState, destroyed.LastJob!.JobId, destroyed.LastJob.Status),
            Is.EqualTo((OperState.Destroyed, destroy.After.Task!.JobId!.Value, JobStatus.Error)));
        Assert.That(destroyed.LastJob.Message, Does.Contain("not known"));
        Assert.That((await harness.UsageAsync()).Values, Is.All.Zero);
    }

    [Test]
    public async Task A_cluster_outage_is_logged_once_backed_off_and_the_results_arrive_after_it()
    {
        Simulator.Options.JobLatencyMs = 1000;
        var server = await _harness.LaunchAsync();
        Simulator.Stop();
        // The later event that proves no result arrived while the cluster was down: the dispatcher met the outage and
        // the create has since finished inside Ganeti, yet the server is still building.
        await Eventually.HoldsAsync(() => _harness.Logs.Count(LogLevel.Warning, $"Ganeti cluster '{Cluster}' is failing") == 1, "the outage met");
        await Eventually.HoldsAsync(() => Simulator.FindInstance(server.InstanceName)?.OperState == true, "the create done inside Ganeti");
        Assert.That((await _harness.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Build));

        Simulator.Start();

        await _harness.WaitForStateAsync(server.Id, OperState.Started);
        Assert.That(_harness.Logs.Count(LogLevel.Warning, $"Ganeti cluster '{Cluster}' is failing"), Is.EqualTo(1));
        await Eventually.HoldsAsync(() => _harness.Logs.Count(LogLevel.Information, $"Ganeti cluster '{Cluster}' recovered") == 1, "recovery logged");
    }

    [Test]
    public async Task A_rebuilt_cluster_restarts_job_ids_without_confusing_old_tasks_with_new_jobs()
    {
        var old = await StartedAsync();
        Simulator.Options.JobLatencyMs = 60_000;
        var stop = await _harness.Commands.StopAsync(DispatchHarness.User, old.Id, null, None);
        var backendId = await _harness.BackendIdAsync(Cluster);
        var oldClusterId = (await _harness.Backends.GetAsync(backendId, None))!.ClusterId;

        Simulator.Rebuild();
        Simulator.Options.JobLatencyMs = 100;
        // The new cluster's jobs get the ids the old one had: 1 (create), then 2 like the old stop.
        var fresh = await StartedAsync();
        await _harness.Commands.StopAsync(DispatchHarness.User, fresh.Id, null, None);
        await _harness.WaitForStateAsync(fresh.Id, OperState.Stopped);

        var stuck = await _harness.WaitForAsync(old.Id, s => s.Task is null, "the old stop task cleared");
        Assert.That(stop.After.Task!.JobId, Is.EqualTo(2));
        Assert.That(stuck.OperState, Is.EqualTo(OperState.Started), "the new job 2 is not the old task's job");
        Assert.That((await _harness.Quotas.GetCommissionAsync(stop.After.CommissionId!.Value, None))!.State, Is.EqualTo(CommissionState.Rejected));
        await Eventually.HoldsAsync(async () => (await _harness.Backends.GetAsync(backendId, None))!.ClusterId == Simulator.Uuid, "the new identity stored");
        Assert.That(Simulator.Uuid, Is.Not.EqualTo(oldClusterId));
        await AssertQuotaConsistentAsync();
    }

    [Test]
    public async Task A_restarted_dispatcher_delivers_everything_again_harmlessly()
    {
        var server = await StartedAsync();
        await _harness.Commands.StopAsync(DispatchHarness.User, server.Id, null, None);
        await _harness.WaitForStateAsync(server.Id, OperState.Stopped);
        var usage = await _harness.UsageAsync();
        var commissions = await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions");
        var before = await _harness.ServerAsync(server.Id);

        await using var second = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(100, Cluster),
            _harness.Database, _harness.Simulators);
        await _harness.StopAsync();
        var backendId = await second.BackendIdAsync(Cluster);
        await Eventually.HoldsAsync(() => second.Leadership.IsLeader(backendId), "the second process leads");
        await Eventually.HoldsAsync(() => second.Logs.Lines.Count(l => l.Message.Contains("ended Success: Stale", StringComparison.Ordinal)) >= 2,
            "the old jobs delivered again");

        Assert.That(await _harness.UsageAsync(), Is.EqualTo(usage));
        Assert.That(await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions"), Is.EqualTo(commissions));
        Assert.That(await _harness.ServerAsync(server.Id), Is.EqualTo(before));
    }

    [Test]
    public async Task A_backend_disabled_later_loses_its_dispatcher_and_gets_it_back_when_enabled()
    {
        var backendId = await _harness.BackendIdAsync(Cluster);
        await Eventually.HoldsAsync(() => _harness.Leadership.IsLeader(backendId), "leading");

        await _harness.Backends.SetEnabledAsync(Cluster, false, None);
        await Eventually.HoldsAsync(() => !_harness.Leadership.IsLeader(backendId), "no longer leading");
        await _harness.Backends.SetEnabledAsync(Cluster, true, None);

        await Eventually.HoldsAsync(() => _harness.Leadership.IsLeader(backendId), "leading again");
    }

    private async Task<Server> StartedAsync()
    {
        var server = await _harness.LaunchAsync();
        return await _harness.WaitForStateAsync(server.Id, OperState.Started);
    }

    private async Task AssertQuotaConsistentAsync()
    {
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(_harness.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UsageDriftAsync(_harness.Database.Connections), Is.Empty);
    }
}
