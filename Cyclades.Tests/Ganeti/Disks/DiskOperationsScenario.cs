using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;

namespace Cyclades.Tests.Ganeti.Disks;

/// <summary>
/// One disk scenario through the driver, run on the real Ganeti 3.0 test cluster and on the
/// simulated one: the simulator must answer every step as Ganeti does (docs/storage.md).
/// </summary>
internal sealed class DiskOperationsScenario(GanetiClusterDriver driver, Func<string> newName)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Two running file-template servers; a disk added to the first, grown, detached, attached to the second, removed.</summary>
    public async Task RunAsync()
    {
        var (first, second) = (newName(), newName());
        var disk = $"snf-vol-{Random.Shared.Next(1_000_000, 9_999_999)}";
        await SucceedsAsync("create first", await driver.CreateServerAsync(Spec(first), None));
        await SucceedsAsync("create second", await driver.CreateServerAsync(Spec(second), None));

        var add = await SucceedsAsync("add to a running instance", await driver.AddDiskAsync(first, disk, 1, None));
        Assert.That((add.Operation, add.Disk?.Name, add.Disk?.SizeMiB), Is.EqualTo((ServerOperation.AttachDisk, disk, (int?)1024)));
        Assert.That(await DisksAsync(first), Is.EqualTo(new[] { ((string?)$"{first}-root", 1024), (disk, 1024) }));

        var grow = await SucceedsAsync("grow to 2 GiB", await driver.GrowDiskAsync(first, 1, 2, None));
        Assert.That((grow.Operation, grow.Disk?.Index, grow.Disk?.SizeMiB, grow.Disk?.SizeIsGrowth),
            Is.EqualTo((ServerOperation.GrowDisk, (int?)1, (int?)2048, (bool?)false)));
        var again = await SucceedsAsync("grow to the same size", await driver.GrowDiskAsync(first, 1, 2, None));
        Assert.That(again.Operation, Is.EqualTo(ServerOperation.GrowDisk));
        var shrink = await FailsAsync("grow to a smaller size", await driver.GrowDiskAsync(first, 1, 1, None));
        Assert.That(shrink.Message, Does.Contain("is smaller than current disk size"));
        var noDisk = await FailsAsync("grow a disk index the instance lacks", await driver.GrowDiskAsync(first, 7, 2, None));
        Assert.That(noDisk.Message, Does.Contain("Invalid disk index: 7"));

        var removeRunning = await FailsAsync("remove from a running instance", await driver.RemoveDiskAsync(first, disk, null, None));
        Assert.That(removeRunning.Message, Does.Contain("can't remove volume from a running instance without using hotplug"));
        Assert.That(removeRunning.Operation, Is.EqualTo(ServerOperation.RemoveDisk));

        var detach = await SucceedsAsync("detach from a running instance", await driver.DetachDiskAsync(first, disk, None));
        Assert.That(detach.Operation, Is.EqualTo(ServerOperation.DetachDisk));
        Assert.That(await DisksAsync(first), Is.EqualTo(new[] { ((string?)$"{first}-root", 1024) }));

        var attach = await SucceedsAsync("attach to another instance on the node", await driver.AttachDiskAsync(second, disk, null, None));
        Assert.That((attach.Operation, attach.Disk?.Name), Is.EqualTo((ServerOperation.AttachDisk, disk)));
        Assert.That(await DisksAsync(second), Is.EqualTo(new[] { ((string?)$"{second}-root", 1024), (disk, 2048) }), "kept its grown size");
        var unknown = await FailsAsync("attach a disk nobody detached", await driver.AttachDiskAsync(first, disk + "0", null, None));
        Assert.That(unknown.Message, Does.Contain($"No disk was found with this name: {disk}0"));

        await SucceedsAsync("stop second", await driver.StopServerAsync(second, TimeSpan.Zero, None));
        var remove = await SucceedsAsync("remove from a stopped instance", await driver.RemoveDiskAsync(second, disk, null, None));
        Assert.That(remove.Operation, Is.EqualTo(ServerOperation.RemoveDisk));
        Assert.That(await DisksAsync(second), Is.EqualTo(new[] { ((string?)$"{second}-root", 1024) }));
        var gone = await FailsAsync("attach a removed disk", await driver.AttachDiskAsync(first, disk, null, None));
        Assert.That(gone.Message, Does.Contain("No disk was found with this name"));
    }

    /// <summary>
    /// A detached disk destroyed through a volume keeper: the keeper created (not started, nothing installed) on the
    /// disk's node, the disk attached to it by a job that waits for the create, removed by one that waits for the
    /// attach; a job whose dependency failed fails too.
    /// </summary>
    /// <returns>The detached disk's name (gone now).</returns>
    public async Task<string> RunKeeperAsync()
    {
        var (server, keeper) = (newName(), newName());
        var disk = $"snf-vol-{Random.Shared.Next(1_000_000, 9_999_999)}";
        await SucceedsAsync("create server", await driver.CreateServerAsync(Spec(server), None));
        await SucceedsAsync("add", await driver.AddDiskAsync(server, disk, 1, None));
        await SucceedsAsync("detach", await driver.DetachDiskAsync(server, disk, None));
        var node = (await driver.GetInstanceAsync(server, None))!.PrimaryNode;
        Assert.That(node, Is.Not.Null.And.Not.Empty, "an instance reports its primary node");

        var create = await driver.CreateVolumeKeeperAsync(new VolumeKeeperSpec(keeper, node!, "file", "noop+default"), None);
        var attach = await driver.AttachDiskAsync(keeper, disk, create, None);
        var remove = await driver.RemoveDiskAsync(keeper, disk, attach, None);
        await SucceedsAsync("create keeper", create);
        var attached = await SucceedsAsync("attach to the keeper after its create", attach);
        Assert.That((attached.Operation, attached.Disk?.Name), Is.EqualTo((ServerOperation.AttachDisk, disk)));
        var removed = await SucceedsAsync("remove from the keeper after the attach", remove);
        Assert.That(removed.Operation, Is.EqualTo(ServerOperation.RemoveDisk));
        var kept = (await driver.GetInstanceAsync(keeper, None))!;
        Assert.That((kept.IsRunning, kept.IsAdminUp, kept.PrimaryNode, kept.Disks!.Select(d => d.SizeMiB)),
            Is.EqualTo((false, false, node, new[] { 1024 })), "the keeper is down, on the disk's node, with its own minimal disk only");

        var failingAttach = await driver.AttachDiskAsync(keeper, disk, null, None);
        var dependent = await driver.RemoveDiskAsync(keeper, $"{keeper}-none", failingAttach, None);
        var failed = await FailsAsync("attach a removed disk to the keeper", failingAttach);
        Assert.That(failed.Message, Does.Contain("No disk was found with this name"));
        var notRun = await FailsAsync("remove after a failed attach", dependent);
        Assert.That(notRun.Message, Does.Contain($"{failingAttach}"), "the failure names the job it depended on");
        Assert.That((await driver.GetInstanceAsync(keeper, None))!.Disks!.Select(d => d.SizeMiB), Is.EqualTo(new[] { 1024 }));
        return disk;
    }

    private static ServerBuildSpec Spec(string name) =>
        new(name, 1, 128, [new DiskSpec($"{name}-root", 1)], "file", "noop+default", new Dictionary<string, string>(), null, []);

    private async Task<IReadOnlyList<(string? Name, int SizeMiB)>> DisksAsync(string instance) =>
        (await driver.GetInstanceAsync(instance, None))!.Disks!.Select(disk => (disk.Name, disk.SizeMiB)).ToList();

    private async Task<ClusterJobOperation> SucceedsAsync(string what, long id)
    {
        var job = await FinishedAsync(id);
        Assert.That(job.Status, Is.EqualTo(JobStatus.Success), $"{what}: {job.Operations[0].Message}");
        return job.Operations[0];
    }

    private async Task<ClusterJobOperation> FailsAsync(string what, long id)
    {
        var job = await FinishedAsync(id);
        Assert.That(job.Status, Is.EqualTo(JobStatus.Error), what);
        return job.Operations[0];
    }

    private async Task<ClusterJob> FinishedAsync(long id)
    {
        JobStatus? known = null;
        while (true)
        {
            var job = await driver.WaitForJobChangeAsync(id, known, None) ?? throw new AssertionException($"job {id} vanished");
            if (job.Status.IsFinal())
            {
                return job;
            }
            known = job.Status;
        }
    }
}
