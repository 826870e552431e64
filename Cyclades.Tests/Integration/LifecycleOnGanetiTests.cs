using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Integration;

/// <summary>
/// Servers on the real Ganeti test cluster through the logic core, with the dispatcher bringing the
/// results back (MariaDB). Independent scenarios run in parallel, each as its own user.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class LifecycleOnGanetiTests : RealClusterFixture
{
    [Test]
    public async Task Create_stop_resize_start_reboot_and_destroy_with_quotas_following()
    {
        var user = NewUser();
        var server = await H.LaunchAsync(RealClusterHarness.Small, RealClusterHarness.Image, user: user);

        await H.WaitForStateAsync(server.Id, OperState.Started, JobTimeout, user);
        var running = await UsageAsync(user);
        await H.Commands.StopAsync(user, server.Id, TimeSpan.FromSeconds(5), None);
        await H.WaitForStateAsync(server.Id, OperState.Stopped, JobTimeout, user);
        var stopped = await UsageAsync(user);
        await H.Commands.ResizeAsync(user, server.Id, RealClusterHarness.Medium, None);
        var resized = await H.WaitForAsync(server.Id, s => s.Task is null, "resize done", JobTimeout, user);
        var instance = await InstanceAsync(server.InstanceName);
        await H.Commands.StartAsync(user, server.Id, None);
        await H.WaitForStateAsync(server.Id, OperState.Started, JobTimeout, user);
        await H.Commands.RebootAsync(user, server.Id, RebootKind.Hard, None);
        var rebooted = await H.WaitForAsync(server.Id, s => s.Task is null && s.LastJob!.Operation == ServerOperation.Reboot, "reboot done", JobTimeout, user);
        await H.Commands.DestroyAsync(user, server.Id, None);
        var destroyed = await H.WaitForAsync(server.Id, s => s.Deleted, "destroyed", JobTimeout, user);

        Assert.That((running[QuotaResource.Cpu], running[QuotaResource.Ram]), Is.EqualTo((1L, 256L << 20)));
        Assert.That((stopped[QuotaResource.Cpu], stopped[QuotaResource.Ram], stopped[QuotaResource.TotalCpu]), Is.EqualTo((0L, 0L, 1L)),
            "a stopped server holds no active CPU or RAM");
        Assert.That((instance!.IsRunning, instance.Cpu, instance.RamMiB), Is.EqualTo((false, 2, 512)), "Ganeti's beparams changed");
        Assert.That(resized.FlavorId, Is.EqualTo(await FlavorIdAsync(RealClusterHarness.Medium)));
        Assert.That((rebooted.OperState, rebooted.LastJob!.Status), Is.EqualTo((OperState.Started, JobStatus.Success)));
        Assert.That(destroyed.OperState, Is.EqualTo(OperState.Destroyed));
        Assert.That((await UsageAsync(user)).Values, Is.All.Zero);
        Assert.That(await InstanceAsync(server.InstanceName), Is.Null);
        Assert.That(await QuotaInvariants.UsageDriftAsync(H.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task A_failed_OS_install_is_destroyed_by_the_core_and_its_quota_returned()
    {
        var user = NewUser();
        var server = await H.LaunchAsync(RealClusterHarness.FileDisk, RealClusterHarness.FailingImage, user: user);

        var gone = await H.WaitForAsync(server.Id, s => s.Deleted, "destroyed without a terminate", JobTimeout, user);

        Assert.That((gone.DestroyReason, gone.LastJob!.Operation), Is.EqualTo(((DestroyReason?)DestroyReason.FailedBuild, ServerOperation.Destroy)));
        Assert.That((await UsageAsync(user)).Values, Is.All.Zero);
        Assert.That(await InstanceAsync(server.InstanceName), Is.Null);
    }

    [Test]
    public async Task Twenty_servers_destroyed_right_after_their_launch_in_parallel_are_removed_once_created()
    {
        var user = NewUser();
        var servers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var server = await LaunchAsAnSdkDoesAsync(user);
            var destroy = await H.Commands.DestroyAsync(user, server.Id, None);
            Assert.That((destroy.After.Task?.Action, destroy.After.DestroyRequestedAt is null), Is.EqualTo(((ServerAction?)ServerAction.Build, false)));
            return server;
        }));

        foreach (var server in servers)
        {
            var gone = await H.WaitForAsync(server.Id, s => s.Deleted, $"server {server.Id} destroyed", TimeSpan.FromMinutes(3), user);
            Assert.That((gone.Task, gone.DestroyRequestedAt), Is.EqualTo(((ServerTask?)null, (DateTimeOffset?)null)));
            Assert.That(await InstanceAsync(server.InstanceName), Is.Null, "no orphan on the cluster");
        }
        // The fixture's other tests run beside this one with the same prefix: only this user's servers are looked for.
        var ours = (await H.Database.Connections.ReadAsync(
                async db => await Dapper.SqlMapper.QueryAsync<long>(db.Connection, "SELECT id FROM servers WHERE user_id = @user", new { user }), None))
            .Select(id => $"{Real.Prefix}-{id}").ToHashSet(StringComparer.Ordinal);
        Assert.That((await InstancesAsync()).Select(i => i.Name).Where(ours.Contains),
            Is.Empty, "nothing of this user's servers on the cluster, not even from a launch that was answered 503");
        Assert.That((await UsageAsync(user)).Values, Is.All.Zero);
        Assert.That(await H.QuerySqlAsync<long>(
            "SELECT COUNT(*) FROM servers WHERE user_id = @user AND (task IS NOT NULL OR destroy_requested_at IS NOT NULL)", new { user }),
            Is.Zero, "no task or destroy request remains");
        Assert.That(await QuotaInvariants.UsageDriftAsync(H.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task A_shutdown_on_the_node_terminates_a_server_that_terminates_on_shutdown()
    {
        var user = NewUser();
        var server = (await H.Launches.LaunchAsync(
            new LaunchRequest(user, RealClusterHarness.Image, RealClusterHarness.Small, 1, 1)
            {
                Settings = ServerSettings.Default with { GuestShutdown = GuestShutdownAction.Destroy, DestroyProtected = true },
            }, None)).Servers[0].Server;
        await H.WaitForStateAsync(server.Id, OperState.Started, JobTimeout, user);

        await Real.Cluster.OnNodeAsync("gnt-instance", "shutdown", "--submit", server.InstanceName);

        var gone = await H.WaitForAsync(server.Id, s => s.Deleted, "terminated on its shutdown", JobTimeout, user);
        Assert.That(gone.DestroyReason, Is.EqualTo(DestroyReason.GuestShutdown));
        Assert.That((await UsageAsync(user)).Values, Is.All.Zero);
        Assert.That(await InstanceAsync(server.InstanceName), Is.Null);
    }

    [Test]
    public async Task An_administrators_shutdown_on_the_node_stops_the_server_with_a_forced_commission()
    {
        var user = NewUser();
        var server = await H.LaunchAsync(RealClusterHarness.Small, RealClusterHarness.Image, user: user);
        await H.WaitForStateAsync(server.Id, OperState.Started, JobTimeout, user);

        await Real.Cluster.OnNodeAsync("gnt-instance", "shutdown", "--submit", server.InstanceName);

        var stopped = await H.WaitForStateAsync(server.Id, OperState.Stopped, JobTimeout, user);
        Assert.That(stopped.LastJob!.Operation, Is.EqualTo(ServerOperation.Stop));
        Assert.That(await H.QuerySqlAsync<long>(
            "SELECT COUNT(*) FROM commissions WHERE server_id = @id AND forced = 1 AND state = 'ACCEPTED' AND job_id = @job",
            new { id = server.Id, job = stopped.LastJob.JobId }), Is.EqualTo(1));
        Assert.That((await UsageAsync(user))[QuotaResource.Cpu], Is.Zero);
    }

    [Test]
    public async Task A_create_on_an_unreachable_cluster_fails_clearly_and_leaves_nothing_behind()
    {
        var user = NewUser();

        var error = await Assert.ThrowsAsync<BackendUnavailableException>(() =>
            H.LaunchAsync(RealClusterHarness.Small, RealClusterHarness.Image, RealClusterHarness.DownBackend, user));

        Assert.That(error!.Message, Does.Contain(RealClusterHarness.DownBackend));
        Assert.That((await UsageAsync(user)).Values, Is.All.Zero);
        Assert.That(await H.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers WHERE user_id = @user", new { user }), Is.Zero);
        Assert.That(await H.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions WHERE user_id = @user AND state = 'PENDING'", new { user }), Is.Zero);
    }

    /// <summary>
    /// A launch retried with the same idempotency key while the service answers "unavailable" (the
    /// cluster's RAPI did not take the connection in time: 20 launches at once on a busy two-core
    /// machine), as the SDKs retry a 503 with the same ClientToken.
    /// </summary>
    private async Task<Server> LaunchAsAnSdkDoesAsync(string user)
    {
        var request = new LaunchRequest(user, RealClusterHarness.Image, RealClusterHarness.Small, 1, 1) { IdempotencyKey = Guid.NewGuid().ToString("N") };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await H.Launches.LaunchAsync(request, None)).Servers[0].Server;
            }
            catch (DomainException e) when (attempt < 5 && e is BackendUnavailableException or NoBackendAvailableException)
            {
                TestContext.Progress.WriteLine($"launch attempt {attempt} answered {e.GetType().Name}: {e.Message}");
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    private static string NewUser() => "it-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<IReadOnlyDictionary<QuotaResource, long>> UsageAsync(string user) => await H.UsageAsync(user);

    private async Task<long> FlavorIdAsync(string name) =>
        (await H.Get<Cyclades.Logic.Catalog.CatalogService>().FindFlavorAsync(name, None))!.Id;
}
