using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Events;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Maintenance;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Secrets;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic;

public static class LogicServiceCollectionExtensions
{
    /// <summary>
    /// Registers the logic core: options (validated at start-up), the database, the services, and a
    /// start-up step that migrates the schema and syncs the catalog and backends from configuration.
    /// The host must register an <see cref="IClusterDriverFactory"/> (Cyclades.Ganeti does).
    /// </summary>
    public static IServiceCollection AddCycladesLogic(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CycladesOptions>().Bind(configuration.GetSection(CycladesOptions.Section));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        AddValidated<ServerOptions, ServerOptionsValidator>(services, configuration.GetSection(ServerOptions.Section));
        AddValidated<QuotaOptions, QuotaOptionsValidator>(services, configuration.GetSection(QuotaOptions.Section));
        AddValidated<CatalogOptions, CatalogOptionsValidator>(services, configuration.GetSection(CycladesOptions.Section))
            .PostConfigure(options =>
            {
                if (options.Flavors.Count == 0)
                {
                    options.Flavors.AddRange(DefaultCatalog.Flavors);
                }
                if (options.Images.Count == 0)
                {
                    options.Images.AddRange(DefaultCatalog.Images);
                }
            });
        AddValidated<BackendOptions, BackendOptionsValidator>(services, configuration.GetSection(CycladesOptions.Section))
            .PostConfigure(options =>
            {
                if (options.Backends.Count == 0)
                {
                    options.Backends.Add(BackendOptions.EmbeddedDefault);
                }
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => DatabaseTarget.From(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IOptions<CycladesOptions>>().Value));
        services.TryAddSingleton<IDbConnectionFactory>(sp => new DbConnectionFactory(sp.GetRequiredService<DatabaseTarget>()));
        services.TryAddSingleton<ISecretProtector>(sp =>
            AesGcmSecretProtector.FromConfiguration(configuration, sp.GetRequiredService<IOptions<CycladesOptions>>()));

        services.TryAddSingleton<InstanceNames>();
        services.TryAddSingleton<QuotaService>();
        services.TryAddSingleton<CatalogService>();
        services.TryAddSingleton<ClusterDriverCache>();
        services.TryAddSingleton<BackendRegistry>();
        services.TryAddSingleton<BackendAllocator>();
        services.TryAddSingleton<ServerRelease>();
        services.TryAddSingleton<ServerQueries>();
        services.TryAddSingleton<ServerCommands>();
        services.TryAddSingleton<LaunchService>();
        services.TryAddSingleton<BackendEventProcessor>();
        services.TryAddSingleton<CommissionReconciler>();
        services.TryAddSingleton<UsageReconciler>();
        services.TryAddSingleton<ServerMaintenance>();
        services.AddHostedService<LogicStartup>();
        return services;
    }

    private static OptionsBuilder<T> AddValidated<T, TValidator>(IServiceCollection services, IConfigurationSection section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidator>());
        return services.AddOptions<T>().Bind(section).ValidateOnStart();
    }
}
