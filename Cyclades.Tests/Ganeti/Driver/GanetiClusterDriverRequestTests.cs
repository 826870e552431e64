using System.Net;
using Cyclades.Ganeti.Driver;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Tests.Ganeti.Rapi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Cyclades.Tests.Ganeti.Driver;

/// <summary>What the driver sends for each domain command, against a scripted RAPI.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
public sealed class GanetiClusterDriverRequestTests
{
    private readonly ScriptedRapiHandler _rapi = new();

    private GanetiClusterDriver Driver(InstanceCreationDefaults? defaults = null) =>
        new("ganeti-1", _rapi.CreateClient(), defaults ?? new InstanceCreationDefaults());

    private static ServerBuildSpec Spec(string template = "diskless", string? ip = null, params string[] tags) => new(
        "snf-42", Cpu: 2, RamMiB: 1024, [new DiskSpec("snf-vol-7", 2)], template, "noop+default",
        new Dictionary<string, string> { ["img_id"] = "ami-00000001", ["img_format"] = "diskdump" }, ip, tags);

    [Test]
    public async Task Create_on_a_network_with_an_address_a_hypervisor_a_node_and_sanitized_tags()
    {
        _rapi.Answer("7");

        var job = await Driver(new InstanceCreationDefaults("fake", "node1.ganeti.test", "snf-test-net"))
            .CreateServerAsync(Spec("file", "203.0.113.9", "ec2:ami=ami-1", "cyclades:user:7"), CancellationToken.None);

        Assert.That(job, Is.EqualTo(7));
        Assert.That($"{_rapi.SingleRequest.Method} {_rapi.SingleRequest.PathAndQuery}", Is.EqualTo("POST /2/instances"));
        _rapi.SingleRequest.AssertJsonBody("""
            {"__version__": 1, "mode": "create", "name": "snf-42", "disk_template": "file", "disks": [{"size": 2048, "name": "snf-vol-7"}],
             "nics": [{"ip": "203.0.113.9", "network": "snf-test-net"}], "os_type": "noop+default",
             "osparams": {"img_id": "ami-00000001", "img_format": "diskdump"},
             "beparams": {"vcpus": 2, "minmem": 1024, "maxmem": 1024}, "hypervisor": "fake", "pnode": "node1.ganeti.test",
             "tags": ["ec2:ami:ami-1", "cyclades:user:7"], "name_check": false, "ip_check": false}
            """);
    }

    [Test]
    public async Task Create_on_a_network_without_an_address_takes_one_from_its_pool()
    {
        _rapi.Answer("7");

        await Driver(new InstanceCreationDefaults(Network: "snf-test-net")).CreateServerAsync(Spec(), CancellationToken.None);

        _rapi.SingleRequest.AssertJsonBody("""
            {"__version__": 1, "mode": "create", "name": "snf-42", "disk_template": "diskless", "disks": [],
             "nics": [{"ip": "pool", "network": "snf-test-net"}], "os_type": "noop+default",
             "osparams": {"img_id": "ami-00000001", "img_format": "diskdump"},
             "beparams": {"vcpus": 2, "minmem": 1024, "maxmem": 1024}, "tags": [], "name_check": false, "ip_check": false}
            """);
    }

    [TestCase("10.0.0.5", """[{"ip": "10.0.0.5"}]""")]
    [TestCase(null, "[{}]")]
    public async Task Without_a_network_the_address_is_plain_NIC_metadata_and_the_iallocator_places_it(string? ip, string nics)
    {
        _rapi.Answer("7");

        await Driver().CreateServerAsync(Spec(ip: ip), CancellationToken.None);

        _rapi.SingleRequest.AssertJsonBody($$"""
            {"__version__": 1, "mode": "create", "name": "snf-42", "disk_template": "diskless", "disks": [],
             "nics": {{nics}}, "os_type": "noop+default", "osparams": {"img_id": "ami-00000001", "img_format": "diskdump"},
             "beparams": {"vcpus": 2, "minmem": 1024, "maxmem": 1024}, "tags": [], "name_check": false, "ip_check": false}
            """);
    }

    [Test]
    public async Task Power_and_resize_commands()
    {
        _rapi.Answer("1").Answer("2").Answer("3").Answer("4").Answer("5").Answer("6").Answer("7");
        var driver = Driver();
        var none = CancellationToken.None;

        await driver.StartServerAsync("snf-42", none);
        await driver.StopServerAsync("snf-42", TimeSpan.FromSeconds(9.2), none);
        await driver.StopServerAsync("snf-42", null, none);
        await driver.RebootServerAsync("snf-42", TimeSpan.Zero, none);
        await driver.RebootServerAsync("snf-42", null, none);
        await driver.ResizeServerAsync("snf-42", 4, 2048, none);
        var last = await driver.DestroyServerAsync("snf-42", none);

        Assert.That(last, Is.EqualTo(7));
        var requests = _rapi.Requests;
        Assert.That(requests.Select(r => $"{r.Method} {r.PathAndQuery}"), Is.EqualTo(new[]
        {
            "PUT /2/instances/snf-42/startup", "PUT /2/instances/snf-42/shutdown", "PUT /2/instances/snf-42/shutdown",
            "POST /2/instances/snf-42/reboot?type=hard", "POST /2/instances/snf-42/reboot?type=hard",
            "PUT /2/instances/snf-42/modify", "DELETE /2/instances/snf-42",
        }));
        requests[1].AssertJsonBody("""{"timeout": 10}""");
        requests[2].AssertJsonBody("{}");
        requests[3].AssertJsonBody("""{"shutdown_timeout": 0}""");
        requests[4].AssertJsonBody("{}");
        requests[5].AssertJsonBody("""{"beparams": {"vcpus": 4, "minmem": 2048, "maxmem": 2048}}""");
    }

    [Test]
    public async Task The_job_list_maps_opcodes_and_statuses_and_has_no_messages()
    {
        _rapi.AnswerSample("jobs-bulk.json");

        var jobs = await Driver().ListJobsAsync(CancellationToken.None);

        var byId = jobs.ToDictionary(job => job.Id);
        Assert.Multiple(() =>
        {
            Assert.That(byId[18].Operations.Single(), Is.EqualTo(new ClusterJobOperation(
                ServerOperation.Stop, "ex-vm2.ganeti.test", JobStatus.Success, null, null, null)));
            Assert.That(byId[10].Status, Is.EqualTo(JobStatus.Error));
            Assert.That(byId[10].Operations[0].Operation, Is.EqualTo(ServerOperation.Create));
            Assert.That(byId[14].Operations[0].Operation, Is.EqualTo(ServerOperation.Destroy));
            Assert.That(byId[17].Operations[0].Operation, Is.EqualTo(ServerOperation.Start));
            Assert.That(jobs.SelectMany(job => job.Operations).Select(op => op.Message), Is.All.Null);
            Assert.That(byId[18].EndedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1795553403).AddTicks(798914 * 10)));
            Assert.That(byId[18].ReceivedAt!.Value.Ticks % 10, Is.Zero);
        });
    }

    [Test]
    public async Task A_single_job_carries_the_failure_message()
    {
        _rapi.AnswerSample("job-error-osfail.json");

        var job = (await Driver().GetJobAsync(11, CancellationToken.None))!;

        var op = job.Operations.Single();
        Assert.That((op.Operation, op.Status, job.Status), Is.EqualTo((ServerOperation.Create, JobStatus.Error, JobStatus.Error)));
        Assert.That(op.Message, Does.StartWith("Could not add os for instance ex-vm3.ganeti.test").And.Contain("OS create script failed"));
        Assert.That(job.EndedAt, Is.Not.Null);
    }

    [Test]
    public async Task A_successful_job_carries_its_last_log_line_and_a_modify_its_new_size()
    {
        _rapi.AnswerSample("job-success-create.json").AnswerSample("job-success-modify.json");
        var driver = Driver();

        var create = (await driver.GetJobAsync(4, CancellationToken.None))!;
        var modify = (await driver.GetJobAsync(8, CancellationToken.None))!;

        Assert.That(create.Operations[0].Message, Is.EqualTo("* starting instance..."));
        Assert.That(create.Operations[0].NewCpu, Is.Null);
        Assert.That(modify.Operations.Single(), Is.EqualTo(new ClusterJobOperation(
            ServerOperation.Modify, "ex-vm1.ganeti.test", JobStatus.Success, null, NewCpu: 2, NewRamMiB: 512)));
    }

    [Test]
    public async Task An_unknown_job_is_null()
    {
        _rapi.AnswerSample("job-unknown-id.json").AnswerSample("job-unknown-id.json");
        var driver = Driver();

        Assert.That(await driver.GetJobAsync(987654, CancellationToken.None), Is.Null);
        Assert.That(await driver.WaitForJobChangeAsync(987654, JobStatus.Running, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Waiting_passes_the_known_status_to_the_long_poll()
    {
        _rapi.AnswerSample("job-running.json").Answer("null");

        var job = await Driver().WaitForJobChangeAsync(5, JobStatus.Running, CancellationToken.None);

        Assert.That(job!.Status, Is.EqualTo(JobStatus.Running), "unchanged after the wait period: the job as it is");
        _rapi.Requests[1].AssertJsonBody("""
            {"fields": ["status", "opstatus", "opresult", "oplog", "start_ts", "end_ts"],
             "previous_job_info": ["running", ["running"], [null], [[]], [1795553386, 908507], null], "previous_log_serial": 2147483647}
            """);
    }

    [Test]
    public async Task Instances_are_listed_with_their_states_and_resources()
    {
        _rapi.Answer($"[{RapiSamples.Read("instance-error-down.json")}, {RapiSamples.Read("instance.json")}]");

        var instances = await Driver().ListInstancesAsync(CancellationToken.None);

        Assert.That(instances[0], Is.EqualTo(instances[0] with
        {
            Name = "ex-vm1.ganeti.test", IsRunning = false, IsAdminUp = true, Cpu = 2, RamMiB = 512,
        }));
        Assert.That((instances[1].IsRunning, instances[1].Cpu, instances[1].RamMiB), Is.EqualTo((true, 1, 256)));
        Assert.That(instances[1].NicIps, Is.EqualTo(new string?[] { null }));
        Assert.That(instances[1].DiskSizesMiB, Is.Empty);
    }

    [Test]
    public async Task Capacity_counts_only_nodes_that_can_take_instances()
    {
        var usable = RapiSamples.Read("nodes-bulk.json").Trim().TrimStart('[').TrimEnd(']');
        var drained = usable.Replace("\"drained\": false", "\"drained\": true").Replace("node1.", "node2.");
        var offline = usable.Replace("\"offline\": false", "\"offline\": true").Replace("node1.", "node3.");
        _rapi.AnswerSample("info.json").Answer($"[{usable}, {drained}, {offline}]");

        var info = await Driver().GetInfoAsync(CancellationToken.None);

        Assert.That(info, Is.EqualTo(new ClusterInfo("cc4f7b1e-6b06-47bf-a83a-efb8b8a2d57a", "cluster.ganeti.test", "3.0.2",
            FreeMemoryMiB: 23184, TotalMemoryMiB: 24105, FreeDiskMiB: 80040, NodeCount: 1, DiskTemplates: info.DiskTemplates)));
        Assert.That(info.DiskTemplates, Is.EqualTo(new[] { "diskless", "file" }));
    }

    [Test]
    public async Task A_refused_request_is_a_rejection_naming_the_backend_and_the_action()
    {
        _rapi.AnswerSample("http-400-bad-body.json", HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<ClusterRejectedException>(() => Driver().CreateServerAsync(Spec(), CancellationToken.None));

        Assert.That(error!.Backend, Is.EqualTo("ganeti-1"));
        Assert.That(error.Message, Does.Contain("create snf-42").And.Contain("'OP_INSTANCE_CREATE.instance_name' fails validation"));
    }

    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden)]
    public async Task Refused_credentials_are_a_rejection_that_tells_the_operator_the_clusters_answer(HttpStatusCode status)
    {
        _rapi.Answer("""{"code": 401, "message": "Unauthorized", "explain": "No permission -- see authorization schemes"}""", status);
        var logger = new FakeLogger<GanetiClusterDriver>();
        var driver = new GanetiClusterDriver("ganeti-1", _rapi.CreateClient(), new InstanceCreationDefaults(), logger);

        var error = await Assert.ThrowsAsync<ClusterRejectedException>(() => driver.CreateServerAsync(Spec(), CancellationToken.None));

        Assert.That(error!.ToDomainError(), Is.TypeOf<BackendRejectedException>().With.Property(nameof(BackendRejectedException.Backend)).EqualTo("ganeti-1"));
        var logged = logger.Collector.GetSnapshot().Single();
        Assert.That(logged.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(logged.Message, Does.Contain("ganeti-1").And.Contain("create snf-42").And.Contain($"HTTP {(int)status}")
            .And.Contain("Unauthorized").And.Contain("No permission -- see authorization schemes"));
    }

    [Test]
    public async Task An_unavailable_cluster_is_a_domain_unavailability()
    {
        _rapi.Answer("""{"code": 500, "message": "boom", "explain": ""}""", HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => Driver().StartServerAsync("snf-42", CancellationToken.None));

        Assert.That(error!.ToDomainError(), Is.TypeOf<BackendUnavailableException>().With.Property(nameof(BackendUnavailableException.Backend)).EqualTo("ganeti-1"));
    }

    [Test]
    public async Task Unreachable_failing_or_incomprehensible_clusters_are_unavailable()
    {
        _rapi.RefuseConnection()
            .Answer("""{"code": 500, "message": "boom", "explain": ""}""", HttpStatusCode.InternalServerError)
            .Answer("""{"id": 3, "status": "exploded", "ops": [], "opstatus": []}""");
        var driver = Driver();

        await Assert.ThrowsAsync<ClusterUnavailableException>(() => driver.StartServerAsync("snf-42", CancellationToken.None));
        await Assert.ThrowsAsync<ClusterUnavailableException>(() => driver.DestroyServerAsync("snf-42", CancellationToken.None));
        var odd = await Assert.ThrowsAsync<ClusterUnavailableException>(() => driver.GetJobAsync(3, CancellationToken.None));

        Assert.That(odd!.Message, Does.Contain("unknown Ganeti job status 'exploded'"));
    }

    [TestCase("OP_INSTANCE_CREATE", ServerOperation.Create)]
    [TestCase("OP_INSTANCE_STARTUP", ServerOperation.Start)]
    [TestCase("OP_INSTANCE_SHUTDOWN", ServerOperation.Stop)]
    [TestCase("OP_INSTANCE_REBOOT", ServerOperation.Reboot)]
    [TestCase("OP_INSTANCE_REMOVE", ServerOperation.Destroy)]
    [TestCase("OP_INSTANCE_SET_PARAMS", ServerOperation.Modify)]
    [TestCase("OP_INSTANCE_MIGRATE", ServerOperation.Other)]
    [TestCase("OP_CLUSTER_SET_PARAMS", ServerOperation.Other)]
    public void Opcodes_map_to_server_operations(string opId, ServerOperation operation) =>
        Assert.That(GanetiJobMapping.ToServerOperation(opId), Is.EqualTo(operation));

    [Test]
    public void Every_job_status_maps_both_ways()
    {
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            Assert.That(GanetiJobMapping.ToJobStatus(GanetiJobMapping.ToGanetiStatus(status)), Is.EqualTo(status));
        }
    }
}
