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

        var removeRunning = await FailsAsync("remove from a running instance", await driver.RemoveDiskAsync(first, disk, None));
        Assert.That(removeRunning.Message, Does.Contain("can't remove volume from a running instance without using hotplug"));
        Assert.That(removeRunning.Operation, Is.EqualTo(ServerOperation.RemoveDisk));

        var detach = await SucceedsAsync("detach from a running instance", await driver.DetachDiskAsync(first, disk, None));
        Assert.That(detach.Operation, Is.EqualTo(ServerOperation.DetachDisk));
        Assert.That(await DisksAsync(first), Is.EqualTo(new[] { ((string?)$"{first}-root", 1024) }));

        var attach = await SucceedsAsync("attach to another instance on the node", await driver.AttachDiskAsync(second, disk, None));
        Assert.That((attach.Operation, attach.Disk?.Name), Is.EqualTo((ServerOperation.AttachDisk, disk)));
        Assert.That(await DisksAsync(second), Is.EqualTo(new[] { ((string?)$"{second}-root", 1024), (disk, 2048) }), "kept its grown size");
        var unknown = await FailsAsync("attach a disk nobody detached", await driver.AttachDiskAsync(first, disk + "0", None));
        Assert.That(unknown.Message, Does.Contain($"No disk was found with this name: {disk}0"));

        await SucceedsAsync("stop second", await driver.StopServerAsync(second, TimeSpan.Zero, None));
        var remove = await SucceedsAsync("remove from a stopped instance", await driver.RemoveDiskAsync(second, disk, None));
        Assert.That(remove.Operation, Is.EqualTo(ServerOperation.RemoveDisk));
        Assert.That(await DisksAsync(second), Is.EqualTo(new[] { ((string?)$"{second}-root", 1024) }));
        var gone = await FailsAsync("attach a removed disk", await driver.AttachDiskAsync(first, disk, None));
        Assert.That(gone.Message, Does.Contain("No disk was found with this name"));
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
