using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cyclades.Host.Health;

/// <summary>
/// A readiness check whose probe is shared: run at most once per <see cref="HealthOptions.CacheSeconds"/>
/// however many requests ask, and without any one request's cancellation (others may be waiting for it).
/// </summary>
public abstract class SharedProbeHealthCheck(TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly RecentResult<HealthCheckResult> _recent = new(clock, TimeSpan.FromSeconds(options.Value.CacheSeconds));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _recent.GetAsync(ProbeAsync).WaitAsync(cancellationToken);

    protected abstract Task<HealthCheckResult> ProbeAsync();
}
