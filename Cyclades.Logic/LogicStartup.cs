using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic;

/// <summary>Before the host serves anything: migrate the schema, then sync the catalog and the backends from configuration.</summary>
public sealed class LogicStartup(
    DatabaseTarget database,
    CatalogService catalog,
    BackendRegistry backends,
    IOptions<CatalogOptions> catalogOptions,
    IEnumerable<IBackendDefinitionSource> backendSources,
    ILogger<LogicStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.Run(() => new SchemaMigrator(database).MigrateUp(), cancellationToken);
        await catalog.SyncAsync(catalogOptions.Value.Flavors, catalogOptions.Value.Images, cancellationToken);
        var definitions = backendSources.SelectMany(source => source.GetDefinitions()).ToList();
        await backends.SyncAsync(definitions, cancellationToken);
        logger.LogInformation(
            "Database {Provider} ready: {Flavors} flavors, {Images} images, {Backends} backends",
            database.Provider, catalogOptions.Value.Flavors.Count, catalogOptions.Value.Images.Count, definitions.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
