using Cyclades.Logic.Accounts;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Events;
using Cyclades.Logic.Idempotency;
using Cyclades.Logic.Images;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.KeyPairs;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Maintenance;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Secrets;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic;

public static class LogicServiceCollectionExtensions
{
    /// <summary>
    /// Registers the logic core: options (validated at start-up), the database, secrets, accounts, the
    /// services, and a start-up step that migrates the schema and syncs the catalog and the backends.
    /// The host must register an <see cref="IClusterDriverFactory"/> and the
    /// <see cref="IBackendDefinitionSource"/>s (Cyclades.Ganeti does both).
    /// </summary>
    public static IServiceCollection AddCycladesLogic(this IServiceCollection services)
    {
        services.AddValidatedOptions<CycladesOptions, CycladesOptionsValidator>(CycladesOptions.Section);
        services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);
        services.AddValidatedOptions<SecretsOptions, SecretsOptionsValidator>(SecretsOptions.Section);
        services.AddValidatedOptions<ServerOptions, ServerOptionsValidator>(ServerOptions.Section);
        services.AddValidatedOptions<QuotaOptions, QuotaOptionsValidator>(QuotaOptions.Section);
        services.AddValidatedOptions<CatalogOptions, CatalogOptionsValidator>(CycladesOptions.Section)
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

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => DatabaseTarget.From(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IOptions<CycladesOptions>>().Value));
        services.TryAddSingleton<IDbConnectionFactory>(sp => new DbConnectionFactory(
            sp.GetRequiredService<DatabaseTarget>(), sp.GetService<ILogger<DbConnectionFactory>>()));
        services.TryAddSingleton(sp => new SecretProtector(SecretsKeyStore.Load(
            sp.GetRequiredService<IOptions<SecretsOptions>>().Value,
            sp.GetRequiredService<IOptions<CycladesOptions>>().Value,
            sp.GetRequiredService<DatabaseTarget>().Provider)));
        services.AddCycladesAccounts();

        services.TryAddSingleton<InstanceNames>();
        services.TryAddSingleton<QuotaService>();
        services.TryAddSingleton<CatalogService>();
        services.TryAddSingleton<CatalogAdministration>();
        services.TryAddSingleton<FlavorOfferings>();
        services.TryAddSingleton<ClusterDriverCache>();
        services.TryAddSingleton<BackendRegistry>();
        services.TryAddSingleton<BackendAllocator>();
        services.TryAddSingleton<ServerRelease>();
        services.TryAddSingleton<ServerQueries>();
        services.TryAddSingleton<TaskSubmitter>();
        services.TryAddSingleton<SubmittingTasks>();
        services.TryAddSingleton<ServerCommands>();
        services.TryAddSingleton<ImageService>();
        services.TryAddSingleton<ImageExports>();

        services.TryAddSingleton<Servers.VolumeCommands>();
        services.TryAddSingleton<VolumeKeepers>();
        services.TryAddSingleton<ServerTaskJobs>();
        services.TryAddSingleton<NicCommands>();
        services.TryAddSingleton<Volumes.VolumeQueries>();
        services.TryAddSingleton<ServerSettingsCommands>();
        services.TryAddSingleton<ServerTaskWait>();
        services.TryAddSingleton<ServerResizer>();
        services.TryAddSingleton<LaunchService>();
        services.TryAddSingleton<NetworkQueries>();
        services.TryAddSingleton<NetworkCommands>();
        services.TryAddSingleton<PortCommands>();
        services.TryAddSingleton<IdempotentCreations>();
        services.TryAddSingleton<ClusterNetworks>();
        services.TryAddSingleton<FloatingIpService>();
        services.TryAddSingleton<TagService>();
        services.TryAddSingleton<KeyPairService>();
        services.TryAddSingleton<SecurityGroupService>();
        services.TryAddSingleton<IPortGroupAssignment, PortGroupAssignment>();
        services.TryAddSingleton<SecurityGroupMemberships>();
        services.TryAddSingleton<PortFirewall>();
        services.TryAddSingleton<BackendEventProcessor>();
        services.TryAddSingleton<CommissionMetrics>();
        services.TryAddSingleton<CommissionReconciler>();
        services.TryAddSingleton<UsageReconciler>();
        services.TryAddSingleton<ServerMaintenance>();
        services.AddCycladesDispatchCore();
        services.AddHostedService<LogicStartup>();
        return services;
    }
}
