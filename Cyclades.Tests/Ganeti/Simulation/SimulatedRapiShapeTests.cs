using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cyclades.Ganeti.Simulation;

namespace Cyclades.Tests.Ganeti.Simulation;

/// <summary>The simulator's raw HTTP answers have the shapes recorded from a real Ganeti 3.0.</summary>
[Category("Unit")]
public sealed class SimulatedRapiShapeTests
{
    [Test]
    public async Task An_unknown_job_is_HTTP_200_with_every_field_null()
    {
        using var http = Http(Simulator.Cluster());

        var (status, body) = await SendAsync(http, HttpMethod.Get, "/2/jobs/987654");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var expected = JsonNode.Parse(Recorded("job-unknown-id.json"));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(body), expected), Is.True, body);
    }

    [Test]
    public async Task A_job_has_the_recorded_fields_and_the_bulk_listing_drops_log_and_results()
    {
        var cluster = Simulator.Cluster();
        using var http = Http(cluster);
        cluster.AdminShutdown("snf-1");

        var job = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, "/2/jobs/1")).Body)!.AsObject();
        var listed = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, "/2/jobs?bulk=1")).Body)![0]!.AsObject();

        var recordedJob = JsonNode.Parse(Recorded("job-error-unknown-instance.json"))!.AsObject();
        var recordedListed = JsonNode.Parse(Recorded("jobs-bulk.json"))![0]!.AsObject();
        Assert.That(job.Select(p => p.Key), Is.EquivalentTo(recordedJob.Select(p => p.Key)));
        Assert.That(listed.Select(p => p.Key), Is.EquivalentTo(recordedListed.Select(p => p.Key)));
        Assert.That(job["opresult"]![0]!.ToJsonString(), Is.EqualTo("""["OpPrereqError",["Instance \u0027snf-1\u0027 not known","unknown_entity"]]"""));
    }

    [Test]
    public async Task An_instance_has_the_recorded_state_fields()
    {
        var cluster = Simulator.Cluster();
        using var http = Http(cluster);
        cluster.AdminCreate("snf-1");

        var instance = JsonNode.Parse((await SendAsync(http, HttpMethod.Get, "/2/instances?bulk=1")).Body)![0]!.AsObject();

        var recorded = JsonNode.Parse(Recorded("instance.json"))!.AsObject();
        var shared = new[] { "name", "admin_state", "oper_state", "status", "os", "pnode", "disk_template", "disk.sizes", "nic.ips",
            "nic.macs", "beparams", "oper_ram", "oper_vcpus", "tags", "ctime", "mtime", "uuid", "serial_no" };
        Assert.That(shared.Where(key => !recorded.ContainsKey(key)), Is.Empty, "the recorded instance has these fields");
        Assert.That(shared.Where(key => !instance.ContainsKey(key)), Is.Empty);
        Assert.That(instance["status"]!.GetValue<string>(), Is.EqualTo("running"));
    }

    [Test]
    public async Task Errors_are_Ganeti_JSON_with_HTML_escaped_messages()
    {
        using var http = Http(Simulator.Cluster());

        var notFound = await SendAsync(http, HttpMethod.Get, "/2/instances/does-not-exist");
        var wrongVerb = await SendAsync(http, HttpMethod.Put, "/2/instances/snf-1/reboot");
        var badBody = await SendAsync(http, HttpMethod.Post, "/2/instances", """{"__version__": 1, "mode": "create"}""");

        Assert.That(notFound.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(notFound.Body), JsonNode.Parse(Recorded("http-404-instance.json"))), Is.True);
        Assert.That(wrongVerb.Status, Is.EqualTo(HttpStatusCode.NotImplemented));
        Assert.That(badBody.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badBody.Body, Does.Contain("&quot;").And.Contain("&#x27;wrong_input&#x27;"));
    }

    [Test]
    public async Task Mutating_calls_answer_a_bare_job_id()
    {
        using var http = Http(Simulator.Cluster());

        var (status, body) = await SendAsync(http, HttpMethod.Put, "/2/instances/snf-1/startup");

        Assert.That((status, body), Is.EqualTo((HttpStatusCode.OK, "1")));
    }

    private static HttpClient Http(SimulatedGanetiCluster cluster) =>
        new(cluster.CreateHandler()) { BaseAddress = SimulatedGanetiCluster.BaseAddress };

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Recorded(string sample) => Rapi.RapiSamples.Read(sample);
}
