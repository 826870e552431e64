using System.Globalization;
using Cyclades.Ganeti.Driver;
using Cyclades.Logic.Backends;
using Cyclades.Tests.Ganeti.Simulation;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Ganeti.Nics;

/// <summary>
/// The driver's NIC add and remove on a running instance, as the job lists them: an add with the
/// core's name and address and the MAC Ganeti chose, on the backend's public network (reported as
/// none), not hot-plugged; a remove by name. The same scenario on the simulator and the real cluster.
/// </summary>
internal sealed class NicOperationsScenario(GanetiClusterDriver driver, string instance, string address)
{
    private static readonly CancellationToken None = CancellationToken.None;

    public async Task RunAsync()
    {
        await SucceedsAsync("create", await driver.CreateServerAsync(
            new ServerBuildSpec(instance, 1, 128, [], "diskless", "noop+default", new Dictionary<string, string>(), null, []), None));

        var add = await SucceedsAsync("add", await driver.AddNicAsync(instance, new ClusterNicSpec("snf-nic-77", null, address), None));
        var nics = (await driver.GetInstanceAsync(instance, None))!.Nics!;

        Assert.That(add.Operation, Is.EqualTo(ServerOperation.AddNic));
        Assert.That(nics.Select(n => n.Name), Is.EqualTo(new[] { null, "snf-nic-77" }));
        Assert.That(add.Nic, Is.EqualTo(new ClusterNicChange("snf-nic-77", -1, address, null, nics[1].Mac, Hotplugged: false)),
            "the job lists the MAC Ganeti chose; the fake hypervisor does not hotplug");
        Assert.That((nics[1].Ip, nics[1].Network, nics[1].Mac), Is.EqualTo(((string?)address, (string?)null, add.Nic!.Mac)));
        Assert.That(add.Nic.Mac, Does.Match("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$"));

        var remove = await SucceedsAsync("remove by name", await driver.RemoveNicAsync(instance, "snf-nic-77", None));

        Assert.That((remove.Operation, remove.Nic?.Name), Is.EqualTo((ServerOperation.RemoveNic, (string?)"snf-nic-77")));
        Assert.That((await driver.GetInstanceAsync(instance, None))!.Nics!, Has.Count.EqualTo(1));
        var unknown = await FinishedAsync(await driver.RemoveNicAsync(instance, "snf-nic-77", None));
        Assert.That(unknown.Status, Is.EqualTo(JobStatus.Error), "a NIC the instance lacks");
    }

    private async Task<ClusterJobOperation> SucceedsAsync(string what, long id)
    {
        var job = await FinishedAsync(id);
        Assert.That(job.Status, Is.EqualTo(JobStatus.Success), $"{what}: {job.Operations[0].Message}");
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

[Category("Unit")]
public sealed class NicOperationsOnSimulatorTests
{
    [Test]
    public async Task Add_and_remove_a_nic_on_a_running_instance_answer_as_Ganeti_does()
    {
        var cluster = Simulator.Cluster(latencyMs: 5);
        await new NicOperationsScenario(new GanetiClusterDriver("simulated", cluster.Client(), new InstanceCreationDefaults()), "snf-1", "10.9.0.7")
            .RunAsync();
    }
}

[Category("Integration")]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class NicOperationsOnGanetiTests
{
    private readonly string _instance = GanetiTestCluster.NewInstanceName();

    [TearDown]
    public Task RemoveInstance() => GanetiTestCluster.Instance.RemoveInstancesAsync([_instance]);

    [Test]
    public async Task Add_and_remove_a_nic_on_the_public_network_of_the_real_cluster()
    {
        var cluster = GanetiTestCluster.Instance;
        var address = cluster.SubnetPrefix + Random.Shared.Next(224, 255).ToString(CultureInfo.InvariantCulture);
        await new NicOperationsScenario(cluster.CreateDriver(new InstanceCreationDefaults(Hypervisor: "fake", Network: cluster.Network)), _instance, address)
            .RunAsync();
    }
}
