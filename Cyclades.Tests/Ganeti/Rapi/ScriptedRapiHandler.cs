using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cyclades.Ganeti.Rapi;

namespace Cyclades.Tests.Ganeti.Rapi;

/// <summary>A fake RAPI for client tests: answers what the test queued, in order, and records every request.</summary>
internal sealed class ScriptedRapiHandler : HttpMessageHandler
{
    public static readonly Uri BaseAddress = new("https://rapi.test:5080/");

    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest SingleRequest => Requests.Count == 1
        ? Requests[0]
        : throw new AssertionException($"expected one request, got {Requests.Count}: {string.Join(", ", Requests)}");

    /// <summary>A client over this handler with user <c>jdoe</c> / <c>secret</c> and fast retries.</summary>
    public GanetiRapiClient CreateClient(TimeSpan? requestTimeout = null) => new(new RapiClientSettings(BaseAddress)
    {
        User = "jdoe",
        Password = "secret",
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
    }, this);

    public ScriptedRapiHandler Answer(string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers.Enqueue(_ => Task.FromResult(Json(status, json)));
        return this;
    }

    public ScriptedRapiHandler AnswerSample(string sample, HttpStatusCode status = HttpStatusCode.OK) => Answer(RapiSamples.Read(sample), status);

    public ScriptedRapiHandler AnswerText(string text, HttpStatusCode status, string mediaType = "text/html")
    {
        _answers.Enqueue(_ => Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(text, Encoding.UTF8, mediaType),
        }));
        return this;
    }

    public ScriptedRapiHandler RefuseConnection()
    {
        _answers.Enqueue(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (rapi.test:5080)"));
        return this;
    }

    public ScriptedRapiHandler NeverAnswer()
    {
        _answers.Enqueue(async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!.PathAndQuery, body,
            request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.MediaType));
        if (!_answers.TryDequeue(out var answer))
        {
            throw new AssertionException($"unexpected request {request.Method} {request.RequestUri}");
        }
        var response = await answer(cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }
}

internal sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? Body, string? Authorization, string? ContentType)
{
    /// <summary>Asserts the body is this JSON (same values, any formatting and key order).</summary>
    public void AssertJsonBody(string expectedJson)
    {
        Assert.That(Body, Is.Not.Null, $"{Method} {PathAndQuery} has no body");
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(Body!), JsonNode.Parse(expectedJson)), Is.True,
            $"body of {Method} {PathAndQuery}:\n  sent     {Body}\n  expected {JsonNode.Parse(expectedJson)!.ToJsonString()}");
        Assert.That(ContentType, Is.EqualTo("application/json"));
    }
}

internal static class RapiSamples
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Ganeti", "Samples", name));
}
