using System.Net;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation;

/// <summary>Failures a test asked for, taken one by one (guarded by the cluster's lock).</summary>
internal sealed class SimulatedFaults
{
    private readonly List<RequestFault> _requestFaults = [];
    private readonly Queue<GanetiJobError> _jobFailures = new();
    private readonly List<RequestHold> _holds = [];

    public bool Stopped { get; set; }

    public void AddRequestFaults(RequestFault fault, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _requestFaults.Add(fault);
        }
    }

    /// <summary>The first pending fault that applies to this request, removed; null = answer normally.</summary>
    public RequestFault? TakeFor(HttpMethod method)
    {
        var fault = _requestFaults.FirstOrDefault(candidate => candidate.Method is null || candidate.Method == method);
        if (fault is not null)
        {
            _requestFaults.Remove(fault);
        }
        return fault;
    }

    public void AddHold(RequestHold hold) => _holds.Add(hold);

    /// <summary>The gate a request must wait for before it is answered, if one holds it.</summary>
    public RequestHold? HoldFor(HttpMethod method, string path) => _holds.FirstOrDefault(hold => hold.Matches(method, path));

    public void AddJobFailure(GanetiJobError error) => _jobFailures.Enqueue(error);

    public GanetiJobError? TakeJobFailure() => _jobFailures.TryDequeue(out var error) ? error : null;

    public void Clear()
    {
        _requestFaults.Clear();
        _jobFailures.Clear();
        _holds.Clear();
        Stopped = false;
    }
}

internal enum RequestFaultKind
{
    /// <summary>Answer with an HTTP error status.</summary>
    HttpStatus,

    /// <summary>Fail as a refused connection does.</summary>
    Unreachable,

    /// <summary>Never answer (until the client gives up).</summary>
    Hang,
}

/// <param name="Method">Only requests with this method; null = any.</param>
internal sealed record RequestFault(RequestFaultKind Kind, HttpMethod? Method, HttpStatusCode Status = HttpStatusCode.InternalServerError);

/// <summary>Requests that wait for <see cref="Release"/> before they are answered, as a slow RAPI keeps its callers waiting.</summary>
internal sealed class RequestHold(HttpMethod? method, string pathPrefix, Task release)
{
    private int _waiting;

    public Task Release => release;

    /// <summary>Requests waiting now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public bool Matches(HttpMethod requestMethod, string path) =>
        (method is null || method == requestMethod) && path.StartsWith(pathPrefix, StringComparison.Ordinal);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await release.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
