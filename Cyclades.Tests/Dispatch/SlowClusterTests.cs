using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Dispatch;

/// <summary>
/// No cluster call runs inside a database transaction (issue 14, item 1): while one user's
/// terminate of 50 servers waits on a RAPI that does not answer, everyone else's writes go through.
/// Proved by order, not by time: the terminate's removals are held until the other user's launch
/// has been submitted and its result applied by the dispatcher.
/// </summary>
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class SlowClusterTests(DatabaseProvider provider)
{
    private const string Cluster = "sim-slow";
    private const string Other = "user-2";
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task A_terminate_held_by_a_slow_cluster_blocks_no_other_user_nor_the_dispatcher()
    {
        await using var harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(0, Cluster));
        var simulator = harness.Simulators.GetOrCreate(Cluster);
        var launched = await harness.Launches.LaunchAsync(new LaunchRequest(DispatchHarness.User, 1, "t2.nano", 50, 50), None);
        var ids = launched.Servers.Select(s => s.Server.Id).ToList();
        foreach (var id in ids)
        {
            await harness.WaitForStateAsync(id, OperState.Started);
        }

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = simulator.HoldRequests(HttpMethod.Delete, "/2/instances/", release.Task);
        var terminate = Task.Run(() => harness.Commands.DestroyManyAsync(DispatchHarness.User, ids, skipAlreadyDone: true, None));
        await Eventually.HoldsAsync(() => held() == 8, "eight removals (the per-cluster bound) waiting on the cluster");

        var other = await harness.LaunchAsync(user: Other).WaitAsync(TimeSpan.FromSeconds(30));
        var started = await harness.WaitForStateAsync(other.Id, OperState.Started, user: Other);
        var refused = await Assert.ThrowsAsync<Cyclades.Logic.Servers.PendingTaskException>(() =>
            harness.Commands.DestroyAsync(DispatchHarness.User, ids[^1], None));

        Assert.That(terminate.IsCompleted, Is.False, "the terminate is still waiting for the cluster");
        Assert.That(held(), Is.EqualTo(8), "never more removals at once than the bound");
        Assert.That(started.LastJob!.Status, Is.EqualTo(Cyclades.Logic.Backends.JobStatus.Success));
        Assert.That(refused!.PendingTask, Is.EqualTo(ServerAction.Destroy), "a retry while the job is being submitted submits nothing");
        var submitting = await harness.ServerAsync(ids[^1]);
        Assert.That((submitting.Task?.Action, submitting.Task?.JobId), Is.EqualTo(((ServerAction?)ServerAction.Destroy, (long?)null)));

        release.SetResult();
        var results = await terminate.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(results.Select(r => r.After.Task?.JobId), Has.All.Not.Null);
        foreach (var id in ids)
        {
            await harness.WaitForAsync(id, s => s.Deleted, $"server {id} destroyed");
        }
        Assert.That(simulator.ListInstances().Select(i => i.Name), Is.EqualTo(new[] { other.InstanceName }));
        Assert.That((await harness.UsageAsync()).Values, Is.All.Zero);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(harness.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UsageDriftAsync(harness.Database.Connections), Is.Empty);
    }
}
