using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Backends;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cyclades.Ganeti.Configuration;

public static class GanetiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IClusterDriverFactory"/> (Ganeti RAPI, real or simulated), the
    /// <see cref="SimulatedClusterRegistry"/> and <see cref="GanetiOptions"/> bound from the
    /// <c>Cyclades:Ganeti</c> section of <paramref name="configuration"/> (the root configuration),
    /// validated at start-up. With no cluster configured, the one cluster is simulated and named
    /// <see cref="GanetiOptions.DefaultSimulatedClusterName"/>.
    /// </summary>
    public static IServiceCollection AddCycladesGaneti(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GanetiOptions>()
            .Bind(configuration.GetSection(GanetiOptions.Section), binder => binder.ErrorOnUnknownConfiguration = true)
            .PostConfigure(AddEmbeddedDefault)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GanetiOptions>, GanetiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatedClusterRegistry>();
        services.TryAddSingleton<GanetiClusterDriverFactory>();
        services.TryAddSingleton<IClusterDriverFactory>(provider => provider.GetRequiredService<GanetiClusterDriverFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBackendDefinitionSource, GanetiBackendDefinitions>());
        return services;
    }

    private static void AddEmbeddedDefault(GanetiOptions options)
    {
        if (options.Clusters.Count == 0)
        {
            options.Clusters.Add(new GanetiClusterOptions { Name = GanetiOptions.DefaultSimulatedClusterName, Simulated = true });
        }
    }
}
