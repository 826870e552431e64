using System.Diagnostics;
using System.Globalization;
using System.Net;
using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Ganeti.Integration;

/// <summary>
/// The driver and the RAPI client against the real Ganeti 3.0 test cluster (scripts/ganeti-test-cluster).
/// Each test uses its own instances and removes them.
/// </summary>
[Category("Integration")]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RealGanetiClusterTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly List<string> _instances = [];
    private GanetiTestCluster _cluster = null!;
    private GanetiRapiClient _client = null!;
    private GanetiClusterDriver _driver = null!;

    [SetUp]
    public void Connect()
    {
        _cluster = GanetiTestCluster.Instance;
        _client = _cluster.CreateClient();
        _driver = _cluster.CreateDriver(new InstanceCreationDefaults(Hypervisor: "fake", Network: _cluster.Network));
    }

    [TearDown]
    public async Task RemoveInstances()
    {
        await _cluster.RemoveInstancesAsync(_instances);
        _client?.Dispose();
    }

    [Test]
    public async Task A_diskless_server_is_created_and_runs_with_an_address_from_the_network()
    {
        var name = NewName();

        var job = await FinishedAsync("create diskless", await _driver.CreateServerAsync(Spec(name, tags: ["ec2:ami=ami-1"]), None));
        var instance = await InstanceAsync(name);

        Assert.That(job.Status, Is.EqualTo(JobStatus.Success), job.Operations[0].Message);
        Assert.That((job.Operations[0].Operation, job.Operations[0].InstanceName), Is.EqualTo((ServerOperation.Create, name)));
        Assert.That(job.Operations[0].Message, Is.EqualTo("* starting instance..."));
        Assert.That((instance.IsRunning, instance.IsAdminUp, instance.Cpu, instance.RamMiB), Is.EqualTo((true, true, 1, 256)));
        Assert.That(instance.Tags, Is.EqualTo(new[] { "ec2:ami:ami-1" }));
        Assert.That(instance.NicIps.Single(), Does.StartWith(SubnetPrefix), "Ganeti took it from the network's pool");
    }

    [Test]
    public async Task Stop_resize_start_reboot_and_destroy_with_job_waits()
    {
        var name = NewName();
        await FinishedAsync("create diskless", await _driver.CreateServerAsync(Spec(name), None));

        var stop = await FinishedAsync("shutdown", await _driver.StopServerAsync(name, TimeSpan.FromSeconds(5), None));
        var stopped = await InstanceAsync(name);
        var resize = await FinishedAsync("modify beparams", await _driver.ResizeServerAsync(name, 2, 512, None));
        var start = await FinishedAsync("startup", await _driver.StartServerAsync(name, None));
        var startAgain = await FinishedAsync("startup of a running instance", await _driver.StartServerAsync(name, None));
        var rebootId = await _driver.RebootServerAsync(name, TimeSpan.Zero, None);
        var reboot = await FinishedAsync("reboot (hard)", rebootId);
        var running = await InstanceAsync(name);
        var destroy = await FinishedAsync("delete", await _driver.DestroyServerAsync(name, None));

        Assert.That(new[] { stop, resize, start, startAgain, reboot, destroy }.Select(job => (job.Operations[0].Operation, job.Status)),
            Is.EqualTo(new[]
            {
                (ServerOperation.Stop, JobStatus.Success), (ServerOperation.Modify, JobStatus.Success),
                (ServerOperation.Start, JobStatus.Success), (ServerOperation.Start, JobStatus.Success),
                (ServerOperation.Reboot, JobStatus.Success), (ServerOperation.Destroy, JobStatus.Success),
            }));
        Assert.That((stopped.IsRunning, stopped.IsAdminUp), Is.EqualTo((false, false)));
        Assert.That((resize.Operations[0].NewCpu, resize.Operations[0].NewRamMiB), Is.EqualTo(((int?)2, (int?)512)));
        Assert.That((running.IsRunning, running.Cpu, running.RamMiB), Is.EqualTo((true, 2, 512)));
        var rebootOp = (await _client.Jobs.GetAsync(rebootId))!.Ops![0];
        Assert.That(rebootOp.OtherParameters!["reboot_type"].GetString(), Is.EqualTo(GanetiRebootTypes.Hard));
        Assert.That(rebootOp.OtherParameters["shutdown_timeout"].GetInt32(), Is.Zero, "Ganeti 3.0 takes shutdown_timeout in the reboot body");
        Assert.That((await _driver.ListInstancesAsync(None)).Select(i => i.Name), Does.Not.Contain(name));
    }

    [Test]
    public async Task A_failing_OS_install_on_a_file_disk_ends_in_error_with_the_OS_message()
    {
        var name = NewName();

        var job = await FinishedAsync("create file noop+fail", await _driver.CreateServerAsync(Spec(name, "file", "noop+fail"), None));
        var listed = (await _driver.ListJobsAsync(None)).Single(candidate => candidate.Id == job.Id);
        var instance = await InstanceAsync(name);

        Assert.That(job.Status, Is.EqualTo(JobStatus.Error));
        Assert.That(job.Operations[0].Message, Does.Contain("OS create script failed")
            .And.Contain("noop create: failing on purpose (variant=fail)"));
        Assert.That(listed.Operations[0].Message, Is.Null, "the bulk job list has no results");
        Assert.That((instance.IsRunning, instance.IsAdminUp, instance.DiskSizesMiB.Single()), Is.EqualTo((false, false, 1024)),
            "Ganeti leaves the failed instance behind, stopped");
    }

    [Test]
    public async Task An_administrators_shutdown_is_in_the_job_list_as_a_stop()
    {
        var name = NewName();
        await FinishedAsync("create diskless", await _driver.CreateServerAsync(Spec(name), None));

        var output = await _cluster.OnNodeAsync("gnt-instance", "shutdown", "--submit", name);
        var jobId = long.Parse(output.Split(':')[0].Trim(), CultureInfo.InvariantCulture);
        var listed = (await _driver.ListJobsAsync(None)).Single(job => job.Id == jobId);
        var done = await FinishedAsync("shutdown submitted via CLI", jobId);

        Assert.That((listed.Operations[0].Operation, listed.Operations[0].InstanceName), Is.EqualTo((ServerOperation.Stop, name)));
        Assert.That(done.Status, Is.EqualTo(JobStatus.Success));
        Assert.That((await _client.Jobs.GetAsync(jobId))!.Ops![0].Reason![0].Source, Is.EqualTo("gnt:client:gnt-instance"));
        Assert.That((await InstanceAsync(name)).IsAdminUp, Is.False);
    }

    [Test]
    public async Task A_crashed_instance_is_not_running_but_still_admin_up()
    {
        var name = NewName();
        await FinishedAsync("create diskless", await _driver.CreateServerAsync(Spec(name), None));

        await _cluster.OnNodeAsync("rm", $"/var/run/ganeti/fake-hypervisor/{name}");

        var instance = await InstanceAsync(name);
        Assert.That((instance.IsRunning, instance.IsAdminUp), Is.EqualTo((false, true)));
        Assert.That((await _client.Instances.GetAsync(name)).Status, Is.EqualTo(GanetiInstanceStatuses.ErrorDown));
    }

    [Test]
    public async Task The_long_poll_ignores_log_lines_and_returns_on_status_changes()
    {
        var name = NewName();
        var id = await _driver.CreateServerAsync(Spec(name, "file", "noop+slow"), None);

        var (job, seen, polls) = await FollowAsync("create file disk noop+slow (long polls)", id);

        Assert.That(seen, Has.Member(JobStatus.Running));
        Assert.That(seen[^1], Is.EqualTo(JobStatus.Success));
        Assert.That(job.EndedAt - job.ReceivedAt, Is.GreaterThan(TimeSpan.FromSeconds(5)), "the OS script sleeps 5 s (Ganeti's own timestamps)");
        Assert.That(polls, Is.LessThanOrEqualTo(seen.Count + 2), "the running job's log lines did not end the waits");
    }

    [Test]
    public async Task Unknown_job_ids_are_null()
    {
        Assert.That(await _driver.GetJobAsync(987_654_321, None), Is.Null);
        Assert.That(await _driver.WaitForJobChangeAsync(987_654_321, JobStatus.Running, None), Is.Null);
    }

    [Test]
    public async Task An_unreachable_RAPI_is_unavailable()
    {
        using var client = new GanetiRapiClient(_cluster.Settings(new Uri("https://127.0.0.1:1")) with
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        });
        var driver = new GanetiClusterDriver("wrong-port", client, new InstanceCreationDefaults());

        var read = await Assert.ThrowsAsync<ClusterUnavailableException>(() => driver.GetInfoAsync(None));
        var create = await Assert.ThrowsAsync<ClusterUnavailableException>(() => driver.CreateServerAsync(Spec(NewName()), None));

        Assert.That(read!.Backend, Is.EqualTo("wrong-port"));
        Assert.That(create!.InnerException, Is.TypeOf<GanetiUnreachableException>());
    }

    [Test]
    public async Task Only_the_pinned_certificate_is_trusted()
    {
        _ = _cluster.RequiredCertificateSha256;
        using var pinned = new GanetiRapiClient(_cluster.Settings());
        using var wrongPin = new GanetiRapiClient(_cluster.Settings() with { CertificateFingerprint = new string('0', 64), MaxGetRetries = 0 });
        using var systemTrust = new GanetiRapiClient(_cluster.Settings() with { CertificateFingerprint = null, MaxGetRetries = 0 });

        Assert.That(await pinned.Cluster.GetVersionAsync(), Is.EqualTo(2));
        await Assert.ThrowsAsync<GanetiUnreachableException>(() => wrongPin.Cluster.GetVersionAsync());
        await Assert.ThrowsAsync<GanetiUnreachableException>(() => systemTrust.Cluster.GetVersionAsync());
    }

    [Test]
    public async Task Cluster_identity_capacity_features_and_operating_systems()
    {
        var info = await _driver.GetInfoAsync(None);
        var raw = await _client.Cluster.GetInfoAsync();

        Assert.That((info.ClusterId, info.Name, info.SoftwareVersion, info.NodeCount), Is.EqualTo((raw.Uuid, "cluster.ganeti.test", "3.0.2", 1)));
        Assert.That(info.FreeMemoryMiB, Is.Positive.And.LessThanOrEqualTo(info.TotalMemoryMiB));
        Assert.That(info.DiskTemplates, Is.EquivalentTo(raw.EnabledDiskTemplates!));
        Assert.That(await _client.Cluster.GetFeaturesAsync(), Does.Contain("instance-create-reqv1"));
        Assert.That(await _client.Cluster.GetOperatingSystemsAsync(), Is.SupersetOf(new[] { "noop+default", "noop+slow", "noop+fail" }));
    }

    [Test]
    public async Task HTML_escaped_400_messages_are_read_back_plain()
    {
        var error = await Assert.ThrowsAsync<GanetiRequestRejectedException>(() => _client.Instances.RebootAsync(NewName(), "hard", -1));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Message, Does.Contain("'OP_INSTANCE_REBOOT.shutdown_timeout' fails validation"));
        Assert.That(error.ErrorCode, Is.EqualTo(GanetiErrorCodes.WrongInput));
    }

    [Test]
    public async Task Unknown_instances_are_404_to_read_and_a_failing_job_to_delete()
    {
        var name = NewName();

        await Assert.ThrowsAsync<GanetiNotFoundException>(() => _client.Instances.GetAsync(name));
        var job = (await _client.Jobs.WaitUntilFinishedAsync(await _client.Instances.DeleteAsync(name)))!;

        Assert.That((job.FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.UnknownEntity));
        _instances.Remove(name);
    }

    [Test]
    public async Task A_NIC_address_without_a_network_is_plain_metadata_with_one_it_is_checked_and_reserved()
    {
        var plainDriver = _cluster.CreateDriver(new InstanceCreationDefaults(Hypervisor: "fake"));
        var (plain, first, second, outside) = (NewName(), NewName(), NewName(), NewName());
        var address = SubnetPrefix + "77";

        var plainJob = await FinishedAsync("create, NIC ip without network", await plainDriver.CreateServerAsync(Spec(plain, ip: "10.0.0.5"), None));
        var firstJob = await FinishedAsync("create, NIC ip in network", await _driver.CreateServerAsync(Spec(first, ip: address), None));
        var secondJob = await FinishedAsync("create, same ip in network", await _driver.CreateServerAsync(Spec(second, ip: address), None));
        var outsideJob = await FinishedAsync("create, ip outside network", await _driver.CreateServerAsync(Spec(outside, ip: "10.0.0.5"), None));

        Assert.That(plainJob.Status, Is.EqualTo(JobStatus.Success));
        Assert.That((await InstanceAsync(plain)).NicIps, Is.EqualTo(new[] { "10.0.0.5" }));
        Assert.That(firstJob.Status, Is.EqualTo(JobStatus.Success));
        Assert.That((await InstanceAsync(first)).NicIps, Is.EqualTo(new[] { address }));
        Assert.That((secondJob.Status, outsideJob.Status), Is.EqualTo((JobStatus.Error, JobStatus.Error)));
        Assert.That(secondJob.Operations[0].Message, Does.Contain("already in use or does not belong to network"));
    }

    private string SubnetPrefix => _cluster.SubnetPrefix;

    private string NewName()
    {
        var name = GanetiTestCluster.NewInstanceName();
        _instances.Add(name);
        return name;
    }

    private static ServerBuildSpec Spec(string name, string template = "diskless", string os = "noop+default", string? ip = null,
        IReadOnlyList<string>? tags = null) =>
        new(name, 1, 256, [new DiskSpec(name + "-disk0", 1)], template, os, new Dictionary<string, string> { ["img_id"] = "ami-00000001" }, ip, tags ?? []);

    private async Task<ClusterInstance> InstanceAsync(string name) =>
        (await _driver.ListInstancesAsync(None)).Single(instance => instance.Name == name);

    private async Task<ClusterJob> FinishedAsync(string what, long id) => (await FollowAsync(what, id)).Job;

    /// <summary>
    /// Follows the job with long polls to its end: the final job, each status seen and the number of polls; reports how
    /// long that took as seen from here.
    /// </summary>
    private async Task<(ClusterJob Job, List<JobStatus> Seen, int Polls)> FollowAsync(string what, long id)
    {
        var clock = Stopwatch.StartNew();
        var seen = new List<JobStatus>();
        JobStatus? known = null;
        for (var polls = 1; ; polls++)
        {
            var job = await _driver.WaitForJobChangeAsync(id, known, None) ?? throw new AssertionException($"job {id} is unknown");
            if (job.Status != known)
            {
                seen.Add(job.Status);
            }
            known = job.Status;
            if (job.Status.IsFinal())
            {
                Report(what, clock.Elapsed, job);
                return (job, seen, polls);
            }
        }
    }

    private static void Report(string what, TimeSpan observed, ClusterJob job)
    {
        var inside = job is { ReceivedAt: { } received, EndedAt: { } ended } ? $", inside Ganeti {(ended - received).TotalMilliseconds:0} ms" : "";
        TestContext.Progress.WriteLine($"ganeti job timing: {what}: observed {observed.TotalMilliseconds:0} ms{inside}");
    }
}
