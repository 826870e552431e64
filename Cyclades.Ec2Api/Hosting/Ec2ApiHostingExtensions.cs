using Cyclades.Ec2Api.Actions;
using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Health;
using Cyclades.Ec2Api.Metrics;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Validation;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Ec2Api.Protocol;
using Cyclades.Ganeti.Configuration;
using Cyclades.Logic;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Secrets;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Hosting;

public static class Ec2ApiHostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:8773";

    /// <summary>Everything the EC2 endpoint needs: configuration, logging, Kestrel, persistence, accounts, protocol and MVC.</summary>
    public static WebApplicationBuilder AddCycladesEc2Api(this WebApplicationBuilder builder)
    {
        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Logging.ClearProviders().AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // per-request framework chatter
        }

        var services = builder.Services;
        services.AddValidatedOptions<Ec2ApiOptions, Ec2ApiOptionsValidator>(Ec2ApiOptions.Section);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            // Read leniently here: Kestrel is built before options are validated, and a bad value is
            // reported by Ec2ApiOptionsValidator with its key.
            kestrel.Limits.MaxRequestBodySize =
                long.TryParse(context.Configuration[$"{Ec2ApiOptions.Section}:MaxRequestBodyBytes"], out var limit) && limit > 0
                    ? limit
                    : new Ec2ApiOptions().MaxRequestBodyBytes;
        });

        services.AddCycladesCore(builder.Configuration);
        services.AddCycladesDispatcher();
        services.AddHostedService<Ec2ApiStartup>();
        services.AddCycladesHealth();
        services.AddCycladesMetrics();

        services.AddSingleton<SigV4Verifier>();
        services.AddSingleton<Ec2ActionCatalog>();
        services.AddSingleton<AvailabilityZoneCatalog>();
        services.AddEc2ActionServices();
        services.AddValidatorsFromAssemblyContaining<Ec2Controller>();
        services.AddControllers(mvc =>
        {
            mvc.OutputFormatters.Clear();
            mvc.OutputFormatters.Add(new Ec2XmlOutputFormatter());
            mvc.ModelBinderProviders.Insert(0, new Ec2ModelBinderProvider());
            mvc.ModelValidatorProviders.Clear();
            mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            mvc.RespectBrowserAcceptHeader = false;
            mvc.ReturnHttpNotAcceptable = false;
            mvc.Filters.Add<Ec2ValidationFilter>();
            mvc.Filters.Add<DryRunFilter>();
        });
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
    /// authentication, then the EC2 protocol (it selects the action), then routing to the controllers.
    /// </summary>
    public static WebApplication UseCycladesEc2Api(this WebApplication app)
    {
        app.UseCycladesHealth();
        app.UseCycladesMetrics();
        app.MapBenchCeilingIfEnabled();
        app.UseMiddleware<Ec2ProtocolMiddleware>();
        app.UseRouting();
        app.MapControllers();
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
