using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Integration;

/// <summary>A server's volumes as the real Ganeti test cluster's disks (file template).</summary>
public sealed class VolumesOnGanetiTests : RealClusterFixture
{
    [Test]
    public async Task A_2_GiB_root_and_an_extra_volume_are_the_instances_disks_named_after_their_volumes_and_termination_settles_them()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var view = (await H.Launches.LaunchAsync(
            new LaunchRequest(user, RealClusterHarness.Image, RealClusterHarness.FileDisk, 1, 1)
            {
                Root = new LaunchVolume(SizeGiB: 2),
                ExtraVolumes = [new LaunchVolume(SizeGiB: 1, DeleteOnTermination: false)],
            },
            None)).Servers.Single();

        await H.WaitForStateAsync(view.Server.Id, OperState.Started, JobTimeout, user);
        var instance = await GanetiTestCluster.Instance.CreateClient().Instances.GetAsync(view.Server.InstanceName, None);

        Assert.That(instance.DiskSizesMiB, Is.EqualTo(new[] { 2048, 1024 }), "Ganeti's disk 0 is the 2 GiB root");
        Assert.That(instance.DiskNames, Is.EqualTo(view.Volumes.Select(v => $"snf-vol-{v.Id}")));
        var keptUuid = instance.DiskUuids![1];
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk], Is.EqualTo(3L << 30));

        await H.Commands.DestroyAsync(user, view.Server.Id, None);
        await H.WaitForAsync(view.Server.Id, s => s.Deleted, "destroyed", JobTimeout, user);

        Assert.That(await InstanceAsync(view.Server.InstanceName), Is.Null);
        // The kept volume's disk was detached before the instance was removed: it stays, available and counted.
        var kept = (await H.Get<VolumeQueries>().ListAsync(user, [view.Volumes[1].Id], None)).Single().Volume;
        Assert.That((kept.Status, kept.ServerId, kept.Deleted), Is.EqualTo((VolumeStatus.Available, (long?)null, false)));
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk], Is.EqualTo(1L << 30), "the root is gone, the kept volume is still counted");

        // Its disk, detached before the instance went, is deleted through the node's volume keeper.
        Assert.That(await DiskFileAsync(keptUuid), Is.Not.Empty, "the kept disk is detached in Ganeti's configuration");
        await H.Get<VolumeCommands>().DeleteAsync(user, kept.Id, None);
        await VolumeAsync(user, kept.Id, v => v.Deleted, "the kept volume deleted");
        Assert.That(await DiskFileAsync(keptUuid), Is.Empty, "the kept disk is gone from Ganeti");
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk], Is.Zero);
    }

    [Test]
    public async Task An_administrators_disk_add_and_grow_on_the_node_become_a_volume_and_are_counted()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var view = (await H.Launches.LaunchAsync(
            new LaunchRequest(user, RealClusterHarness.Image, RealClusterHarness.FileDisk, 1, 1) { Root = new LaunchVolume(SizeGiB: 1) },
            None)).Servers.Single();
        var server = await H.WaitForStateAsync(view.Server.Id, OperState.Started, JobTimeout, user);
        var diskBefore = (await H.UsageAsync(user))[QuotaResource.Disk];

        // Jobs no task of ours asked for: only the dispatcher's job scan can bring them in.
        await Real.Cluster.OnNodeAsync("gnt-instance", "modify", "--disk", "add:size=1G", server.InstanceName);
        Volume? adopted = null;
        await Eventually.HoldsAsync(async () => (adopted = (await VolumesOfAsync(server.Id)).FirstOrDefault(v => v.DiskIndex == 1)) is not null,
            "the administrator's disk adopted as a volume", JobTimeout);
        Assert.That((adopted!.Status, adopted.SizeGiB, adopted.UserId), Is.EqualTo((VolumeStatus.InUse, 1, user)));
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk] - diskBefore, Is.EqualTo(1L << 30), "the added disk is commissioned");

        await Real.Cluster.OnNodeAsync("gnt-instance", "grow-disk", server.InstanceName, "1", "1G");
        await Eventually.HoldsAsync(async () => (await VolumesOfAsync(server.Id)).Single(v => v.Id == adopted.Id).SizeGiB == 2,
            "the administrator's growth applied", JobTimeout);
        await Real.Cluster.OnNodeAsync("gnt-instance", "grow-disk", server.InstanceName, "0", "1G");
        await Eventually.HoldsAsync(async () => (await VolumesOfAsync(server.Id)).Single(v => v.DiskIndex == 0).SizeGiB == 2,
            "the root disk's growth applied", JobTimeout);

        var instance = await GanetiTestCluster.Instance.CreateClient().Instances.GetAsync(server.InstanceName, None);
        Assert.That(instance.DiskSizesMiB, Is.EqualTo(new[] { 2048, 2048 }));
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk] - diskBefore, Is.EqualTo(3L << 30), "both growths are commissioned");
        Assert.That(await H.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions WHERE state = 'PENDING'"), Is.Zero);
        Assert.That(await QuotaInvariants.UsageDriftAsync(H.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task A_detached_volume_is_deleted_through_a_volume_keeper_its_disk_gone_from_Ganeti_and_its_size_released()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var view = (await H.Launches.LaunchAsync(
            new LaunchRequest(user, RealClusterHarness.Image, RealClusterHarness.FileDisk, 1, 1) { Root = new LaunchVolume(SizeGiB: 1) },
            None)).Servers.Single();
        var server = await H.WaitForStateAsync(view.Server.Id, OperState.Started, JobTimeout, user);
        var volumes = H.Get<VolumeCommands>();
        var volume = await volumes.CreateAsync(user, RealClusterHarness.Backend, 1, "file", null, None);
        await volumes.AttachAsync(user, volume.Id, server.Id, "/dev/sdf", None);
        await VolumeAsync(user, volume.Id, v => v.Status == VolumeStatus.InUse, "attached");
        await H.WaitForAsync(server.Id, s => s.Task is null, "attach task over", JobTimeout, user);
        var uuid = (await InstanceAsync(server.InstanceName))!.Disks!.Single(d => d.Name == volume.DiskName).Uuid;
        await volumes.DetachAsync(user, volume.Id, server.Id, "/dev/sdf", None);
        await VolumeAsync(user, volume.Id, v => v.Status == VolumeStatus.Available, "detached");
        await H.WaitForAsync(server.Id, s => s.Task is null, "detach task over", JobTimeout, user);
        var file = await DiskFileAsync(uuid);
        Assert.That(file, Is.Not.Empty, "Ganeti keeps the detached disk in its configuration");
        Assert.That(File.Exists(file), Is.True, $"and its file {file} on the node");
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk], Is.EqualTo(2L << 30), "root and detached volume");

        var deleting = await volumes.DeleteAsync(user, volume.Id, None);
        Assert.That(deleting.Status, Is.EqualTo(VolumeStatus.Deleting));
        var deleted = await VolumeAsync(user, volume.Id, v => v.Deleted, "deleted through the keeper");

        Assert.That(deleted.Status, Is.EqualTo(VolumeStatus.Deleted));
        Assert.That(await DiskFileAsync(uuid), Is.Empty, "the disk is gone from Ganeti's configuration");
        Assert.That(File.Exists(file), Is.False, "and its file from the node");
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk], Is.EqualTo(1L << 30), "only the root is counted");
        var keeper = (await InstancesAsync()).Single(i => i.Name.StartsWith($"{Real.Prefix}-keeper-", StringComparison.Ordinal));
        Assert.That((keeper.IsRunning, keeper.IsAdminUp, keeper.Disks!.Select(d => d.Name)), Is.EqualTo((false, false, new string?[] { null })),
            "the keeper is down and holds only its own disk");
        Assert.That((await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, Cyclades.Logic.Reconciliation.ReconciliationRequest.DryRun, None))
            .Findings.Select(f => f.InstanceName), Does.Not.Contain(keeper.Name), "reconciliation does not report the keeper");
        Assert.That(await H.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions WHERE state = 'PENDING'"), Is.Zero);
        Assert.That(await QuotaInvariants.UsageDriftAsync(H.Database.Connections), Is.Empty);
    }

    /// <summary>
    /// The file of a file-template disk as Ganeti's configuration has it (its <c>disks</c>, attached or detached, by UUID:
    /// no RAPI resource lists detached disks); empty when the configuration has no such disk.
    /// </summary>
    private async Task<string> DiskFileAsync(string uuid) =>
        (await Real.Cluster.OnNodeAsync("python3", "-c",
            "import json, sys; d = json.load(open('/var/lib/ganeti/config.data'))['disks'].get(sys.argv[1]); print(d['logical_id'][1] if d else '')",
            uuid)).Trim();

    private async Task<Volume> VolumeAsync(string user, long id, Func<Volume, bool> condition, string what)
    {
        Volume volume = null!;
        await Eventually.HoldsAsync(async () => condition(volume = (await H.Get<VolumeQueries>().ListAsync(user, [id], None)).Single().Volume),
            what, JobTimeout);
        return volume;
    }

    private Task<IReadOnlyList<Volume>> VolumesOfAsync(long serverId) =>
        H.Database.Connections.ReadAsync(db => VolumeRepository.ListByServersAsync(db, [serverId], None), None);
}
