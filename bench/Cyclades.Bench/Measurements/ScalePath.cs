using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// (3) Scale: the reader's first DescribeInstances page (MaxResults=100) at concurrency 1, at each
/// database size as the fleet grows; the reader always owns a tenth of it.
/// </summary>
public sealed class ScalePath(Wrk wrk, BenchPlan plan)
{
    public async Task<ScalePoint> MeasureAsync(ServiceProcess service, int totalInstances, CancellationToken cancellationToken)
    {
        var (request, _) = await ReadPath.CaptureAsync(service, cancellationToken);
        await wrk.RunAsync(service.Endpoint, request, 1, plan.Warmup, cancellationToken);
        var result = await wrk.RunAsync(service.Endpoint, request, 1, plan.ScaleDuration, cancellationToken);
        if (result.Errors > 0)
        {
            throw new BenchException($"wrk saw {result.Errors} failed requests at {totalInstances} instances: the measurement is void.");
        }
        return new ScalePoint(totalInstances, totalInstances / Fleet.FleetUsers.Count, result.P50Ms, result.P99Ms, result.RequestsPerSecond);
    }
}
