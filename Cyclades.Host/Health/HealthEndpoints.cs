using Cyclades.Logic.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Host.Health;

/// <summary>
/// <c>GET /healthz</c> (liveness: the process serves requests) and <c>GET /readyz</c> (readiness:
/// database reachable and migrated, every enabled Ganeti cluster's RAPI reachable; 503 otherwise),
/// outside the EC2 protocol and its authentication.
/// </summary>
public static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    private const string ReadinessTag = "ready";

    public static IServiceCollection AddCycladesHealth(this IServiceCollection services)
    {
        services.AddValidatedOptions<HealthOptions, HealthOptionsValidator>(HealthOptions.Section);
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddSingleton<GanetiClustersHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadinessTag])
            .AddCheck<GanetiClustersHealthCheck>("ganeti", tags: [ReadinessTag]);
        return services;
    }

    public static IApplicationBuilder UseCycladesHealth(this IApplicationBuilder app) =>
        app.UseHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .UseHealthChecks(ReadinessPath, new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(ReadinessTag),
                ResponseWriter = HealthResponseWriter.WriteAsync,
            });
}
