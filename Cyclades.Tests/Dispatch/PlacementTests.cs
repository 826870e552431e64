using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;

namespace Cyclades.Tests.Dispatch;

/// <summary>New servers go to the enabled, undrained cluster with the most free memory, end to end over two simulated clusters.</summary>
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class PlacementTests(DatabaseProvider provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task New_servers_go_where_memory_is_free_and_never_to_a_drained_cluster()
    {
        await using var harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(50, "sim-a", "sim-b"));
        var (a, b) = (await harness.BackendIdAsync("sim-a"), await harness.BackendIdAsync("sim-b"));
        var big = await harness.LaunchAsync("t2.medium", backend: "sim-a");
        await harness.WaitForStateAsync(big.Id, OperState.Started);
        Assert.That(harness.Simulators.GetOrCreate("sim-a").ListInstances().Single().Name, Is.EqualTo(big.InstanceName));

        var placed = await harness.LaunchAsync();
        Assert.That(placed.BackendId, Is.EqualTo(b), "sim-b has more free memory once sim-a runs a 4 GiB server");

        await harness.Backends.SetDrainedAsync("sim-b", true, None);
        var afterDrain = await harness.LaunchAsync();
        Assert.That(afterDrain.BackendId, Is.EqualTo(a), "sim-b is drained");

        await harness.WaitForStateAsync(afterDrain.Id, OperState.Started);
        await harness.WaitForStateAsync(placed.Id, OperState.Started);
        Assert.That(harness.Simulators.GetOrCreate("sim-b").ListInstances().Select(i => i.Name), Is.EqualTo(new[] { placed.InstanceName }));
        Assert.That(harness.Simulators.GetOrCreate("sim-a").FindInstance(afterDrain.InstanceName), Is.Not.Null);
    }
}
