using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;
using Microsoft.Extensions.Logging;

namespace Cyclades.Tests.Reconciliation;

/// <summary>
/// Reconciliation of a server's disks and NICs with a simulated cluster, the dispatcher off: the
/// administrator's jobs never reach the state, so only reconciliation can learn them.
/// </summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class InventoryReconciliationOnSimulatorTests(DatabaseProvider provider)
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
        _harness.Database.Connections.ReadAsync(db => db.ExecuteAsync(sql, parameters, None), None);
}
