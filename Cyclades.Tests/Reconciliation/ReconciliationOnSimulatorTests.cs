using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;
using Dapper;
using Microsoft.Extensions.Logging;

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
    private const long GiB = 1L << 30;
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
        Simulator.ArchiveFinishedJobs(); // the job list no longer shows the create jobs: none for the unsubmitted server to adopt
        Simulator.CrashInstance(crashed.InstanceName);
        Simulator.AdminRemove(removed.InstanceName);
        using (var client = Simulator.CreateClient())
        {
            await client.Instances.ModifyAsync(resized.InstanceName,
                new InstanceModifyRequest { BeParams = new GanetiBeParams { VCpus = 2, MinMemoryMiB = 4096, MaxMemoryMiB = 4096 } });
        }
        Simulator.AdminCreate("snf-987654321");
        await ExecuteAsync("UPDATE servers SET task = 'STOP', task_job_id = 4242 WHERE id = @id", new { id = lostJob.Id });
        await ExecuteAsync("UPDATE servers SET task_job_id = NULL, task_at = 0, task_heartbeat_at = 0 WHERE id = @id", new { id = unsubmitted.Id });
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

    [Test]
    public async Task A_result_that_cannot_be_applied_is_counted_and_stays_a_finding_until_really_fixed()
    {
        using var metrics = new MetricRecorder(_harness.Meter);
        var server = await StartedAsync();
        long jobId;
        using (var client = Simulator.CreateClient())
        {
            // 3 vCPUs: no flavor has those specs.
            jobId = await client.Instances.ModifyAsync(server.InstanceName,
                new InstanceModifyRequest { BeParams = new GanetiBeParams { VCpus = 3, MinMemoryMiB = 512, MaxMemoryMiB = 512 } });
        }
        await ExecuteAsync("UPDATE servers SET task = 'RESIZE', task_job_id = @jobId WHERE id = @id", new { jobId, id = server.Id });

        var first = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);

        var stale = first.Findings.Single(f => f.Kind == FindingKind.StaleTask);
        Assert.That((stale.Fixed, stale.Error), Is.EqualTo((false, $"the result of job {jobId} could not be applied; the task still waits for it")));
        Assert.That(metrics.Sum(Cyclades.Logic.Diagnostics.LogicMetrics.UnappliedEventsInstrument, ("reason", "NO_MATCHING_FLAVOR")), Is.EqualTo(1));
        Assert.That(metrics.Sum(Cyclades.Logic.Diagnostics.LogicMetrics.FindingsInstrument, ("kind", "StaleTask"), ("fixed", false)), Is.EqualTo(1));

        await ExecuteAsync("UPDATE servers SET task = NULL, task_job_id = NULL, commission_id = NULL WHERE id = @id", new { id = server.Id });
        var again = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);
        Assert.That(again.Findings.Select(f => (f.Kind, f.Fix, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnsyncedFlavor, (string?)null, false) }),
            "reported as long as the cluster's specs match no flavor");
    }

    [Test]
    public async Task A_launch_whose_process_died_is_settled_once_its_heartbeat_is_old_and_a_live_one_is_never_touched()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var harness = await DispatchHarness.StartAsync(DatabaseProvider.Sqlite, DispatchHarness.SimulatedClusters(0, Cluster),
            dispatcher: false, clock: clock);
        var simulator = harness.Simulators.GetOrCreate(Cluster);
        var neverSubmitted = await harness.LaunchAsync();
        simulator.ArchiveFinishedJobs(); // as if its create job had never reached the cluster
        simulator.AdminRemove(neverSubmitted.InstanceName);
        var submitted = await harness.LaunchAsync();
        var alive = await harness.LaunchAsync();
        // The launches' process died after submitting (or not) and before recording the job ids.
        foreach (var server in new[] { neverSubmitted, submitted, alive })
        {
            await harness.Database.Connections.ReadAsync(async db => await db.Connection.ExecuteAsync(
                "UPDATE servers SET task_job_id = NULL WHERE id = @id", new { id = server.Id }), None);
        }
        async Task<IReadOnlyList<(FindingKind, string, bool)>> ReconcileAsync() =>
            (await harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None)).Findings
                .Select(f => (f.Kind, f.InstanceName, f.Fixed)).ToList();
        async Task RenewAsync(Server server) =>
            await harness.Database.Connections.ReadAsync(async db => await db.Connection.ExecuteAsync(
                "UPDATE servers SET task_heartbeat_at = @now WHERE id = @id", new { id = server.Id, now = UnixTime.ToMicros(clock.GetUtcNow()) }), None);

        clock.Advance(TimeSpan.FromSeconds(20));
        await RenewAsync(alive);
        Assert.That(await ReconcileAsync(), Is.Empty, "20 s without a heartbeat: still submitting, left alone");

        clock.Advance(TimeSpan.FromSeconds(15));
        await RenewAsync(alive);
        Assert.That(await ReconcileAsync(), Is.EquivalentTo(new[]
        {
            (FindingKind.UnsubmittedBuild, neverSubmitted.InstanceName, true),
            (FindingKind.UnsubmittedBuild, submitted.InstanceName, true),
        }));

        var released = await harness.ServerAsync(neverSubmitted.Id);
        Assert.That((released.Deleted, released.Task), Is.EqualTo((true, (ServerTask?)null)), "shown terminated");
        var adopted = await harness.ServerAsync(submitted.Id);
        Assert.That(adopted.Task, Is.EqualTo(submitted.Task), "the create job the cluster has is the task's again");
        Assert.That((await harness.ServerAsync(alive.Id)).Task, Is.EqualTo(new ServerTask(ServerAction.Build, null)), "a live launch is never touched");
        Assert.That(await ReconcileAsync(), Is.EqualTo(new[] { (FindingKind.StaleTask, submitted.InstanceName, true) }), "the adopted job's result is applied");
        Assert.That((await harness.ServerAsync(submitted.Id)).OperState, Is.EqualTo(OperState.Started));
        Assert.That((await harness.UsageAsync())[QuotaResource.Vm], Is.EqualTo(2), "the released server's quota is back");
        Assert.That(await QuotaInvariants.UsageDriftAsync(harness.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(harness.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Disks_and_NICs_changed_behind_the_state_are_reported_then_adopted_dropped_or_resized_with_the_quota_following()
    {
        var server = await StartedAsync();
        var root = (await VolumesOfAsync(server.Id)).Single();
        var primary = (await PortsOfAsync(server.Id)).Single();
        // In the database only: a volume and a port whose disk and NIC the instance never had.
        var ghost = await _harness.Get<VolumeCommands>().CreateAsync(DispatchHarness.User, Cluster, 3, null, null, None);
        await ExecuteAsync("UPDATE volumes SET server_id = @server, disk_index = 5, status = 'IN_USE' WHERE id = @id", new { server = server.Id, id = ghost.Id });
        var ghostPort = await _harness.Database.Connections.ReadAsync(async db => await PortRepository.InsertAsync(db,
            new NewPort(DispatchHarness.User, server.Id, primary.SubnetId, 3, null, PortState.Active), 0, None), None);
        var usage = await _harness.UsageAsync();
        // On the cluster only: an administrator's unnamed 1.5 GiB disk, a grown root, a public NIC, a NIC on a network no subnet has.
        var driver = await _harness.Get<ClusterDriverCache>().GetAsync(await _harness.BackendIdAsync(Cluster), None);
        await driver.EnsureNetworkAsync(new ClusterNetworkSpec("snf-net-999999", "192.168.77.0/24", "192.168.77.1"), None);
        await RunAsync(Simulator.AdminAddDisk(server.InstanceName, 1536));
        await RunAsync(Simulator.AdminGrowDisk(server.InstanceName, 0, 1024));
        await RunAsync(Simulator.AdminAddNic(server.InstanceName, null, "10.1.200.7"));
        await RunAsync(Simulator.AdminAddNic(server.InstanceName, "snf-net-999999", "192.168.77.9"));

        var dryRun = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);

        Assert.That(dryRun.Findings.Select(f => (f.Kind, f.ServerId, f.Fix is not null)), Is.EquivalentTo(new[]
        {
            (FindingKind.UnknownDisk, (long?)server.Id, true),
            (FindingKind.UnsyncedDisk, server.Id, true),
            (FindingKind.MissingDisk, server.Id, true),
            (FindingKind.UnknownNic, server.Id, true),
            (FindingKind.MissingNic, server.Id, true),
            (FindingKind.NicNetworkGone, server.Id, false),
        }));
        Assert.That(dryRun.Findings.Single(f => f.Kind == FindingKind.UnknownDisk).Detail, Does.Contain("1536 MiB"));
        Assert.That(dryRun.Findings.Single(f => f.Kind == FindingKind.NicNetworkGone).Detail, Does.Contain("snf-net-999999"));
        Assert.That(await _harness.UsageAsync(), Is.EqualTo(usage), "a dry run changes nothing");

        var fix = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);

        Assert.That(fix.Findings.Where(f => f.Fix is not null && !f.Fixed).Select(f => $"{f.Kind}: {f.Error}"), Is.Empty);
        var volumes = await VolumesOfAsync(server.Id);
        Assert.That(volumes.Select(v => (v.Id == root.Id, v.DiskIndex, v.SizeGiB, v.Status)), Is.EqualTo(new[]
        {
            (true, (int?)0, root.SizeGiB + 1, VolumeStatus.InUse),
            (false, 1, 2, VolumeStatus.InUse),
        }), "the root took the cluster's size, the 1.5 GiB disk was adopted as 2 GiB");
        Assert.That((await _harness.Database.Connections.ReadAsync(db => VolumeRepository.GetAsync(db, DispatchHarness.User, ghost.Id, None), None))!.Status,
            Is.EqualTo(VolumeStatus.Deleted));
        var ports = await PortsOfAsync(server.Id);
        Assert.That(ports.Select(p => p.Id), Does.Not.Contain(ghostPort));
        Assert.That(ports.Select(p => p.Address), Is.EquivalentTo(new[] { primary.Address, "10.1.200.7" }));
        var after = await _harness.UsageAsync();
        Assert.That(after[QuotaResource.Disk] - usage[QuotaResource.Disk], Is.EqualTo((1 + 2 - 3) * GiB));
        Assert.That(after.GetValueOrDefault(QuotaResource.FloatingIp) - usage.GetValueOrDefault(QuotaResource.FloatingIp), Is.EqualTo(1),
            "the public address an administrator gave is the owner's floating IP");
        Assert.That(await QuotaInvariants.UsageDriftAsync(_harness.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(_harness.Database.Connections), Is.Empty);
        Assert.That((await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None)).Findings.Select(f => f.Kind),
            Is.EqualTo(new[] { FindingKind.NicNetworkGone }), "only what needs an operator is left");

        // A dispatcher coming up now delivers the administrator's jobs: they are older than the repair, so stale.
        await using var dispatcher = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(0, Cluster),
            _harness.Database, _harness.Simulators);
        await Eventually.HoldsAsync(() => Delivered(dispatcher, "AttachDisk") == 1 && Delivered(dispatcher, "AddNic") == 2,
            "the administrator's jobs delivered");
        Assert.That(dispatcher.Logs.Count(LogLevel.Debug, $"AttachDisk on {server.InstanceName} ended Success: Stale"), Is.EqualTo(1));
        Assert.That((await VolumesOfAsync(server.Id)).Count, Is.EqualTo(2), "the disk is not adopted twice");
        Assert.That((await PortsOfAsync(server.Id)).Count, Is.EqualTo(2), "the NIC is not adopted twice");
        Assert.That(await _harness.UsageAsync(), Is.EqualTo(after));
    }

    [Test]
    public async Task Firewall_tags_changed_behind_the_state_are_reported_then_set_to_the_ports_and_no_other_tag_is_touched()
    {
        var server = await StartedAsync();
        var port = (await PortsOfAsync(server.Id)).Single();
        var created = TagsOf(server);
        var wanted = created.Where(FirewallTags.IsFirewallTag).ToList();
        Assert.That(wanted, Does.Contain(FirewallTags.ProfileTag(port.Id, FirewallProfile.Enabled)), "the create job carried the port's tags");
        // Changes no dispatcher sees (it is off): as a push lost while the cluster was out of reach, or an administrator's.
        var stray = FirewallTags.ProfileTag(port.Id + 1000, FirewallProfile.Protected)!;
        var driver = await _harness.Get<ClusterDriverCache>().GetAsync(await _harness.BackendIdAsync(Cluster), None);
        await RunAsync(await driver.RemoveTagsAsync(server.InstanceName, wanted, None));
        await RunAsync(await driver.AddTagsAsync(server.InstanceName, [stray, "owner:ops"], None));

        var dryRun = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);

        var finding = dryRun.Findings.Single();
        Assert.That((finding.Kind, finding.ServerId, finding.Fixed, finding.Fix is null), Is.EqualTo((FindingKind.UnsyncedFirewall, (long?)server.Id, false, false)));
        Assert.That(finding.Detail, Does.Contain(wanted[0]).And.Contain(stray).And.Not.Contain("owner:ops"));
        Assert.That(TagsOf(server), Does.Contain(stray), "a dry run changes nothing");

        var fix = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);

        Assert.That(fix.Findings.Select(f => (f.Kind, f.Fixed, f.Error)), Is.EqualTo(new[] { (FindingKind.UnsyncedFirewall, true, (string?)null) }));
        await Eventually.HoldsAsync(() => Task.FromResult(TagsOf(server).Order().SequenceEqual(created.Append("owner:ops").Order())),
            () => $"the port's tags back, the stray one gone, the operator's kept: {string.Join(", ", TagsOf(server))}");
        Assert.That((await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None)).Findings, Is.Empty);
    }

    [Test]
    public async Task Firewall_tags_are_not_compared_while_the_nics_differ_and_follow_the_ports_once_reconciliation_syncs_them()
    {
        var server = await StartedAsync();
        await RunAsync(Simulator.AdminAddNic(server.InstanceName, null, "10.1.200.8"));

        var dryRun = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);
        var fix = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.FixAll, None);

        Assert.That(dryRun.Findings.Select(f => f.Kind), Is.EqualTo(new[] { FindingKind.UnknownNic }), "the adopted port's tags are not asked for yet");
        Assert.That(fix.Findings.Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnknownNic, true) }));
        var adopted = (await PortsOfAsync(server.Id)).Single(p => p.DeviceIndex == 1);
        await Eventually.HoldsAsync(() => Task.FromResult(TagsOf(server).Contains(FirewallTags.ProfileTag(adopted.Id, FirewallProfile.Enabled)!)),
            () => $"the adopted port's tags pushed with the fix: {string.Join(", ", TagsOf(server))}");
        Assert.That((await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None)).Findings, Is.Empty);
    }

    [Test]
    public async Task A_server_with_a_task_or_a_volume_on_its_way_is_not_compared()
    {
        var server = await StartedAsync();
        await RunAsync(Simulator.AdminAddDisk(server.InstanceName, 1024));
        await ExecuteAsync("UPDATE servers SET task = 'STOP', task_job_id = NULL, task_heartbeat_at = @now WHERE id = @id",
            new { id = server.Id, now = UnixTime.ToMicros(DateTimeOffset.UtcNow) });

        var withTask = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);

        await ExecuteAsync("UPDATE servers SET task = NULL WHERE id = @id", new { id = server.Id });
        await ExecuteAsync("UPDATE volumes SET status = 'ATTACHING' WHERE server_id = @id", new { id = server.Id });
        var attaching = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);
        await ExecuteAsync("UPDATE volumes SET status = 'IN_USE' WHERE server_id = @id", new { id = server.Id });
        var settled = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);

        Assert.That(withTask.Findings.Where(f => f.Kind == FindingKind.UnknownDisk), Is.Empty);
        Assert.That(attaching.Findings, Is.Empty);
        Assert.That(settled.Findings.Select(f => f.Kind), Is.EqualTo(new[] { FindingKind.UnknownDisk }), "compared once the server is settled");
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

    private IReadOnlyList<string> TagsOf(Server server) => Simulator.FindInstance(server.InstanceName)?.Tags ?? [];

    private static int Delivered(DispatchHarness harness, string operation) =>
        harness.Logs.Lines.Count(l => l.Message.Contains($" {operation} on ", StringComparison.Ordinal) && l.Message.Contains(" ended ", StringComparison.Ordinal));

    private async Task RunAsync(long jobId)
    {
        using var client = Simulator.CreateClient();
        Assert.That((await client.Jobs.WaitUntilFinishedAsync(jobId))?.Status, Is.EqualTo("success"), $"job {jobId}");
    }

    private Task<IReadOnlyList<Volume>> VolumesOfAsync(long serverId) =>
        _harness.Database.Connections.ReadAsync(db => VolumeRepository.ListByServersAsync(db, [serverId], None), None);

    private async Task<IReadOnlyList<Port>> PortsOfAsync(long serverId) =>
        (await _harness.Database.Connections.ReadAsync(db => PortRepository.ListByServersAsync(db, [serverId], None), None)).Select(p => p.ToPort()).ToList();

    private Task ExecuteAsync(string sql, object parameters) =>
        _harness.Database.Connections.ReadAsync(async db => await db.Connection.ExecuteAsync(sql, parameters), None);
}
