using System.Net;
using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// (1) The read path: the reader's first DescribeInstances page (MaxResults=100), signed by AWSSDK.EC2
/// and replayed by wrk at each concurrency, against the service and against its ceiling — the same
/// answer bytes served by a bare endpoint in the same process — one right after the other.
/// </summary>
public sealed class ReadPath(Wrk wrk, BenchPlan plan, Action<string> log)
{
    public const string CeilingPath = "/__bench/ceiling";

    public async Task<ReadPathResult> MeasureAsync(ServiceProcess service, BenchDatabase database, int totalInstances, CancellationToken cancellationToken)
    {
        var (request, answer) = await CaptureAsync(service, cancellationToken);
        await InstallCeilingAsync(service.Endpoint, answer.Body, cancellationToken);
        var ceiling = request.WithPath(CeilingPath);

        log($"{database.Label}: warming up ({plan.Warmup.TotalSeconds:0} s each)");
        await wrk.RunAsync(service.Endpoint, request, 16, plan.Warmup, cancellationToken);
        await wrk.RunAsync(service.Endpoint, ceiling, 16, plan.Warmup, cancellationToken);

        var ours = new List<LoadResult>();
        var bare = new List<LoadResult>();
        foreach (var connections in plan.Concurrencies)
        {
            ours.Add(Valid(await MeasurePointAsync(wrk, service, request, connections, plan.LoadDuration, cancellationToken), "service"));
            bare.Add(Valid(await MeasurePointAsync(wrk, service, ceiling, connections, plan.CeilingDuration, cancellationToken), "ceiling"));
            log($"{database.Label} c={connections}: service {ours[^1].RequestsPerSecond:0} req/s (p50 {ours[^1].P50Ms:0.00} ms, " +
                $"{ours[^1].ServerCpuMsPerRequest:0.000} CPU ms/req), ceiling {bare[^1].RequestsPerSecond:0} req/s (p50 {bare[^1].P50Ms:0.00} ms, " +
                $"{bare[^1].ServerCpuMsPerRequest:0.000} CPU ms/req)");
        }
        return new ReadPathResult(database.Label, totalInstances, plan.ReaderInstances, answer.InstanceCount, answer.Body.Length,
            ours, bare, service.PeakResidentBytes);
    }

    /// <summary>One wrk point, with the CPU time the service used for it.</summary>
    internal static async Task<LoadResult> MeasurePointAsync(
        Wrk wrk, ServiceProcess service, CapturedRequest request, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpu = service.CpuTime;
        var result = await wrk.RunAsync(service.Endpoint, request, connections, duration, cancellationToken);
        return result with { ServerCpuMsPerRequest = (service.CpuTime - cpu).TotalMilliseconds / Math.Max(1, result.Requests) };
    }

    /// <summary>The reader's signed first-page request, checked to answer a full page.</summary>
    public static async Task<(CapturedRequest Request, CapturedResponse Answer)> CaptureAsync(ServiceProcess service, CancellationToken cancellationToken)
    {
        var (request, answer) = await SdkRequestCapture.DescribeInstancesAsync(service.Endpoint, FleetUsers.Reader, cancellationToken);
        if (answer.Status != (int)HttpStatusCode.OK || answer.InstanceCount != SdkRequestCapture.PageSize)
        {
            throw new BenchException($"DescribeInstances answered {answer.Status} with {answer.InstanceCount} instances, not a page of {SdkRequestCapture.PageSize}.");
        }
        return (request, answer);
    }

    /// <summary>The result, or a <see cref="BenchException"/> if wrk saw any failed request.</summary>
    internal static LoadResult Valid(LoadResult result, string target) => result.Errors == 0
        ? result
        : throw new BenchException($"wrk saw {result.Errors} failed requests against the {target} at c={result.Concurrency}: the measurement is void.");

    private static async Task InstallCeilingAsync(Uri endpoint, byte[] answer, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var put = await http.PutAsync(new Uri(endpoint, CeilingPath), new ByteArrayContent(answer), cancellationToken);
        using var check = await http.PostAsync(new Uri(endpoint, CeilingPath), new ByteArrayContent([]), cancellationToken);
        var served = await check.Content.ReadAsByteArrayAsync(cancellationToken);
        if (put.StatusCode != HttpStatusCode.NoContent || !served.AsSpan().SequenceEqual(answer))
        {
            throw new BenchException($"The ceiling endpoint is not serving the captured answer (PUT {(int)put.StatusCode}, POST {(int)check.StatusCode}); " +
                "is Cyclades:Bench:CeilingEndpoint=true reaching the service?");
        }
    }
}
