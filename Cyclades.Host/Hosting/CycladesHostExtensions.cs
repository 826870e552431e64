using Cyclades.Ec2Api.Hosting;
using Cyclades.Ganeti.Configuration;
using Cyclades.Host.Health;
using Cyclades.Host.Metrics;
using Cyclades.Logic;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Secrets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cyclades.Host.Hosting;

public static class CycladesHostExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:8773";

    /// <summary>The service: configuration, logging, Kestrel, the logic core over the Ganeti clusters, the dispatcher, health, metrics and the EC2 front-end.</summary>
    public static WebApplicationBuilder AddCycladesHost(this WebApplicationBuilder builder)
    {
        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.AddCycladesConsoleLogging();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        services.AddCycladesCore(builder.Configuration);
        services.AddCycladesDispatcher();
        services.AddCycladesHealth();
        services.AddCycladesMetrics();
        services.AddEc2Api();
        return builder;
    }

    /// <summary>What the service and the admin command line share: the logic core over the Ganeti clusters, from one configuration.</summary>
    public static IServiceCollection AddCycladesCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddCycladesLogic();
        services.AddCycladesGaneti(configuration);
        return services;
    }

    /// <summary>
    /// The request pipeline: the operator's endpoints (/healthz, /readyz, /metrics) without
    /// authentication, then the front-end (the EC2 protocol answers every other path).
    /// </summary>
    public static WebApplication UseCycladesHost(this WebApplication app)
    {
        app.UseCycladesHealth();
        app.UseCycladesMetrics();
        app.MapBenchCeilingIfEnabled();
        app.MapEc2Api();
        return app;
    }

    /// <summary>
    /// Runs until shut down. A configuration error stops start-up with one line naming the setting and
    /// exit code 1, instead of a stack trace.
    /// </summary>
    public static async Task<int> RunCycladesAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            app.Services.GetRequiredService<SecretProtector>(); // loads, or generates, the secrets key
        }
        catch (Exception e) when (ConfigurationFailures(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync($"cyclades-ec2: configuration error: {string.Join(" ", failures)}");
            return 1;
        }
        await app.RunAsync();
        return 0;
    }

    /// <summary>The messages of an options failure (alone or several aggregated); empty for any other exception.</summary>
    internal static List<string> ConfigurationFailures(Exception exception) => exception switch
    {
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            aggregate.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures).Distinct().ToList(),
        _ => [],
    };

    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
