using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Volumes;

/// <summary>A server = compute + volumes: sizes and types at launch, their quota, their fate at termination, resize.</summary>
public sealed class ServerVolumesTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const long GiB = 1L << 30;

    private async Task<ServerView> LaunchAsync(LaunchVolume? root = null, params LaunchVolume[] extra) =>
        (await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { Root = root, ExtraVolumes = extra },
            CancellationToken.None)).Servers.Single();

    private async Task<long> DiskUsageAsync() => (await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.Disk].Usage;

    private async Task<IReadOnlyList<Volume>> VolumesAsync() =>
        await Logic.Database.Connections.ReadAsync(db => VolumeRepository.ListAsync(db, LogicHarness.User, null, CancellationToken.None), CancellationToken.None);

    [Test]
    public async Task The_root_takes_the_size_asked_extra_volumes_follow_and_each_is_commissioned_and_made_by_the_create_job()
    {
        var view = await LaunchAsync(new LaunchVolume(SizeGiB: 30, DeviceName: "/dev/sda1"), new LaunchVolume(SizeGiB: 5, DeleteOnTermination: false, DeviceName: "/dev/sdf"));

        Assert.That(view.Volumes.Select(v => (v.DiskIndex, v.SizeGiB, v.VolumeType, v.Status, v.DeleteOnTermination, v.DeviceName, v.OriginImageId)), Is.EqualTo(new[]
        {
            ((int?)0, 30, "file", VolumeStatus.Creating, true, "/dev/sda1", (long?)LogicHarness.Image),
            ((int?)1, 5, "file", VolumeStatus.Creating, false, "/dev/sdf", (long?)null),
        }));
        var spec = Logic.Driver.Jobs.Single().Spec!;
        Assert.That(spec.Disks, Is.EqualTo(view.Volumes.Select(v => new DiskSpec($"snf-vol-{v.Id}", v.SizeGiB))));
        Assert.That(await DiskUsageAsync(), Is.EqualTo(35 * GiB));
        foreach (var volume in view.Volumes)
        {
            var commission = await Logic.CommissionAsync(volume.CommissionId!.Value);
            Assert.That((commission.State, commission.Provisions), Is.EqualTo((CommissionState.Accepted, VolumeQuota.Of(volume.SizeGiB))));
        }
        Assert.That((await Logic.CommissionAsync(view.Server.CommissionId!.Value)).Provisions[QuotaResource.Disk], Is.Zero, "the server's own commission is compute only");

        await Logic.FinishAsync(view.Server.Task!.JobId!.Value, JobStatus.Success);

        Assert.That((await VolumesAsync()).Select(v => v.Status), Is.EqualTo(new[] { VolumeStatus.InUse, VolumeStatus.InUse }));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Without_a_size_the_root_has_the_flavors_disk_or_what_the_image_needs_and_never_less()
    {
        Assert.That((await LaunchAsync()).Volumes.Single().SizeGiB, Is.EqualTo(20));

        await Logic.ExecuteSqlAsync("UPDATE images SET min_disk_gib = 25 WHERE id = 1");
        Assert.That((await LaunchAsync()).Volumes.Single().SizeGiB, Is.EqualTo(25));
        var error = (await Assert.ThrowsAsync<InvalidVolumeRequestException>(() => LaunchAsync(new LaunchVolume(SizeGiB: 24))))!;
        Assert.That(error.Problem, Is.EqualTo(VolumeProblem.SmallerThanImage));
        Assert.That(await DiskUsageAsync(), Is.EqualTo(45 * GiB), "a refused launch takes nothing");
    }

    [TestCase(0, null, VolumeProblem.Size)]
    [TestCase(VolumeLimits.MaxSizeGiB + 1, null, VolumeProblem.Size)]
    [TestCase(10, "plain", VolumeProblem.TypeNotAllowed)]
    public async Task A_root_volume_outside_the_rules_is_refused(int size, string? type, VolumeProblem problem) =>
        Assert.That(await ProblemAsync(() => LaunchAsync(new LaunchVolume(size, type))), Is.EqualTo(problem));

    private static async Task<VolumeProblem> ProblemAsync(Func<Task> launch) =>
        (await Assert.ThrowsAsync<InvalidVolumeRequestException>(() => launch()))!.Problem;

    [Test]
    public async Task Extra_volumes_have_the_roots_type_a_size_and_a_server_at_most_16_disks()
    {
        Assert.That(await ProblemAsync(() => LaunchAsync(null, new LaunchVolume(5, "plain"))), Is.EqualTo(VolumeProblem.MixedTypes));
        Assert.That(await ProblemAsync(() => LaunchAsync(null, new LaunchVolume())), Is.EqualTo(VolumeProblem.Size));
        Assert.That(await ProblemAsync(() => LaunchAsync(null, Enumerable.Repeat(new LaunchVolume(1), VolumeLimits.MaxDisksPerServer).ToArray())),
            Is.EqualTo(VolumeProblem.TooMany));
    }

    [Test]
    public async Task Termination_detaches_the_volumes_to_keep_first_then_deletes_the_rest_with_the_instance()
    {
        var view = await LaunchAsync(new LaunchVolume(SizeGiB: 30), new LaunchVolume(SizeGiB: 5, DeleteOnTermination: false), new LaunchVolume(SizeGiB: 7));
        await Logic.FinishAsync(view.Server.Task!.JobId!.Value, JobStatus.Success);
        var kept = view.Volumes.Single(v => !v.DeleteOnTermination);

        var detach = await Logic.Commands.DestroyAsync(LogicHarness.User, view.Server.Id, CancellationToken.None);
        Assert.That((detach.After.Task!.Action, detach.After.DestroyRequestedAt is not null), Is.EqualTo((ServerAction.DetachVolume, true)),
            "the kept volume's disk leaves the instance before Ganeti destroys the instance's disks");
        Assert.That(Logic.Driver.Jobs[^1].Disk!.Name, Is.EqualTo(kept.DiskName));
        await Logic.FinishAsync((await Logic.ServerAsync(view.Server.Id)).Task!.JobId!.Value, JobStatus.Success);

        var destroy = await Logic.Commands.DestroyRequestedAsync(await Logic.ServerAsync(view.Server.Id), CancellationToken.None);
        Assert.That(destroy.After.Task!.Action, Is.EqualTo(ServerAction.Destroy), "nothing left to keep: the request is carried out");
        Assert.That(await DiskUsageAsync(), Is.EqualTo(42 * GiB), "nothing is released before the cluster removed the disks");
        await Logic.FinishAsync((await Logic.ServerAsync(view.Server.Id)).Task!.JobId!.Value, JobStatus.Success);

        var left = await VolumesAsync();
        Assert.That(left.Select(v => (v.Id, v.Status, v.ServerId, v.SizeGiB)), Is.EqualTo(new[] { (kept.Id, VolumeStatus.Available, (long?)null, 5) }));
        Assert.That(await DiskUsageAsync(), Is.EqualTo(5 * GiB), "the kept volume is still counted");
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That(await Logic.UsageReconciler.ReconcileAsync(fix: false, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task A_failed_detach_before_termination_lets_the_volume_go_with_the_instance()
    {
        var view = await LaunchAsync(null, new LaunchVolume(SizeGiB: 5, DeleteOnTermination: false));
        await Logic.FinishAsync(view.Server.Task!.JobId!.Value, JobStatus.Success);

        var detach = await Logic.Commands.DestroyAsync(LogicHarness.User, view.Server.Id, CancellationToken.None);
        await Logic.FinishAsync((await Logic.ServerAsync(view.Server.Id)).Task!.JobId!.Value, JobStatus.Error);
        var destroy = await Logic.Commands.DestroyRequestedAsync(await Logic.ServerAsync(view.Server.Id), CancellationToken.None);
        await Logic.FinishAsync((await Logic.ServerAsync(view.Server.Id)).Task!.JobId!.Value, JobStatus.Success);

        Assert.That(destroy.After.Task!.Action, Is.EqualTo(ServerAction.Destroy), "the termination is not held up for ever");
        Assert.That(await VolumesAsync(), Is.Empty);
        Assert.That(await DiskUsageAsync(), Is.Zero);
    }

    [Test]
    public async Task A_failed_create_leaves_the_volumes_in_error_until_the_server_is_destroyed()
    {
        var view = await LaunchAsync();
        await Logic.FinishAsync(view.Server.Task!.JobId!.Value, JobStatus.Error);

        Assert.That((await VolumesAsync()).Single().Status, Is.EqualTo(VolumeStatus.Error));
        Assert.That(await DiskUsageAsync(), Is.EqualTo(20 * GiB));
    }

    [Test]
    public async Task Resize_changes_compute_only_so_a_flavor_with_another_default_disk_is_allowed()
    {
        var stopped = await Logic.StoppedServerAsync(flavor: LogicHarness.BiggerDisk);

        var resize = await Logic.Commands.ResizeAsync(LogicHarness.User, stopped.Id, LogicHarness.Large, CancellationToken.None);
        await Logic.FinishAsync(resize.After.Task!.JobId!.Value, JobStatus.Success);

        Assert.That((await Logic.Queries.GetAsync(LogicHarness.User, stopped.Id, CancellationToken.None))!.Flavor.Name, Is.EqualTo(LogicHarness.Large));
        Assert.That((await VolumesAsync()).Single().SizeGiB, Is.EqualTo(40), "the root volume keeps its size");
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);

        var small = await Logic.StoppedServerAsync();
        var same = await Assert.ThrowsAsync<InvalidResizeException>(() => Logic.Commands.ResizeAsync(LogicHarness.User, small.Id, LogicHarness.BiggerDisk, CancellationToken.None));
        Assert.That(same!.Problem, Is.EqualTo(ResizeProblem.SameCompute), "the same cpu and ram: nothing would change");
    }
}
