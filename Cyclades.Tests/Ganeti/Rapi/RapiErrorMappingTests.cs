using System.Diagnostics;
using System.Net;
using Cyclades.Ganeti.Rapi.Errors;

namespace Cyclades.Tests.Ganeti.Rapi;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
public sealed class RapiErrorMappingTests
{
    private readonly ScriptedRapiHandler _rapi = new();

    [Test]
    public async Task A_400_is_a_rejection_with_the_message_HTML_unescaped_and_its_error_code()
    {
        using var client = _rapi.AnswerSample("http-400-bad-body.json", HttpStatusCode.BadRequest).CreateClient();

        var error = await Assert.ThrowsAsync<GanetiRequestRejectedException>(() =>
            client.Instances.CreateAsync(new() { Name = "x", DiskTemplate = "diskless", OsType = "noop+default" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.Message, Does.Contain(
                "Invalid body parameters: (\"Parameter 'OP_INSTANCE_CREATE.instance_name' fails validation\", 'wrong_input')"));
            Assert.That(error.Message, Does.Not.Contain("&"));
            Assert.That(error.ErrorCode, Is.EqualTo("wrong_input"));
            Assert.That(error.Explanation, Is.EqualTo("Bad request syntax or unsupported method"));
        });
    }

    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden)]
    public async Task Bad_credentials_are_an_authentication_error(HttpStatusCode status)
    {
        using var client = _rapi.Answer("""{"code": 401, "message": "Unauthorized", "explain": "No permission -- see authorization schemes"}""", status)
            .CreateClient();

        var error = await Assert.ThrowsAsync<GanetiAuthenticationException>(() => client.Instances.StartupAsync("snf-1"));

        Assert.That(error!.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public async Task A_500_is_a_server_error_and_a_GET_is_not_retried_for_it()
    {
        using var client = _rapi.Answer("""{"code": 500, "message": "Can&#x27;t load job file", "explain": "Server got itself in trouble"}""",
            HttpStatusCode.InternalServerError).CreateClient();

        var error = await Assert.ThrowsAsync<GanetiServerErrorException>(() => client.Cluster.GetInfoAsync());

        Assert.That(error!.Message, Does.EndWith("HTTP 500: Can't load job file"));
        Assert.That(_rapi.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_GET_is_retried_after_a_transient_failure()
    {
        using var client = _rapi.Answer("""{"code": 502, "message": "Bad Gateway", "explain": ""}""", HttpStatusCode.BadGateway)
            .RefuseConnection().AnswerSample("info.json").CreateClient();

        var info = await client.Cluster.GetInfoAsync();

        Assert.That(info.Name, Is.EqualTo("cluster.ganeti.test"));
        Assert.That(_rapi.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_GET_that_keeps_failing_gives_up_after_the_retries()
    {
        using var client = _rapi.RefuseConnection().RefuseConnection().RefuseConnection().RefuseConnection().CreateClient();

        var error = await Assert.ThrowsAsync<GanetiUnreachableException>(() => client.Jobs.ListAsync());

        Assert.That(error!.TimedOut, Is.False);
        Assert.That(error.Message, Does.Contain("Connection refused"));
        Assert.That(_rapi.Requests, Has.Count.EqualTo(4));
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task A_request_that_may_have_created_a_job_is_never_retried(string method)
    {
        using var client = _rapi.Answer("""{"code": 503, "message": "busy", "explain": ""}""", HttpStatusCode.ServiceUnavailable)
            .Answer("99").CreateClient();

        Func<Task<long>> call = method switch
        {
            "POST" => () => client.Instances.RebootAsync("snf-1", "hard"),
            "PUT" => () => client.Instances.StartupAsync("snf-1"),
            _ => () => client.Instances.DeleteAsync("snf-1"),
        };

        await Assert.ThrowsAsync<GanetiServerErrorException>(() => call());
        Assert.That(_rapi.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_unreachable_cluster_on_a_mutating_call_fails_at_once()
    {
        using var client = _rapi.RefuseConnection().CreateClient();

        var error = await Assert.ThrowsAsync<GanetiUnreachableException>(() => client.Instances.ShutdownAsync("snf-1"));

        Assert.That(error!.Message, Does.StartWith("PUT https://rapi.test:5080/2/instances/snf-1/shutdown"));
    }

    [Test]
    public async Task A_request_without_an_answer_times_out()
    {
        using var client = _rapi.NeverAnswer().CreateClient(requestTimeout: TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<GanetiUnreachableException>(() => client.Instances.StartupAsync("snf-1"));

        Assert.That(error!.TimedOut, Is.True, "the request never gets an answer: only the client's timeout ends it");
    }

    [Test]
    public async Task An_answer_that_is_not_the_expected_JSON_is_a_protocol_error()
    {
        using var client = _rapi.AnswerText("<html>proxy login</html>", HttpStatusCode.OK).CreateClient();

        var error = await Assert.ThrowsAsync<GanetiProtocolException>(() => client.Cluster.GetInfoAsync());

        Assert.That(error!.Message, Does.Contain("<html>proxy login</html>"));
    }

    [Test]
    public async Task An_error_page_that_is_not_Ganeti_JSON_is_reported_as_text()
    {
        using var client = _rapi.AnswerText("<h1>502 Bad Gateway</h1>", HttpStatusCode.BadGateway).CreateClient();

        var error = await Assert.ThrowsAsync<GanetiServerErrorException>(() => client.Instances.StartupAsync("snf-1"));

        Assert.That(error!.Message, Does.EndWith("HTTP 502: <h1>502 Bad Gateway</h1>"));
    }

    [Test]
    public async Task The_callers_cancellation_is_not_reported_as_a_timeout()
    {
        using var client = _rapi.NeverAnswer().CreateClient();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await client.Instances.StartupAsync("snf-1", cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }
}
