using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Dispatch;

/// <summary>
/// Destroys the dispatcher carries out once a server's task has ended: asked while the create job
/// ran, decided for a failed build, or for a guest shutdown of a server that terminates on one.
/// </summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class DeferredDestroyTests(DatabaseProvider provider)
{
    private const string Cluster = "sim-d";
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task A_destroy_asked_while_the_create_job_runs_is_recorded_and_carried_out_when_it_ends()
    {
        await using var harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(500, Cluster));
        var server = await harness.LaunchAsync();

        var destroy = await harness.Commands.DestroyAsync(DispatchHarness.User, server.Id, None);

        Assert.That((destroy.Performed, destroy.After.Task?.Action, destroy.After.DestroyRequestedAt is null),
            Is.EqualTo((true, (ServerAction?)ServerAction.Build, false)), "recorded; the create task goes on");
        await AssertGoneAsync(harness, server);
    }

    [Test]
    public async Task A_request_recorded_by_one_process_is_carried_out_by_the_dispatcher_that_takes_over()
    {
        var settings = DispatchHarness.SimulatedClusters(1500, Cluster);
        var simulators = new SimulatedClusterRegistry(Options.Create(new GanetiOptions { Simulator = { JobLatencyMs = 1500 } }), TimeProvider.System);
        await using var first = await DispatchHarness.StartAsync(provider, settings, simulators: simulators);
        var server = await first.LaunchAsync();
        await first.Commands.DestroyAsync(DispatchHarness.User, server.Id, None);

        // The process dies while the create job runs; another one leads the backend after its lease expires.
        await using var second = await DispatchHarness.StartAsync(provider, settings, first.Database, simulators);
        await first.CrashAsync();

        await AssertGoneAsync(second, server);
    }

    [Test]
    public async Task A_failed_build_is_destroyed_by_the_core_and_its_quota_returned()
    {
        await using var harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(100, Cluster));
        harness.Simulators.GetOrCreate(Cluster).FailNextJob("disk creation failed");

        var server = await harness.LaunchAsync();

        var gone = await AssertGoneAsync(harness, server);
        Assert.That((gone.LastJob!.Operation, gone.DestroyReason), Is.EqualTo((ServerOperation.Destroy, (DestroyReason?)DestroyReason.FailedBuild)));
    }

    [Test]
    public async Task With_the_setting_off_a_failed_build_keeps_its_quota_until_it_is_destroyed()
    {
        var settings = DispatchHarness.SimulatedClusters(100, Cluster);
        settings["Cyclades:Servers:DestroyFailedBuilds"] = "false";
        await using var harness = await DispatchHarness.StartAsync(provider, settings);
        harness.Simulators.GetOrCreate(Cluster).FailNextJob("disk creation failed");

        var server = await harness.WaitForStateAsync((await harness.LaunchAsync()).Id, OperState.Error);

        Assert.That((server.DestroyRequestedAt, server.DestroyReason), Is.EqualTo(((DateTimeOffset?)null, (DestroyReason?)null)));
        Assert.That((await harness.UsageAsync()).Values, Has.Some.Positive);
        await harness.Commands.DestroyAsync(DispatchHarness.User, server.Id, None);
        await AssertGoneAsync(harness, server);
    }

    [TestCase(GuestShutdownAction.Destroy, true)]
    [TestCase(GuestShutdownAction.Stop, false)]
    public async Task A_shutdown_nobody_asked_for_terminates_a_server_that_terminates_on_shutdown(GuestShutdownAction behaviour, bool terminates)
    {
        await using var harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(100, Cluster));
        var launched = await harness.Launches.LaunchAsync(
            new LaunchRequest(DispatchHarness.User, 1, "t2.nano", 1, 1)
            {
                // Protection does not stop a terminate the owner's own shutdown setting asks for.
                Settings = ServerSettings.Default with { GuestShutdown = behaviour, DestroyProtected = true },
            }, None);
        var server = await harness.WaitForStateAsync(launched.Servers[0].Server.Id, OperState.Started);

        harness.Simulators.GetOrCreate(Cluster).AdminShutdown(server.InstanceName);

        if (terminates)
        {
            Assert.That((await AssertGoneAsync(harness, server)).DestroyReason, Is.EqualTo(DestroyReason.GuestShutdown));
        }
        else
        {
            var stopped = await harness.WaitForStateAsync(server.Id, OperState.Stopped);
            Assert.That((stopped.Deleted, stopped.DestroyRequestedAt), Is.EqualTo((false, (DateTimeOffset?)null)));
        }
    }

    [Test]
    public async Task A_shutdown_asked_through_the_api_only_stops_a_server_that_terminates_on_shutdown()
    {
        await using var harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(100, Cluster));
        var launched = await harness.Launches.LaunchAsync(
            new LaunchRequest(DispatchHarness.User, 1, "t2.nano", 1, 1) { Settings = ServerSettings.Default with { GuestShutdown = GuestShutdownAction.Destroy } }, None);
        var server = await harness.WaitForStateAsync(launched.Servers[0].Server.Id, OperState.Started);

        await harness.Commands.StopAsync(DispatchHarness.User, server.Id, null, None);

        var stopped = await harness.WaitForStateAsync(server.Id, OperState.Stopped);
        Assert.That((stopped.Deleted, stopped.DestroyRequestedAt), Is.EqualTo((false, (DateTimeOffset?)null)));
    }

    private static async Task<Server> AssertGoneAsync(DispatchHarness harness, Server server)
    {
        var gone = await harness.WaitForAsync(server.Id, s => s.Deleted, $"server {server.Id} destroyed", TimeSpan.FromSeconds(30));
        Assert.That((gone.OperState, gone.Task, gone.DestroyRequestedAt),
            Is.EqualTo((OperState.Destroyed, (ServerTask?)null, (DateTimeOffset?)null)));
        Assert.That(harness.Simulators.GetOrCreate(Cluster).FindInstance(server.InstanceName), Is.Null, "no orphan on the cluster");
        Assert.That((await harness.UsageAsync()).Values, Is.All.Zero);
        Assert.That(await harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers WHERE task IS NOT NULL"), Is.Zero);
        return gone;
    }
}
