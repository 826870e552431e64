using System.Net.Http.Headers;
using Cyclades.Ganeti.Simulation;

namespace Cyclades.Ganeti.Simulator;

/// <summary>
/// Serves a <see cref="SimulatedGanetiCluster"/>'s in-process RAPI over a socket: each HTTP request
/// becomes the <see cref="HttpRequestMessage"/> the cluster's handler answers, after the injected
/// faults of <see cref="FaultInjector"/>.
/// </summary>
public sealed class RapiForwarding(SimulatedGanetiCluster cluster, FaultInjector faults)
{
    private readonly HttpMessageInvoker _rapi = new(cluster.CreateHandler());

    public async Task HandleAsync(HttpContext context)
    {
        var method = new HttpMethod(context.Request.Method);
        var decision = faults.Decide(method);
        var aborted = context.RequestAborted;
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, aborted);
        }
        if (decision.Hang)
        {
            await HangAsync(context);
            return;
        }
        if (decision.Status is { } status)
        {
            cluster.FailNextRequests(status, 1, method);
        }
        if (decision.FailJob)
        {
            cluster.FailNextJob("Simulated failure of the job (fault injection)");
        }

        using var request = await ToRequestAsync(context.Request, method, aborted);
        using var response = await _rapi.SendAsync(request, aborted);
        if (decision.LoseAnswer)
        {
            await HangAsync(context);
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(context.Response.Body, aborted);
    }

    private async Task HangAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(faults.Options.HangMs, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up, as intended
        }
        context.Abort();
    }

    private static async Task<HttpRequestMessage> ToRequestAsync(HttpRequest incoming, HttpMethod method, CancellationToken cancellationToken)
    {
        var uri = new Uri(SimulatedGanetiCluster.BaseAddress, incoming.Path.ToUriComponent() + incoming.QueryString.ToUriComponent());
        var request = new HttpRequestMessage(method, uri);
        using var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            if (incoming.ContentType is { } contentType)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }
        return request;
    }
}
