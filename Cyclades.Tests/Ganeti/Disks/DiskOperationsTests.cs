using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Simulation;
using Cyclades.Tests.Ganeti.Simulation;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Ganeti.Disks;

[Category("Unit")]
public sealed class DiskOperationsOnSimulatorTests
{
    [Test]
    public async Task Add_grow_detach_attach_elsewhere_and_remove_answer_as_Ganeti_does()
    {
        var cluster = Simulator.Cluster(latencyMs: 5);
        var names = 0;
        await new DiskOperationsScenario(
            new GanetiClusterDriver("simulated", cluster.Client(), new InstanceCreationDefaults()), () => $"snf-{++names}").RunAsync();

        Assert.That(cluster.ListDetachedDisks(), Is.Empty, "the removed disk is gone, not detached");
    }

    [Test]
    public async Task A_detached_disk_is_destroyed_through_a_volume_keeper_as_on_Ganeti()
    {
        var cluster = Simulator.Cluster(latencyMs: 5);
        var names = 0;
        var disk = await new DiskOperationsScenario(
            new GanetiClusterDriver("simulated", cluster.Client(), new InstanceCreationDefaults()), () => $"snf-{++names}").RunKeeperAsync();

        Assert.That(cluster.ListDetachedDisks(), Does.Not.Contain(disk), "removed, not detached again");
    }

    [Test]
    public async Task An_administrators_unnamed_disk_add_and_grow_are_disk_operations_in_the_job_list()
    {
        var cluster = Simulator.Cluster(latencyMs: 5);
        var driver = new GanetiClusterDriver("simulated", cluster.Client(), new InstanceCreationDefaults());
        await cluster.Client().Jobs.WaitUntilFinishedAsync(await driver.CreateServerAsync(
            new("snf-1", 1, 128, [new Cyclades.Logic.Backends.DiskSpec("snf-1-root", 1)], "file", "noop+default", new Dictionary<string, string>(), null, []), CancellationToken.None));

        var add = cluster.AdminAddDisk("snf-1", 2048);
        var grow = cluster.AdminGrowDisk("snf-1", 1, 1024);
        await cluster.Client().Jobs.WaitUntilFinishedAsync(grow);
        var jobs = await driver.ListJobsAsync(CancellationToken.None);

        Assert.That(jobs.Single(job => job.Id == add).Operations[0].Operation, Is.EqualTo(Cyclades.Logic.Backends.ServerOperation.AttachDisk));
        Assert.That(jobs.Single(job => job.Id == grow).Operations[0].Disk, Is.EqualTo(
            new Cyclades.Logic.Backends.ClusterDiskChange(null, 1, 1024, SizeIsGrowth: true)));
        Assert.That((await driver.GetInstanceAsync("snf-1", CancellationToken.None))!.Disks!.Select(d => (d.Name, d.SizeMiB)),
            Is.EqualTo(new[] { ((string?)"snf-1-root", 1024), (null, 3072) }));
    }
}

[Category("Integration")]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DiskOperationsOnGanetiTests
{
    private readonly List<string> _instances = [];

    [TearDown]
    public Task RemoveInstances() => GanetiTestCluster.Instance.RemoveInstancesAsync(_instances);

    [Test]
    public Task Add_grow_detach_attach_elsewhere_and_remove_on_the_real_cluster() => Scenario().RunAsync();

    [Test]
    public Task A_detached_disk_is_destroyed_through_a_volume_keeper_on_the_real_cluster() => Scenario().RunKeeperAsync();

    /// <summary>The scenario on the real cluster, its instances removed after the test.</summary>
    private DiskOperationsScenario Scenario() =>
        new(GanetiTestCluster.Instance.CreateDriver(new InstanceCreationDefaults(Hypervisor: "fake")), () =>
        {
            var name = GanetiTestCluster.NewInstanceName();
            _instances.Add(name);
            return name;
        });

    [Test]
    public async Task A_detached_disk_keeps_its_data_when_attached_to_another_instance()
    {
        var cluster = GanetiTestCluster.Instance;
        var driver = cluster.CreateDriver(new InstanceCreationDefaults(Hypervisor: "fake"));
        using var client = cluster.CreateClient();
        var (first, second) = (GanetiTestCluster.NewInstanceName(), GanetiTestCluster.NewInstanceName());
        _instances.AddRange([first, second]);
        var disk = $"snf-vol-{Random.Shared.Next(1_000_000, 9_999_999)}";
        foreach (var name in new[] { first, second })
        {
            await client.Jobs.WaitUntilFinishedAsync(await driver.CreateServerAsync(
                new(name, 1, 128, [new Cyclades.Logic.Backends.DiskSpec($"{name}-root", 1)], "file", "noop+default", new Dictionary<string, string>(), null, []), CancellationToken.None));
        }
        await client.Jobs.WaitUntilFinishedAsync(await driver.AddDiskAsync(first, disk, 1, CancellationToken.None));
        var marker = $"volops-{Guid.NewGuid():N}";
        await cluster.OnNodeAsync("sh", "-c", $"printf {marker} | dd of=$(gnt-instance info {first} | sed -n 's/.*on primary: \\([^ ]*\\.disk1\\) .*/\\1/p') conv=notrunc status=none");

        await client.Jobs.WaitUntilFinishedAsync(await driver.DetachDiskAsync(first, disk, CancellationToken.None));
        await client.Jobs.WaitUntilFinishedAsync(await driver.AttachDiskAsync(second, disk, null, CancellationToken.None));
        var read = await cluster.OnNodeAsync("sh", "-c",
            $"head -c {marker.Length} $(gnt-instance info {second} | sed -n 's/.*on primary: \\([^ ]*\\.disk1\\) .*/\\1/p')");

        Assert.That(read.Trim(), Is.EqualTo(marker));
    }
}
