using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Dispatch;

/// <summary>Volume commands over a simulated cluster, their results applied by the dispatcher; an administrator's disk jobs adopted.</summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class VolumesOnSimulatorTests(DatabaseProvider provider)
{
    private const string Cluster = "sim-a";
    private const long GiB = 1L << 30;
    private static readonly CancellationToken None = CancellationToken.None;
    private DispatchHarness _harness = null!;

    private SimulatedGanetiCluster Simulator => _harness.Simulators.GetOrCreate(Cluster);

    private VolumeCommands Volumes => _harness.Get<VolumeCommands>();

    [SetUp]
    public async Task Start() => _harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(20, Cluster, "sim-b"));

    [TearDown]
    public async Task Stop() => await _harness.DisposeAsync();

    [Test]
    public async Task Create_attach_grow_detach_and_attach_again_follow_the_cluster_and_the_quota()
    {
        var server = await StartedAsync();
        var diskBefore = await DiskUsageAsync();

        var created = await Volumes.CreateAsync(DispatchHarness.User, Cluster, 2, null, "gp2", None);
        Assert.That((created.Status, created.SizeGiB, created.VolumeType), Is.EqualTo((VolumeStatus.Available, 2, "file")));
        Assert.That(await DiskUsageAsync() - diskBefore, Is.EqualTo(2 * GiB));

        var attaching = await Volumes.AttachAsync(DispatchHarness.User, created.Id, server.Id, "/dev/sdf", None);
        Assert.That((attaching.Status, attaching.DiskIndex, attaching.DeviceName), Is.EqualTo((VolumeStatus.Attaching, (int?)1, "/dev/sdf")));
        await VolumeAsync(created.Id, v => v.Status == VolumeStatus.InUse, "attached");
        Assert.That(Disks(server.InstanceName), Does.Contain((created.DiskName, 2048)));

        await Volumes.GrowAsync(DispatchHarness.User, created.Id, 3, None);
        await VolumeAsync(created.Id, v => v.SizeGiB == 3, "grown");
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "grow task over");
        Assert.That(Disks(server.InstanceName), Does.Contain((created.DiskName, 3072)));
        Assert.That(await DiskUsageAsync() - diskBefore, Is.EqualTo(3 * GiB));

        await Volumes.DetachAsync(DispatchHarness.User, created.Id, server.Id, "/dev/sdf", None);
        var detached = await VolumeAsync(created.Id, v => v.Status == VolumeStatus.Available, "detached");
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "detach task over");
        Assert.That((detached.ServerId, detached.DiskIndex), Is.EqualTo(((long?)null, (int?)null)));
        Assert.That(Simulator.ListDetachedDisks(), Is.EqualTo(new[] { created.DiskName }), "the cluster keeps the disk");
        Assert.That(await DiskUsageAsync() - diskBefore, Is.EqualTo(3 * GiB), "a detached volume still counts");

        await Volumes.AttachAsync(DispatchHarness.User, created.Id, server.Id, "/dev/sdg", None);
        await VolumeAsync(created.Id, v => v.Status == VolumeStatus.InUse, "attached again");
        Assert.That(Simulator.ListDetachedDisks(), Is.Empty, "Ganeti's attach took the kept disk back");
        Assert.That(Disks(server.InstanceName), Does.Contain((created.DiskName, 3072)));
        await AssertNoPendingCommissionsAsync();
    }

    [Test]
    public async Task An_administrators_disk_add_and_grow_become_a_volume_and_are_counted()
    {
        var server = await StartedAsync();
        var diskBefore = await DiskUsageAsync();

        Simulator.AdminAddDisk(server.InstanceName, 2048);
        Volume? adopted = null;
        await Eventually.HoldsAsync(async () =>
            (adopted = (await ServerVolumesAsync(server.Id)).FirstOrDefault(v => v.DiskIndex == 1)) is not null, "the added disk adopted");
        Simulator.AdminGrowDisk(server.InstanceName, 1, 1024);
        await VolumeAsync(adopted!.Id, v => v.SizeGiB == 3, "the administrator's growth applied");

        Assert.That((adopted.Status, adopted.SizeGiB, adopted.ServerId), Is.EqualTo((VolumeStatus.InUse, 2, (long?)server.Id)));
        Assert.That(await DiskUsageAsync() - diskBefore, Is.EqualTo(3 * GiB));
        await AssertNoPendingCommissionsAsync();
    }

    [Test]
    public async Task Terminating_a_server_detaches_the_volume_attached_to_it_first_and_keeps_it()
    {
        var server = await StartedAsync();
        var volume = await Volumes.CreateAsync(DispatchHarness.User, Cluster, 4, null, null, None);
        await Volumes.AttachAsync(DispatchHarness.User, volume.Id, server.Id, "/dev/sdf", None);
        await VolumeAsync(volume.Id, v => v.Status == VolumeStatus.InUse, "attached");

        // AttachVolume leaves DeleteOnTermination false (as AWS): the disk leaves the instance before Ganeti destroys it.
        await _harness.Commands.DestroyAsync(DispatchHarness.User, server.Id, None);
        await _harness.WaitForAsync(server.Id, s => s.Deleted, "destroyed");

        var kept = await VolumeAsync(volume.Id, v => v.Status == VolumeStatus.Available, "detached and kept");
        Assert.That((kept.ServerId, kept.Deleted), Is.EqualTo(((long?)null, false)));
        Assert.That(await DiskUsageAsync(), Is.EqualTo(4L << 30), "still counted");
        Assert.That(Simulator.FindInstance(server.InstanceName), Is.Null);
    }

    [Test]
    public async Task A_detached_volume_is_deleted_through_a_volume_keeper_its_disk_destroyed_and_its_size_released()
    {
        var server = await StartedAsync();
        var root = await DiskUsageAsync();
        var first = await DetachedVolumeAsync(server, 2, "/dev/sdf");
        var second = await DetachedVolumeAsync(server, 3, "/dev/sdg");
        Assert.That(Simulator.ListDetachedDisks(), Is.EquivalentTo(new[] { first.DiskName, second.DiskName }));
        Assert.That(await DiskUsageAsync() - root, Is.EqualTo(5 * GiB));

        var deleting = await Volumes.DeleteAsync(DispatchHarness.User, first.Id, None);
        Assert.That(deleting.Status, Is.EqualTo(VolumeStatus.Deleting), "the cluster's jobs decide");
        var deleted = await VolumeAsync(first.Id, v => v.Deleted, "deleted by the dispatcher");

        Assert.That(deleted.Status, Is.EqualTo(VolumeStatus.Deleted));
        Assert.That(Simulator.ListDetachedDisks(), Is.EqualTo(new[] { second.DiskName }), "the first disk is gone from the cluster");
        Assert.That(await DiskUsageAsync() - root, Is.EqualTo(3 * GiB), "its size is released");
        var keeper = Keepers().Single();
        Assert.That((keeper.AdminState, keeper.OperState, keeper.DiskNames), Is.EqualTo(("down", (bool?)false, new string?[] { null })),
            "a never-started keeper with its own minimal disk only");
        Assert.That(keeper.Name, Does.Not.Match(@"^snf-\d+$"), "never a server's name");

        await Volumes.DeleteAsync(DispatchHarness.User, second.Id, None);
        await VolumeAsync(second.Id, v => v.Deleted, "the second deleted");
        Assert.That(Simulator.ListDetachedDisks(), Is.Empty);
        Assert.That(Keepers().Select(k => k.Name), Is.EqualTo(new[] { keeper.Name }), "the keeper is reused");
        Assert.That(await DiskUsageAsync() - root, Is.Zero);
        Assert.That(await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM volume_deletions"), Is.Zero);
        await AssertNoPendingCommissionsAsync();
    }

    [Test]
    public async Task A_failed_attach_to_the_keeper_makes_the_volume_available_again_and_a_later_delete_succeeds()
    {
        var server = await StartedAsync();
        var root = await DiskUsageAsync();
        var volume = await DetachedVolumeAsync(server, 2, "/dev/sdf");

        Simulator.FailNextJob("simulated: the keeper could not be created");
        await Volumes.DeleteAsync(DispatchHarness.User, volume.Id, None);
        await VolumeAsync(volume.Id, v => v.Status == VolumeStatus.Available, "available again after the failed jobs");
        await Eventually.HoldsAsync(async () =>
            await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM volume_deletions") == 0, "the deletion is over");

        Assert.That(Simulator.ListDetachedDisks(), Is.EqualTo(new[] { volume.DiskName }), "the disk is still detached, with its data");
        Assert.That(await DiskUsageAsync() - root, Is.EqualTo(2 * GiB), "still counted");

        await Volumes.DeleteAsync(DispatchHarness.User, volume.Id, None);
        await VolumeAsync(volume.Id, v => v.Deleted, "deleted on the second try");
        Assert.That(Simulator.ListDetachedDisks(), Is.Empty);
        Assert.That(await DiskUsageAsync() - root, Is.Zero);

        var again = await DetachedVolumeAsync(server, 1, "/dev/sdh");
        Simulator.FailNextJob("simulated: the attach to the existing keeper failed");
        await Volumes.DeleteAsync(DispatchHarness.User, again.Id, None);
        await VolumeAsync(again.Id, v => v.Status == VolumeStatus.Available, "available again after the failed attach");
        Assert.That(Simulator.ListDetachedDisks(), Is.EqualTo(new[] { again.DiskName }));
        Assert.That(Keepers().Single().DiskNames, Is.EqualTo(new string?[] { null }), "the keeper did not take the disk");
        await AssertNoPendingCommissionsAsync();
    }

    [Test]
    public async Task A_volume_launched_with_its_server_and_kept_at_termination_is_deleted_through_the_keeper()
    {
        var view = (await _harness.Launches.LaunchAsync(new LaunchRequest(DispatchHarness.User, 1, "t2.nano", 1, 1)
        {
            BackendName = Cluster,
            ExtraVolumes = [new LaunchVolume(SizeGiB: 2, DeleteOnTermination: false)],
        }, None)).Servers.Single();
        await _harness.WaitForStateAsync(view.Server.Id, OperState.Started);
        var extra = view.Volumes.Single(v => v.DiskIndex == 1);

        await _harness.Commands.DestroyAsync(DispatchHarness.User, view.Server.Id, None);
        await _harness.WaitForAsync(view.Server.Id, s => s.Deleted, "destroyed");
        await VolumeAsync(extra.Id, v => v.Status == VolumeStatus.Available, "kept");
        Assert.That(Simulator.ListDetachedDisks(), Is.EqualTo(new[] { extra.DiskName }), "detached before the instance went");

        var deleting = await Volumes.DeleteAsync(DispatchHarness.User, extra.Id, None);
        await VolumeAsync(extra.Id, v => v.Deleted, "deleted");

        Assert.That(deleting.Status, Is.EqualTo(VolumeStatus.Deleting), "its disk is on the cluster, made by the server's create job");
        Assert.That(Simulator.ListDetachedDisks(), Is.Empty, "and is removed there, not left behind");
        Assert.That(await DiskUsageAsync(), Is.Zero);
    }

    [Test]
    public async Task Reconciliation_does_not_report_the_volume_keeper()
    {
        var server = await StartedAsync();
        var volume = await DetachedVolumeAsync(server, 1, "/dev/sdf");
        await Volumes.DeleteAsync(DispatchHarness.User, volume.Id, None);
        await VolumeAsync(volume.Id, v => v.Deleted, "deleted");
        var keeper = Keepers().Single();

        var report = await _harness.Reconciler.ReconcileAsync(Cluster, ReconciliationRequest.DryRun, None);

        Assert.That(report.Findings.Select(f => $"{f.Kind} {f.InstanceName}"), Is.Empty, $"nothing to report, {keeper.Name} least of all");
        Assert.That(Simulator.FindInstance(keeper.Name), Is.Not.Null, "the keeper stays for the next deletion");
    }

    [Test]
    public async Task A_volume_of_no_instance_is_modified_at_once_and_its_modifications_are_recorded()
    {
        var volume = await Volumes.CreateAsync(DispatchHarness.User, Cluster, 1, null, "gp2", None);

        var modification = await Volumes.ModifyAsync(DispatchHarness.User, volume.Id, 2, "gp3", None);
        var listed = await _harness.Get<VolumeQueries>().ListModificationsAsync(DispatchHarness.User, [volume.Id], None);

        Assert.That((modification.State, modification.OriginalSizeGiB, modification.TargetSizeGiB, modification.OriginalTypeLabel, modification.TargetTypeLabel),
            Is.EqualTo((VolumeModificationState.Completed, 1, 2, "gp2", "gp3")));
        Assert.That(listed.Select(m => m.Id), Is.EqualTo(new[] { modification.Id }));
        Assert.That((await _harness.Get<VolumeQueries>().ListAsync(DispatchHarness.User, [volume.Id], None)).Single().Volume.SizeGiB, Is.EqualTo(2));
        await Assert.ThrowsAsync<VolumeUnchangedException>(() => Volumes.ModifyAsync(DispatchHarness.User, volume.Id, 2, "gp3", None));
        await Assert.ThrowsAsync<InvalidVolumeSizeException>(() => Volumes.ModifyAsync(DispatchHarness.User, volume.Id, 1, null, None));
    }

    [Test]
    public async Task Refusals_leave_volume_server_and_quota_alone()
    {
        var server = await StartedAsync();
        var other = await _harness.LaunchAsync(backend: "sim-b");
        var volume = await Volumes.CreateAsync(DispatchHarness.User, Cluster, 1, null, null, None);

        await Assert.ThrowsAsync<InvalidVolumeSizeException>(() => Volumes.CreateAsync(DispatchHarness.User, Cluster, 0, null, null, None));
        await Assert.ThrowsAsync<VolumeTypeUnavailableException>(() => Volumes.CreateAsync(DispatchHarness.User, Cluster, 1, "drbd", null, None));
        var plain = await Volumes.CreateAsync(DispatchHarness.User, Cluster, 1, "plain", null, None);
        await Assert.ThrowsAsync<VolumeTypeMismatchException>(() => Volumes.AttachAsync(DispatchHarness.User, plain.Id, server.Id, "/dev/sdf", None));
        await Assert.ThrowsAsync<VolumeNotFoundException>(() => Volumes.AttachAsync("user-2", volume.Id, server.Id, "/dev/sdf", None));
        await Assert.ThrowsAsync<VolumeStateException>(() => Volumes.DetachAsync(DispatchHarness.User, volume.Id, null, null, None));
        await Assert.ThrowsAsync<VolumeZoneMismatchException>(() => Volumes.AttachAsync(DispatchHarness.User, volume.Id, other.Id, "/dev/sdf", None));
        await Assert.ThrowsAsync<VolumeUnchangedException>(() => Volumes.GrowAsync(DispatchHarness.User, volume.Id, 1, None));
        Simulator.Options.JobLatencyMs = 2000; // the attach job is still running for the checks below
        await Volumes.AttachAsync(DispatchHarness.User, volume.Id, server.Id, "/dev/sdf", None);
        Simulator.Options.JobLatencyMs = 20;
        await Assert.ThrowsAsync<VolumeInUseException>(() => Volumes.DeleteAsync(DispatchHarness.User, volume.Id, None));
        var second = await Volumes.CreateAsync(DispatchHarness.User, Cluster, 1, null, null, None);
        await Assert.ThrowsAsync<PendingTaskException>(() => Volumes.AttachAsync(DispatchHarness.User, second.Id, server.Id, "/dev/sdg", None));
        await VolumeAsync(volume.Id, v => v.Status == VolumeStatus.InUse, "attached");
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "attach task over");
        await Assert.ThrowsAsync<DeviceInUseException>(() => Volumes.AttachAsync(DispatchHarness.User, second.Id, server.Id, "/dev/sdf", None));

        var deleted = await Volumes.DeleteAsync(DispatchHarness.User, second.Id, None);
        Assert.That(deleted.Status, Is.EqualTo(VolumeStatus.Deleted));
        await Assert.ThrowsAsync<VolumeNotFoundException>(() => Volumes.DeleteAsync(DispatchHarness.User, second.Id, None));
        await AssertNoPendingCommissionsAsync();
    }

    [Test]
    public async Task A_server_of_a_diskless_flavor_takes_no_volume_and_the_refusal_changes_nothing()
    {
        var settings = DispatchHarness.SimulatedClusters(20, Cluster);
        foreach (var (i, name, template) in new[] { (0, "t2.nano", "file"), (1, "d1.nano", VolumeLimits.DisklessType) })
        {
            settings[$"Cyclades:Flavors:{i}:Name"] = name;
            settings[$"Cyclades:Flavors:{i}:Cpu"] = "1";
            settings[$"Cyclades:Flavors:{i}:RamMiB"] = "256";
            settings[$"Cyclades:Flavors:{i}:DiskGiB"] = template == VolumeLimits.DisklessType ? "0" : "1";
            settings[$"Cyclades:Flavors:{i}:DiskTemplate"] = template;
        }
        await using var harness = await DispatchHarness.StartAsync(provider, settings);
        var server = await harness.WaitForStateAsync((await harness.LaunchAsync("d1.nano", backend: Cluster)).Id, OperState.Started);
        var volume = await harness.Get<VolumeCommands>().CreateAsync(DispatchHarness.User, Cluster, 1, null, null, None);
        var usage = await harness.UsageAsync();

        var refused = await Assert.ThrowsAsync<VolumeTypeMismatchException>(() =>
            harness.Get<VolumeCommands>().AttachAsync(DispatchHarness.User, volume.Id, server.Id, "/dev/sdf", None));

        Assert.That(refused!.ServerType, Is.EqualTo(VolumeLimits.DisklessType));
        var after = (await harness.Database.Connections.ReadAsync(db => VolumeRepository.ListAsync(db, DispatchHarness.User, [volume.Id], None), None)).Single();
        Assert.That((after.Status, after.ServerId), Is.EqualTo((VolumeStatus.Available, (long?)null)));
        Assert.That((await harness.Queries.GetAsync(DispatchHarness.User, server.Id, None))!.Server.Task, Is.Null);
        Assert.That(await harness.UsageAsync(), Is.EqualTo(usage));
    }

    /// <summary>A volume created, attached to the server and detached again: its disk is kept detached on the cluster.</summary>
    private async Task<Volume> DetachedVolumeAsync(Server server, int sizeGiB, string device)
    {
        var volume = await Volumes.CreateAsync(DispatchHarness.User, Cluster, sizeGiB, null, null, None);
        await Volumes.AttachAsync(DispatchHarness.User, volume.Id, server.Id, device, None);
        await VolumeAsync(volume.Id, v => v.Status == VolumeStatus.InUse, "attached");
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "attach task over");
        await Volumes.DetachAsync(DispatchHarness.User, volume.Id, server.Id, device, None);
        var detached = await VolumeAsync(volume.Id, v => v.Status == VolumeStatus.Available, "detached");
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "detach task over");
        return detached;
    }

    private List<GanetiInstance> Keepers() => Simulator.ListInstances().Where(i => i.Name.Contains("keeper", StringComparison.Ordinal)).ToList();

    private async Task<Server> StartedAsync()
    {
        var server = await _harness.LaunchAsync(backend: Cluster);
        return await _harness.WaitForStateAsync(server.Id, OperState.Started);
    }

    private List<(string?, int)> Disks(string instance)
    {
        var found = Simulator.FindInstance(instance)!;
        return found.DiskNames!.Zip(found.DiskSizesMiB!, (name, size) => (name, size)).ToList();
    }

    private async Task<long> DiskUsageAsync() => (await _harness.UsageAsync()).GetValueOrDefault(QuotaResource.Disk);

    private Task<IReadOnlyList<Volume>> ServerVolumesAsync(long serverId) =>
        _harness.Database.Connections.ReadAsync(db => VolumeRepository.ListByServersAsync(db, [serverId], None), None);

    private async Task<Volume> VolumeAsync(long id, Func<Volume, bool> condition, string what)
    {
        Volume volume = null!;
        await Eventually.HoldsAsync(async () => condition(volume = (await _harness.Database.Connections.ReadAsync(
            db => VolumeRepository.ListAsync(db, DispatchHarness.User, [id], None), None)).Single()), what);
        return volume;
    }

    private async Task AssertNoPendingCommissionsAsync() =>
        Assert.That(await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions WHERE state = 'PENDING'"), Is.Zero);
}
