using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Cyclades.Tests.Ganeti.Simulation;

namespace Cyclades.Tests.Ganeti.Driver;

/// <summary>The driver over the simulated cluster: the embedded default's whole path.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
public sealed class GanetiClusterDriverOnSimulatorTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SimulatedGanetiCluster _cluster = Simulator.Cluster(latencyMs: 20);
    private readonly GanetiClusterDriver _driver;

    public GanetiClusterDriverOnSimulatorTests() =>
        _driver = new GanetiClusterDriver("simulated", _cluster.Client(), new InstanceCreationDefaults());

    private static ServerBuildSpec Spec(string name, string os = "noop+default", string template = "diskless") =>
        new(name, 2, 512, 1, template, os, new Dictionary<string, string>(), "10.0.0.7", ["ec2:Name=web 1"]);

    private async Task<ClusterJob> FinishedAsync(long id)
    {
        JobStatus? known = null;
        while (true)
        {
            var job = await _driver.WaitForJobChangeAsync(id, known, None) ?? throw new AssertionException($"job {id} vanished");
            if (job.Status.IsFinal())
            {
                return job;
            }
            known = job.Status;
        }
    }

    [Test]
    public async Task A_server_is_created_runs_and_is_listed()
    {
        var job = await FinishedAsync(await _driver.CreateServerAsync(Spec("snf-1"), None));
        var instance = (await _driver.ListInstancesAsync(None)).Single();

        Assert.That(job.Status, Is.EqualTo(JobStatus.Success));
        Assert.That(job.Operations.Single().Operation, Is.EqualTo(ServerOperation.Create));
        Assert.That(job.StartedAt, Is.GreaterThan(job.ReceivedAt!.Value));
        Assert.That(job.EndedAt, Is.GreaterThan(job.StartedAt!.Value));
        Assert.That((instance.Name, instance.IsRunning, instance.IsAdminUp, instance.Cpu, instance.RamMiB),
            Is.EqualTo(("snf-1", true, true, 2, 512)));
        Assert.That(instance.NicIps, Is.EqualTo(new[] { "10.0.0.7" }));
        Assert.That(instance.Tags, Is.EqualTo(new[] { "ec2:Name:web_1" }));
    }

    [Test]
    public async Task Stop_start_reboot_resize_and_destroy_end_as_their_operations()
    {
        await FinishedAsync(await _driver.CreateServerAsync(Spec("snf-1"), None));

        var stop = await FinishedAsync(await _driver.StopServerAsync("snf-1", TimeSpan.FromSeconds(5), None));
        var stopped = (await _driver.ListInstancesAsync(None)).Single();
        var resize = await FinishedAsync(await _driver.ResizeServerAsync("snf-1", 4, 1024, None));
        var start = await FinishedAsync(await _driver.StartServerAsync("snf-1", None));
        var reboot = await FinishedAsync(await _driver.RebootServerAsync("snf-1", TimeSpan.Zero, None));
        var resized = (await _driver.ListInstancesAsync(None)).Single();
        var destroy = await FinishedAsync(await _driver.DestroyServerAsync("snf-1", None));

        Assert.That(new[] { stop, resize, start, reboot, destroy }.Select(job => (job.Operations[0].Operation, job.Status)), Is.EqualTo(new[]
        {
            (ServerOperation.Stop, JobStatus.Success), (ServerOperation.Modify, JobStatus.Success), (ServerOperation.Start, JobStatus.Success),
            (ServerOperation.Reboot, JobStatus.Success), (ServerOperation.Destroy, JobStatus.Success),
        }));
        Assert.That((resize.Operations[0].NewCpu, resize.Operations[0].NewRamMiB), Is.EqualTo(((int?)4, (int?)1024)));
        Assert.That((stopped.IsRunning, stopped.IsAdminUp), Is.EqualTo((false, false)));
        Assert.That((resized.IsRunning, resized.Cpu, resized.RamMiB), Is.EqualTo((true, 4, 1024)));
        Assert.That(await _driver.ListInstancesAsync(None), Is.Empty);
    }

    [Test]
    public async Task A_failed_install_ends_the_create_in_error_with_the_reason()
    {
        var job = await FinishedAsync(await _driver.CreateServerAsync(Spec("snf-1", "noop+fail", "file"), None));

        Assert.That(job.Status, Is.EqualTo(JobStatus.Error));
        Assert.That(job.Operations[0].Message, Does.Contain("OS create script failed"));
        var listed = (await _driver.ListJobsAsync(None)).Single(candidate => candidate.Id == job.Id);
        Assert.That((listed.Status, listed.Operations[0].Message), Is.EqualTo((JobStatus.Error, (string?)null)));
    }

    [Test]
    public async Task Jobs_submitted_outside_the_API_and_crashes_are_visible()
    {
        await FinishedAsync(await _driver.CreateServerAsync(Spec("snf-1"), None));
        await FinishedAsync(await _driver.CreateServerAsync(Spec("snf-2"), None));

        var adminJob = _cluster.AdminShutdown("snf-1");
        _cluster.CrashInstance("snf-2");
        await FinishedAsync(adminJob);

        var listed = (await _driver.ListJobsAsync(None)).Single(job => job.Id == adminJob);
        var instances = (await _driver.ListInstancesAsync(None)).ToDictionary(instance => instance.Name);
        Assert.That((listed.Operations[0].Operation, listed.Operations[0].InstanceName), Is.EqualTo((ServerOperation.Stop, "snf-1")));
        Assert.That((instances["snf-1"].IsRunning, instances["snf-1"].IsAdminUp), Is.EqualTo((false, false)));
        Assert.That((instances["snf-2"].IsRunning, instances["snf-2"].IsAdminUp), Is.EqualTo((false, true)));
    }

    [Test]
    public async Task Free_memory_follows_running_instances()
    {
        var before = await _driver.GetInfoAsync(None);
        await FinishedAsync(await _driver.CreateServerAsync(Spec("snf-1"), None));
        var after = await _driver.GetInfoAsync(None);

        Assert.That(before.FreeMemoryMiB - after.FreeMemoryMiB, Is.EqualTo(512));
        Assert.That((after.ClusterId, after.NodeCount), Is.EqualTo((_cluster.Uuid, 1)));
    }

    [Test]
    public async Task A_cluster_that_cannot_be_reached_is_unavailable_and_a_lost_job_is_null()
    {
        _cluster.Stop();
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => _driver.CreateServerAsync(Spec("snf-1"), None));
        _cluster.Start();

        Assert.That(error!.Backend, Is.EqualTo("simulated"));
        Assert.That(await _driver.GetJobAsync(12345, None), Is.Null);
        Assert.That(await _driver.ListJobsAsync(None), Is.Empty, "nothing was submitted while it was stopped");
    }

    [Test]
    public async Task A_network_is_made_and_connected_once_and_a_nic_on_it_keeps_its_address_and_name()
    {
        var spec = new ClusterNetworkSpec("snf-net-7", "10.20.1.0/28", "10.20.1.1");
        await _driver.EnsureNetworkAsync(spec, None);
        await _driver.EnsureNetworkAsync(spec, None);

        var network = (await _cluster.Client().Networks.FindAsync("snf-net-7", None))!;
        Assert.That((network.Network, network.Gateway), Is.EqualTo(("10.20.1.0/28", "10.20.1.1")));
        Assert.That(network.GroupList, Is.EqualTo(new[] { new[] { "default", "bridged", "sim-br0", "" } }));

        var job = await FinishedAsync(await _driver.CreateServerAsync(
            Spec("snf-1") with { PrivateIp = "10.20.1.5", NicNetwork = "snf-net-7", NicName = "snf-nic-3" }, None));
        var instance = await _cluster.Client().Instances.GetAsync("snf-1", None);

        Assert.That(job.Status, Is.EqualTo(JobStatus.Success));
        Assert.That((instance.NicNetworkNames!.Single(), instance.NicIps!.Single(), instance.NicNames!.Single()),
            Is.EqualTo(("snf-net-7", "10.20.1.5", "snf-nic-3")));
    }
}
