using Cyclades.Logic.Backends;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cyclades.Host.Health;

/// <summary>Ready when the RAPI of every enabled backend (drained ones too: they keep servers) answers; reported per cluster.</summary>
public sealed class GanetiClustersHealthCheck(BackendRegistry backends, ClusterDriverCache drivers, TimeProvider clock, IOptions<HealthOptions> options)
    : SharedProbeHealthCheck(clock, options)
{
    public sealed record ClusterStatus(string Name, string Status, bool Drained, string? ClusterId, string? Version, long? FreeMemoryMiB, string? Error);

    protected override async Task<HealthCheckResult> ProbeAsync()
    {
        var enabled = (await backends.ListAsync(CancellationToken.None)).Where(b => b.Enabled).ToList();
        var clusters = await Task.WhenAll(enabled.Select(ProbeClusterAsync));
        var down = clusters.Count(c => c.Error is not null);
        var data = new Dictionary<string, object> { ["clusters"] = clusters };
        return down == 0
            ? HealthCheckResult.Healthy($"{clusters.Length} cluster(s) reachable", data)
            : HealthCheckResult.Unhealthy($"{down} of {clusters.Length} cluster(s) unreachable", data: data);
    }

    private async Task<ClusterStatus> ProbeClusterAsync(Backend backend)
    {
        var probe = await drivers.ProbeAsync(backend, Timeout, CancellationToken.None);
        return new ClusterStatus(backend.Name, probe.Answered ? "healthy" : "unhealthy", backend.Drained,
            probe.Info?.ClusterId, probe.Info?.SoftwareVersion, probe.Info?.FreeMemoryMiB, probe.Problem);
    }
}
