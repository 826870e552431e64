using System.Globalization;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Catalog;

/// <summary>
/// An operator's changes to the catalog (the admin command line). What is added here has the origin
/// <see cref="DefinitionOrigin.Admin"/>, so the start-up sync from configuration leaves it alone; what
/// configuration defines is changed in configuration, not here.
/// </summary>
public sealed class CatalogAdministration(IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Offers a new flavor, or again one this way added and deprecated with the same specs.</summary>
    public Task<Flavor> AddFlavorAsync(FlavorDefinition definition, CancellationToken cancellationToken)
    {
        DefinitionException.ThrowIfAny($"Flavor '{definition.Name}'", definition.Problems());
        return connections.WriteAsync(async db =>
        {
            var existing = await CatalogRepository.ListFlavorsAsync(db, cancellationToken);
            var named = existing.FirstOrDefault(f => f.Name == definition.Name);
            if (named is not null && !(named is { Deleted: true, Origin: DefinitionOrigin.Admin } && CatalogService.SameSpecs(named, definition)))
            {
                throw new DefinitionException($"Flavor '{definition.Name}' already exists{(named.Deleted ? " (deprecated, with other specs)" : "")}.");
            }
            // A cluster-side resize is recorded by looking the flavor up by its specs.
            if (existing.FirstOrDefault(f => !f.Deleted && CatalogService.SameSpecs(f, definition)) is { } twin)
            {
                throw new DefinitionException($"Flavor '{twin.Name}' already has {definition.Cpu} CPU, {definition.RamMiB} MiB RAM, {definition.DiskGiB} GiB {definition.DiskTemplate} disk.");
            }
            var now = UnixTime.ToMicros(clock.GetUtcNow());
            var id = named?.Id ?? await CatalogRepository.InsertFlavorAsync(db, definition, DefinitionOrigin.Admin, now, cancellationToken);
            if (named is not null)
            {
                await CatalogRepository.UpdateFlavorAsync(db, id, named.Name, definition, deleted: false, DefinitionOrigin.Admin, now, cancellationToken);
            }
            return (await CatalogRepository.GetFlavorAsync(db, id, cancellationToken))!;
        }, cancellationToken);
    }

    /// <summary>Stops offering a flavor an operator added; servers that have it keep it.</summary>
    public Task<Flavor> DeprecateFlavorAsync(string name, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var flavor = await CatalogRepository.FindFlavorAsync(db, name, cancellationToken) ?? throw new FlavorNotFoundException(name);
            EnsureAdministered(flavor.Origin, $"Flavor '{name}'", CatalogOptions.FlavorsSection);
            await CatalogRepository.UpdateFlavorAsync(
                db, flavor.Id, flavor.Name, CatalogService.Specs(flavor), deleted: true, flavor.Origin, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return flavor with { Deleted = true };
        }, cancellationToken);

    /// <summary>
    /// Offers a new image, or again one this way added and deprecated. Without an
    /// <see cref="ImageDefinition.Id"/>, the image gets the next free number.
    /// </summary>
    public Task<Image> AddImageAsync(ImageDefinition definition, CancellationToken cancellationToken)
    {
        var numbered = definition.Id.Length > 0;
        if (numbered)
        {
            DefinitionException.ThrowIfAny($"Image '{definition.Id}'", definition.Problems());
        }
        return connections.WriteAsync(async db =>
        {
            if (!numbered)
            {
                definition.Id = (await CatalogRepository.NextImageNumberAsync(db, cancellationToken)).ToString(CultureInfo.InvariantCulture);
                DefinitionException.ThrowIfAny($"Image '{definition.Name}'", definition.Problems());
            }
            var existing = await CatalogRepository.GetImageAsync(db, definition.Number, cancellationToken);
            if (existing is not null && existing is not { Deleted: true, Origin: DefinitionOrigin.Admin })
            {
                throw new DefinitionException($"Image '{definition.Id}' already exists.");
            }
            await CatalogRepository.UpsertImageAsync(
                db, definition, exists: existing is not null, DefinitionOrigin.Admin, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return (await CatalogRepository.GetImageAsync(db, definition.Number, cancellationToken))!;
        }, cancellationToken);
    }

    /// <summary>Stops offering an image an operator added; servers built from it are not affected.</summary>
    public Task<Image> DeprecateImageAsync(long id, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var image = await CatalogRepository.GetImageAsync(db, id, cancellationToken) is { Deleted: false } found
                ? found
                : throw new ImageNotFoundException(id);
            EnsureAdministered(image.Origin, $"Image '{id}'", CatalogOptions.ImagesSection);
            await CatalogRepository.RetireImageAsync(db, id, UnixTime.ToMicros(clock.GetUtcNow()), cancellationToken);
            return image with { Deleted = true };
        }, cancellationToken);

    private static void EnsureAdministered(DefinitionOrigin origin, string subject, string section)
    {
        if (origin == DefinitionOrigin.Config)
        {
            throw new DefinitionException($"{subject} is defined in configuration ({section}): change it there.");
        }
    }
}
