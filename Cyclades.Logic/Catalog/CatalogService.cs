using Cyclades.Logic.Configuration;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Catalog;

/// <summary>The flavors and images on offer, and their sync from configuration.</summary>
public sealed class CatalogService(IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Flavors on offer (deleted ones only when asked: servers may still use them).</summary>
    public Task<IReadOnlyList<Flavor>> ListFlavorsAsync(bool includeDeleted, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
        {
            var flavors = await CatalogRepository.ListFlavorsAsync(db, cancellationToken);
            return includeDeleted ? flavors : (IReadOnlyList<Flavor>)flavors.Where(f => !f.Deleted).ToList();
        }, cancellationToken);

    /// <summary>A flavor on offer, by name; null if none.</summary>
    public Task<Flavor?> FindFlavorAsync(string name, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => CatalogRepository.FindFlavorAsync(db, name, cancellationToken), cancellationToken);

    public Task<Flavor?> GetFlavorAsync(long id, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => CatalogRepository.GetFlavorAsync(db, id, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Image>> ListImagesAsync(bool includeDeleted, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
        {
            var images = await CatalogRepository.ListImagesAsync(db, cancellationToken);
            return includeDeleted ? images : (IReadOnlyList<Image>)images.Where(i => !i.Deleted).ToList();
        }, cancellationToken);

    /// <summary>An image on offer, by id; null if none.</summary>
    public async Task<Image?> FindImageAsync(long id, CancellationToken cancellationToken) =>
        await connections.ReadAsync(db => CatalogRepository.GetImageAsync(db, id, cancellationToken), cancellationToken) is { Deleted: false } image
            ? image
            : null;

    /// <summary>The images a user may see and launch: the cloud's, the user's own, public ones and those shared with the user.</summary>
    public Task<IReadOnlyList<Image>> ListImagesForAsync(string userId, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => ImageRepository.ListVisibleAsync(db, userId, cancellationToken), cancellationToken);

    /// <summary>Which of these ids name images the user owned and deregistered (AWS describes them as an empty set for a while).</summary>
    public Task<IReadOnlyList<long>> ListDeregisteredOwnAsync(string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => ImageRepository.ListDeregisteredOwnAsync(db, userId, ids, cancellationToken), cancellationToken);

    /// <summary>An image the user may see and launch, by id; null if none (another user's private image is none).</summary>
    public Task<Image?> FindImageForAsync(string userId, long id, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => ImageRepository.FindVisibleAsync(db, userId, id, cancellationToken), cancellationToken);

    /// <summary>
    /// Makes the database offer exactly these flavors and images, besides those an operator added
    /// (<see cref="DefinitionOrigin.Admin"/>, left alone unless configuration defines the same name).
    /// What configuration no longer lists is marked deleted (servers keep it). A flavor whose specs
    /// change while servers use it is retired under a new name and the specs go to a new row, so
    /// existing servers keep what they were sized with.
    /// </summary>
    public Task SyncAsync(IReadOnlyList<FlavorDefinition> flavors, IReadOnlyList<ImageDefinition> images, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var now = UnixTime.ToMicros(clock.GetUtcNow());
            await SyncFlavorsAsync(db, flavors, now, cancellationToken);
            await SyncImagesAsync(db, images, now, cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task SyncFlavorsAsync(Db db, IReadOnlyList<FlavorDefinition> definitions, long now, CancellationToken cancellationToken)
    {
        var existing = await CatalogRepository.ListFlavorsAsync(db, cancellationToken);
        foreach (var definition in definitions)
        {
            var row = existing.FirstOrDefault(f => f.Name == definition.Name);
            if (row is null)
            {
                await CatalogRepository.InsertFlavorAsync(db, definition, DefinitionOrigin.Config, now, cancellationToken);
            }
            else if (SameSpecs(row, definition))
            {
                if (row.Deleted || row.Origin != DefinitionOrigin.Config)
                {
                    await CatalogRepository.UpdateFlavorAsync(db, row.Id, row.Name, definition, deleted: false, DefinitionOrigin.Config, now, cancellationToken);
                }
            }
            else if (!await CatalogRepository.IsFlavorInUseAsync(db, row.Id, cancellationToken))
            {
                await CatalogRepository.UpdateFlavorAsync(db, row.Id, row.Name, definition, deleted: false, DefinitionOrigin.Config, now, cancellationToken);
            }
            else
            {
                await CatalogRepository.UpdateFlavorAsync(db, row.Id, RetiredName(row), Specs(row), deleted: true, row.Origin, now, cancellationToken);
                await CatalogRepository.InsertFlavorAsync(db, definition, DefinitionOrigin.Config, now, cancellationToken);
            }
        }
        foreach (var gone in existing.Where(f => !f.Deleted && f.Origin == DefinitionOrigin.Config && definitions.All(d => d.Name != f.Name)))
        {
            await CatalogRepository.UpdateFlavorAsync(db, gone.Id, gone.Name, Specs(gone), deleted: true, gone.Origin, now, cancellationToken);
        }
    }

    private static async Task SyncImagesAsync(Db db, IReadOnlyList<ImageDefinition> definitions, long now, CancellationToken cancellationToken)
    {
        var existing = await CatalogRepository.ListImagesAsync(db, cancellationToken);
        var owned = existing.Where(i => i.OwnerUserId is not null).Select(i => i.Id).ToHashSet();
        DefinitionException.ThrowIfAny("Images", definitions.Where(d => owned.Contains(d.Number))
            .Select(d => $"number {d.Number} ('{d.Name}') is a user's image; give the configured image another number."));
        foreach (var definition in definitions)
        {
            await CatalogRepository.UpsertImageAsync(db, definition, existing.Any(i => i.Id == definition.Number), DefinitionOrigin.Config, now, cancellationToken);
        }
        foreach (var gone in existing.Where(i => !i.Deleted && i.Origin == DefinitionOrigin.Config && definitions.All(d => d.Number != i.Id)))
        {
            await CatalogRepository.RetireImageAsync(db, gone.Id, now, cancellationToken);
        }
    }

    internal static bool SameSpecs(Flavor flavor, FlavorDefinition definition) =>
        (flavor.Cpu, flavor.RamMiB, flavor.DiskGiB, flavor.DiskTemplate) ==
        (definition.Cpu, definition.RamMiB, definition.DiskGiB, definition.DiskTemplate);

    internal static FlavorDefinition Specs(Flavor flavor) =>
        new() { Name = flavor.Name, Cpu = flavor.Cpu, RamMiB = flavor.RamMiB, DiskGiB = flavor.DiskGiB, DiskTemplate = flavor.DiskTemplate };

    private static string RetiredName(Flavor flavor)
    {
        var suffix = $"~{flavor.Id}";
        return (flavor.Name.Length + suffix.Length > 64 ? flavor.Name[..(64 - suffix.Length)] : flavor.Name) + suffix;
    }
}
