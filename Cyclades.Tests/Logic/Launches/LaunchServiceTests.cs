using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Launches;

public sealed class LaunchServiceTests(DatabaseProvider provider) : LogicTest(provider)
{
    [Test]
    public async Task Launch_records_servers_in_build_then_submits_one_create_job_each()
    {
        var result = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.KeyImage, LogicHarness.Small, 3, 3)
            {
                Name = "web",
                KeyName = "my-key",
                PublicKey = "ssh-ed25519 AAAA test",
                UserData = [1, 2, 3],
            },
            CancellationToken.None);

        Assert.That(result.Replayed, Is.False);
        Assert.That(result.Servers, Has.Count.EqualTo(3));
        var jobs = Logic.Driver.Jobs;
        Assert.That(jobs, Has.Count.EqualTo(3));
        for (var i = 0; i < 3; i++)
        {
            var server = result.Servers[i].Server;
            var job = jobs.Single(j => j.InstanceName == server.InstanceName); // submitted in parallel, in any order
            Assert.That(server.InstanceName, Is.EqualTo($"snf-{server.Id}"));
            Assert.That((server.OperState, server.Task), Is.EqualTo((OperState.Build, new ServerTask(ServerAction.Build, job.Id))));
            Assert.That((server.LaunchId, server.LaunchIndex, server.KeyName, server.Name), Is.EqualTo((result.Launch.Id, i, "my-key", "web")));
            Assert.That(result.Servers[i].Flavor.Name, Is.EqualTo(LogicHarness.Small));
            Assert.That(result.Servers[i].BackendName, Is.EqualTo(LogicHarness.ZoneA));
            Assert.That(job.Operation, Is.EqualTo(ServerOperation.Create));
            Assert.That(job.InstanceName, Is.EqualTo(server.InstanceName));
            var spec = job.Spec!;
            Assert.That((spec.Cpu, spec.RamMiB, spec.DiskTemplate, spec.OsType), Is.EqualTo((2, 1024, "file", "noop+default")));
            Assert.That(spec.Disks, Is.EqualTo(new[] { new DiskSpec($"snf-vol-{result.Servers[i].Volumes.Single().Id}", 20) }), "the root volume, named after its id");
            Assert.That(spec.OsParameters, Is.EqualTo(new Dictionary<string, string>
            {
                ["img_format"] = "diskdump",
                ["img_id"] = "noop-with-key",
                ["img_properties"] = "ssh-ed25519 AAAA test",
            }));
            Assert.That(spec.PrivateIp, Is.EqualTo(server.PrivateIp));
        }
        Assert.That(result.Servers.Select(s => s.Server.PrivateIp), Is.EqualTo(new[] { "10.9.0.2", "10.9.0.3", "10.9.0.4" }));
        Assert.That(await Logic.Queries.GetUserDataAsync(LogicHarness.User, result.Servers[0].Server.Id, CancellationToken.None), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Launch_takes_the_whole_quota_of_every_server_at_once_and_accepts_it()
    {
        var servers = await Logic.LaunchAsync(count: 2);

        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        Assert.That(quota[QuotaResource.Vm].Usage, Is.EqualTo(2));
        Assert.That(quota[QuotaResource.Cpu].Usage, Is.EqualTo(4));
        Assert.That(quota[QuotaResource.Disk].Usage, Is.EqualTo(40L << 30));
        Assert.That(quota[QuotaResource.Vm].Pending, Is.Zero);
        foreach (var server in servers)
        {
            var commission = await Logic.CommissionAsync(server.Server.CommissionId!.Value);
            Assert.That(commission.State, Is.EqualTo(CommissionState.Accepted));
            Assert.That(commission.ServerId, Is.EqualTo(server.Server.Id));
        }
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Launch_is_all_or_nothing_below_the_minimum_and_clipped_above_it()
    {
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, QuotaResource.Vm, 3, CancellationToken.None);

        var refused = (await Assert.ThrowsAsync<QuotaExceededException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 4, 5), CancellationToken.None)))!;

        Assert.That((refused.Resource, refused.Limit, refused.Usage, refused.Requested), Is.EqualTo((QuotaResource.Vm, 3L, 0L, 4L)));
        Assert.That(Logic.Driver.Jobs, Is.Empty);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers"), Is.Zero);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM launches"), Is.Zero);

        var clipped = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 2, 5), CancellationToken.None);
        Assert.That(clipped.Servers, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Quota_counts_the_ram_in_bytes_against_the_configured_MiB()
    {
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, QuotaResource.Ram, 1536L << 20, CancellationToken.None);

        var refused = (await Assert.ThrowsAsync<QuotaExceededException>(() => Logic.LaunchAsync(count: 2)))!;

        Assert.That((refused.Resource, refused.Limit, refused.Requested), Is.EqualTo((QuotaResource.Ram, 1536L << 20, 2048L << 20)));
    }

    [Test]
    public async Task When_the_first_submission_fails_nothing_is_left()
    {
        Logic.Driver.FailSubmissions(Logic.Driver.Unavailable);

        var error = (await Assert.ThrowsAsync<BackendUnavailableException>(() => Logic.LaunchAsync(count: 2)))!;

        Assert.That(error.Backend, Is.EqualTo(LogicHarness.ZoneA));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers"), Is.Zero);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM launches"), Is.Zero);
        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        Assert.That(quota.Resources.Select(r => (r.Usage, r.Pending)), Is.All.EqualTo((0L, 0L)));
    }

    [Test]
    public async Task A_rejected_first_submission_surfaces_as_a_rejection()
    {
        Logic.Driver.FailSubmissions(Logic.Driver.Rejected);

        await Assert.ThrowsAsync<BackendRejectedException>(() => Logic.LaunchAsync());
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers"), Is.Zero);
    }

    [Test]
    public async Task When_a_later_submission_fails_the_rest_are_released()
    {
        Logic.Driver.FailSubmissions(Logic.Driver.Unavailable, ServerOperation.Create, after: 1);

        var result = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 3, 3), CancellationToken.None);

        var servers = result.Servers.Select(v => v.Server).ToList();
        Assert.That(servers[0], Has.Property(nameof(Server.Deleted)).False.And.Property(nameof(Server.Task)).Not.Null);
        Assert.That(servers.Skip(1), Has.All.Property(nameof(Server.Deleted)).True
            .And.All.Property(nameof(Server.OperState)).EqualTo(OperState.Destroyed)
            .And.All.Property(nameof(Server.PrivateIp)).Null
            .And.All.Property(nameof(Server.Task)).Null);
        Assert.That(servers[1].LastJob!.Message, Does.StartWith("Failed to submit the create job"));
        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        Assert.That(quota[QuotaResource.Vm].Usage, Is.EqualTo(1));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Same_key_and_parameters_return_the_same_launch_with_current_states()
    {
        var request = new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 2, 2) { IdempotencyKey = "token-1" };
        var first = await Logic.Launches.LaunchAsync(request, CancellationToken.None);
        await Logic.FinishAsync(first.Servers[0].Server.Task!.JobId!.Value, JobStatus.Success);

        var again = await Logic.Launches.LaunchAsync(request, CancellationToken.None);

        Assert.That(again.Replayed, Is.True);
        Assert.That(again.Launch, Is.EqualTo(first.Launch));
        Assert.That(again.Servers.Select(s => s.Server.Id), Is.EqualTo(first.Servers.Select(s => s.Server.Id)));
        Assert.That(again.Servers[0].Server.OperState, Is.EqualTo(OperState.Started));
        Assert.That(again.Servers[0].IdempotencyKey, Is.EqualTo("token-1"));
        Assert.That(Logic.Driver.Jobs.Count(j => j.Operation == ServerOperation.Create), Is.EqualTo(2));
    }

    [Test]
    public async Task Same_key_with_other_parameters_is_a_mismatch_and_other_users_have_their_own_keys()
    {
        await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { IdempotencyKey = "token-1" }, CancellationToken.None);

        var mismatch = (await Assert.ThrowsAsync<IdempotencyMismatchException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Large, 1, 1) { IdempotencyKey = "token-1" }, CancellationToken.None)))!;
        Assert.That(mismatch.IdempotencyKey, Is.EqualTo("token-1"));

        var other = await Logic.Launches.LaunchAsync(
            new LaunchRequest("user-2", LogicHarness.Image, LogicHarness.Large, 1, 1) { IdempotencyKey = "token-1" }, CancellationToken.None);
        Assert.That(other.Replayed, Is.False);
    }

    [Test]
    public async Task Concurrent_retries_with_one_key_create_exactly_one_launch()
    {
        var request = new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 2, 2) { IdempotencyKey = "retry" };
        Logic.Driver.SubmitDelay = TimeSpan.FromMilliseconds(20);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Logic.Launches.LaunchAsync(request, CancellationToken.None))));

        Assert.That(results.Select(r => r.Launch.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(results.Count(r => !r.Replayed), Is.EqualTo(1));
        Assert.That(results, Has.All.Property(nameof(LaunchResult.Servers)).Count.EqualTo(2));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers"), Is.EqualTo(2));
        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(2));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task A_check_refuses_what_a_launch_would_and_changes_nothing()
    {
        LaunchRequest Request(long image = LogicHarness.Image, string flavor = LogicHarness.Small, string? zone = null) =>
            new(LogicHarness.User, image, flavor, 1, 1) { BackendName = zone, IdempotencyKey = "checked" };

        await Logic.Launches.CheckAsync(Request(zone: LogicHarness.ZoneA), CancellationToken.None);
        await Assert.ThrowsAsync<ImageNotFoundException>(() => Logic.Launches.CheckAsync(Request(image: 99), CancellationToken.None));
        await Assert.ThrowsAsync<FlavorNotFoundException>(() => Logic.Launches.CheckAsync(Request(flavor: "m5.huge"), CancellationToken.None));
        Assert.That((await Assert.ThrowsAsync<BackendNotFoundException>(() => Logic.Launches.CheckAsync(Request(zone: "zone-x"), CancellationToken.None)))!.Name,
            Is.EqualTo("zone-x"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Logic.Launches.CheckAsync(Request() with { MinCount = 2 }, CancellationToken.None));

        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers") + await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM launches"), Is.Zero);
        Assert.That(Logic.Driver.Jobs, Is.Empty);
        Assert.That((await Logic.Launches.LaunchAsync(Request(), CancellationToken.None)).Replayed, Is.False, "a check does not take the idempotency key");
        await Logic.Backends.SetEnabledAsync(LogicHarness.ZoneA, false, CancellationToken.None);
        await Assert.ThrowsAsync<BackendNotFoundException>(() => Logic.Launches.CheckAsync(Request(zone: LogicHarness.ZoneA), CancellationToken.None),
            "a disabled backend is not offered");
    }

    [Test]
    public async Task Unknown_image_and_flavor_are_refused()
    {
        Assert.That((await Assert.ThrowsAsync<ImageNotFoundException>(() => Logic.LaunchAsync(image: 99)))!.ImageId, Is.EqualTo(99));
        Assert.That((await Assert.ThrowsAsync<FlavorNotFoundException>(() => Logic.LaunchAsync(flavor: "m5.huge")))!.Name, Is.EqualTo("m5.huge"));
    }

    [Test]
    public async Task Counts_and_sizes_must_make_sense()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 3, 2), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { Name = new string('n', 256) }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest("", LogicHarness.Image, LogicHarness.Small, 1, 1), CancellationToken.None));
    }

    [Test]
    public async Task Addresses_of_destroyed_servers_are_reused_and_a_full_network_refuses()
    {
        await Logic.ExecuteSqlAsync("UPDATE backends SET network_cidr = '10.9.0.0/29'");
        var servers = await Logic.LaunchAsync(count: 5);
        Assert.That(servers.Select(s => s.Server.PrivateIp), Is.EqualTo(new[] { "10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5", "10.9.0.6" }));

        await Assert.ThrowsAsync<NoBackendAvailableException>(() => Logic.LaunchAsync());

        await Logic.FinishAsync(servers[1].Server.Task!.JobId!.Value, JobStatus.Success);
        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, servers[1].Server.Id, CancellationToken.None);
        await Logic.FinishAsync(destroy.After.Task!.JobId!.Value, JobStatus.Success);
        var next = await Logic.LaunchAsync();
        Assert.That(next[0].Server.PrivateIp, Is.EqualTo("10.9.0.3"));
    }
}
