using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Tests.Ganeti.Rapi;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
public sealed class InstancesClientTests
{
    private readonly ScriptedRapiHandler _rapi = new();

    [Test]
    public async Task Create_posts_a_version_1_request_exactly_as_recorded()
    {
        using var client = _rapi.Answer("4").CreateClient();

        var job = await client.Instances.CreateAsync(new InstanceCreateRequest
        {
            Name = "ex-vm1.ganeti.test",
            DiskTemplate = "diskless",
            Disks = [],
            Nics = [new InstanceNicSpec()],
            OsType = "noop+default",
            Hypervisor = "fake",
            BeParams = new GanetiBeParams { VCpus = 1, MaxMemoryMiB = 256, MinMemoryMiB = 256 },
            PrimaryNode = "node1.ganeti.test",
            OsParameters = new Dictionary<string, string> { ["img_id"] = "ami-00000001" },
        });

        Assert.That(job, Is.EqualTo(4));
        Assert.That(_rapi.SingleRequest.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/instances"));
        _rapi.SingleRequest.AssertJsonBody(RapiSamples.Read("request-create-diskless.json"));
    }

    [Test]
    public async Task Create_with_a_file_disk_network_address_and_tags_and_no_node()
    {
        using var client = _rapi.Answer("5").CreateClient();

        await client.Instances.CreateAsync(new InstanceCreateRequest
        {
            Name = "snf-42",
            DiskTemplate = "file",
            Disks = [new InstanceDiskSpec(1024)],
            Nics = [new InstanceNicSpec { Network = "snf-test-net", Ip = "203.0.113.7" }],
            OsType = "noop+slow",
            BeParams = new GanetiBeParams { VCpus = 2, MaxMemoryMiB = 512, MinMemoryMiB = 512 },
            Tags = ["ec2:ami:ami-42", "cyclades:user:7"],
        });

        _rapi.SingleRequest.AssertJsonBody("""
            {"__version__": 1, "mode": "create", "name": "snf-42", "disk_template": "file", "disks": [{"size": 1024}],
             "nics": [{"ip": "203.0.113.7", "network": "snf-test-net"}], "os_type": "noop+slow",
             "beparams": {"vcpus": 2, "maxmem": 512, "minmem": 512}, "tags": ["ec2:ami:ami-42", "cyclades:user:7"],
             "name_check": false, "ip_check": false}
            """);
    }

    [TestCase("ec2:ami=ami-42")]
    [TestCase("has space")]
    [TestCase("")]
    public async Task Create_refuses_a_tag_Ganeti_would_reject_without_sending_anything(string tag)
    {
        using var client = _rapi.CreateClient();

        var error = await Assert.ThrowsAsync<GanetiInvalidRequestException>(() => client.Instances.CreateAsync(new InstanceCreateRequest
        {
            Name = "snf-1", DiskTemplate = "diskless", OsType = "noop+default", Tags = ["ok", tag],
        }));

        Assert.That(error!.Message, Does.Contain($"'{tag}'"));
        Assert.That(_rapi.Requests, Is.Empty);
    }

    [Test]
    public async Task Power_operations_use_Ganeti_verbs_paths_and_bodies()
    {
        using var client = _rapi.Answer("11").Answer("12").Answer("13").Answer("14").Answer("15").CreateClient();

        var jobs = new[]
        {
            await client.Instances.StartupAsync("snf-1"),
            await client.Instances.ShutdownAsync("snf-1"),
            await client.Instances.ShutdownAsync("snf-1", timeoutSeconds: 10),
            await client.Instances.RebootAsync("snf-1", GanetiRebootTypes.Hard, shutdownTimeoutSeconds: 0),
            await client.Instances.DeleteAsync("snf-1"),
        };

        Assert.That(jobs, Is.EqualTo(new long[] { 11, 12, 13, 14, 15 }));
        Assert.That(_rapi.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"), Is.EqualTo(new[]
        {
            "PUT /2/instances/snf-1/startup",
            "PUT /2/instances/snf-1/shutdown",
            "PUT /2/instances/snf-1/shutdown",
            "POST /2/instances/snf-1/reboot?type=hard",
            "DELETE /2/instances/snf-1",
        }));
        Assert.That(_rapi.Requests[0].Body, Is.Null);
        _rapi.Requests[1].AssertJsonBody("{}");
        _rapi.Requests[2].AssertJsonBody("""{"timeout": 10}""");
        _rapi.Requests[3].AssertJsonBody("""{"shutdown_timeout": 0}""");
        Assert.That(_rapi.Requests[4].Body, Is.Null);
    }

    [Test]
    public async Task Modify_puts_backend_parameters_exactly_as_recorded()
    {
        using var client = _rapi.Answer("8").CreateClient();

        await client.Instances.ModifyAsync("ex-vm1.ganeti.test", new InstanceModifyRequest
        {
            BeParams = new GanetiBeParams { VCpus = 2, MaxMemoryMiB = 512, MinMemoryMiB = 512 },
        });

        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/instances/ex-vm1.ganeti.test/modify"));
        Assert.That(_rapi.SingleRequest.Method, Is.EqualTo(HttpMethod.Put));
        _rapi.SingleRequest.AssertJsonBody(RapiSamples.Read("request-modify.json"));
    }

    [Test]
    public async Task Instance_names_are_escaped_in_paths()
    {
        using var client = _rapi.Answer("1").CreateClient();

        await client.Instances.StartupAsync("a b/c");

        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/instances/a%20b%2Fc/startup"));
    }

    [Test]
    public async Task Bulk_listing_reads_states_resources_and_addresses()
    {
        using var client = _rapi.AnswerSample("instances-bulk.json").CreateClient();

        var instances = await client.Instances.ListAsync();

        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/instances?bulk=1"));
        Assert.That(instances.Select(i => i.Name), Is.EqualTo(new[] { "ex-vm1.ganeti.test", "ex-vm2.ganeti.test" }));
        var file = instances[1];
        Assert.Multiple(() =>
        {
            Assert.That(file.AdminState, Is.EqualTo(GanetiAdminStates.Up));
            Assert.That(file.OperState, Is.True);
            Assert.That(file.Status, Is.EqualTo(GanetiInstanceStatuses.Running));
            Assert.That(file.DiskTemplate, Is.EqualTo("file"));
            Assert.That(file.DiskSizesMiB, Is.EqualTo(new[] { 1024 }));
            Assert.That(file.NicIps, Is.EqualTo(new string?[] { null }));
            Assert.That(file.NicMacs, Is.EqualTo(new[] { "aa:00:00:7d:a2:e7" }));
            Assert.That(file.BeParams!.VCpus, Is.EqualTo(1));
            Assert.That(file.BeParams.MaxMemoryMiB, Is.EqualTo(256));
            Assert.That(file.CreatedAt, Is.EqualTo(1795553387.192354));
            Assert.That(file.Tags, Is.Empty);
        });
    }

    [Test]
    public async Task A_crashed_instance_is_admin_up_but_not_running()
    {
        using var client = _rapi.AnswerSample("instance-error-down.json").CreateClient();

        var instance = await client.Instances.GetAsync("ex-vm1.ganeti.test");

        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/instances/ex-vm1.ganeti.test"));
        Assert.That((instance.Status, instance.AdminState, instance.OperState, instance.OperRamMiB),
            Is.EqualTo((GanetiInstanceStatuses.ErrorDown, GanetiAdminStates.Up, (bool?)false, (int?)null)));
        Assert.That(instance.BeParams!.VCpus, Is.EqualTo(2));
    }

    [Test]
    public async Task Names_come_from_the_plain_listing()
    {
        using var client = _rapi.AnswerSample("instances.json").CreateClient();

        Assert.That(await client.Instances.ListNamesAsync(), Is.EqualTo(new[] { "ex-vm1.ganeti.test", "ex-vm2.ganeti.test" }));
        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/instances"));
    }

    [Test]
    public async Task An_unknown_instance_is_a_404()
    {
        using var client = _rapi.AnswerSample("http-404-instance.json", System.Net.HttpStatusCode.NotFound).CreateClient();

        var error = await Assert.ThrowsAsync<GanetiNotFoundException>(() => client.Instances.GetAsync("does-not-exist"));

        Assert.That(error!.Message, Does.EndWith("HTTP 404: Not Found"));
        Assert.That(error.Explanation, Is.EqualTo("Nothing matches the given URI"));
    }
}
