using System.Net;

namespace Cyclades.Ganeti.Simulation;

/// <summary>
/// The simulated cluster's RAPI as an in-process HTTP handler (no socket): held requests wait, injected faults come first,
/// then <see cref="SimulatedRapiEndpoints"/>.
/// </summary>
internal sealed class SimulatedRapiHandler(SimulatedGanetiCluster cluster) : HttpMessageHandler
{
    private readonly SimulatedRapiEndpoints _endpoints = new(cluster);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cluster.HoldFor(request.Method, request.RequestUri?.AbsolutePath ?? "") is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }
        switch (cluster.TakeRequestFault(request.Method))
        {
            case { Kind: RequestFaultKind.Unreachable }:
                throw new HttpRequestException(HttpRequestError.ConnectionError,
                    $"Connection refused (the simulated Ganeti cluster {cluster.Name} is unreachable)");
            case { Kind: RequestFaultKind.Hang }:
                await Task.Delay(Timeout.InfiniteTimeSpan, cluster.Time, cancellationToken);
                break;
            case { Kind: RequestFaultKind.HttpStatus } fault:
                return SimulatedRapiResponses.Error(request, fault.Status, $"Simulated failure ({(int)fault.Status})");
        }
        try
        {
            return await _endpoints.HandleAsync(request, cancellationToken);
        }
        catch (SimulatedRapiError error)
        {
            return SimulatedRapiResponses.Error(request, error.Status, error.Message);
        }
    }
}
