using Cyclades.Logic.Quotas;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace Cyclades.Host.Metrics;

/// <summary><c>GET /metrics</c>: Prometheus metrics, outside the EC2 protocol and its authentication.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddCycladesMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<PrometheusExport>();
        return services;
    }

    public static IApplicationBuilder UseCycladesMetrics(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var export = services.GetRequiredService<PrometheusExport>();
        // The gauge is observed once created; it needs the database settings, validated at start.
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => services.GetRequiredService<CommissionMetrics>());
        return app.UseMetricServer(settings => settings.Registry = export.Registry, Path);
    }
}
