using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Tests.Ganeti.Rapi;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
public sealed class ClusterClientTests
{
    private readonly ScriptedRapiHandler _rapi = new();

    [Test]
    public async Task Info_is_read_from_2_info_with_basic_authentication()
    {
        using var client = _rapi.AnswerSample("info.json").CreateClient();

        var info = await client.Cluster.GetInfoAsync();

        var request = _rapi.SingleRequest;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(request.PathAndQuery, Is.EqualTo("/2/info"));
            Assert.That(request.Body, Is.Null);
            Assert.That(request.Authorization,
                Is.EqualTo(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("jdoe:secret"))).ToString()));
            Assert.That(info.Uuid, Is.EqualTo("cc4f7b1e-6b06-47bf-a83a-efb8b8a2d57a"));
            Assert.That(info.Name, Is.EqualTo("cluster.ganeti.test"));
            Assert.That(info.SoftwareVersion, Is.EqualTo("3.0.2"));
            Assert.That(info.Master, Is.EqualTo("node1.ganeti.test"));
            Assert.That(info.DefaultHypervisor, Is.EqualTo("fake"));
            Assert.That(info.EnabledDiskTemplates, Is.EqualTo(new[] { "diskless", "file" }));
            Assert.That(info.DefaultIAllocator, Is.EqualTo("hail"));
            Assert.That(info.OtherFields!["ipolicy"].GetProperty("vcpu-ratio").GetInt32(), Is.EqualTo(32));
        });
    }

    [Test]
    public async Task Version_features_and_operating_systems()
    {
        using var client = _rapi.AnswerSample("version.json").AnswerSample("features.json").AnswerSample("os.json").CreateClient();

        var version = await client.Cluster.GetVersionAsync();
        var features = await client.Cluster.GetFeaturesAsync();
        var systems = await client.Cluster.GetOperatingSystemsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_rapi.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[] { "/version", "/2/features", "/2/os" }));
            Assert.That(version, Is.EqualTo(2));
            Assert.That(features, Does.Contain("instance-create-reqv1"));
            Assert.That(systems, Is.EqualTo(new[] { "noop+default", "noop+fail", "noop+slow" }));
        });
    }

    [Test]
    public async Task Modify_puts_the_parameters_and_returns_the_job_id()
    {
        using var client = _rapi.Answer("2\n").CreateClient();

        var job = await client.Cluster.ModifyAsync(new ClusterModifyRequest
        {
            DefaultIAllocatorParameters = new Dictionary<string, JsonElement?> { ["no-capacity-checks"] = null },
        });

        Assert.That(job, Is.EqualTo(2));
        Assert.That(_rapi.SingleRequest.Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/modify"));
        _rapi.SingleRequest.AssertJsonBody("""{"default_iallocator_params": {"no-capacity-checks": null}}""");
    }

    [Test]
    public async Task Nodes_are_read_in_bulk()
    {
        using var client = _rapi.AnswerSample("nodes-bulk.json").CreateClient();

        var node = (await client.Nodes.ListAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/nodes?bulk=1"));
            Assert.That(node.Name, Is.EqualTo("node1.ganeti.test"));
            Assert.That(node.MemoryTotalMiB, Is.EqualTo(24105));
            Assert.That(node.MemoryFreeMiB, Is.EqualTo(23184));
            Assert.That(node.DiskFreeMiB, Is.EqualTo(80040));
            Assert.That(node.CanHostInstances, Is.True);
            Assert.That(node.Role, Is.EqualTo("M"));
        });
    }
}
