using Cyclades.Logic.Catalog;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Admin;

/// <summary>Flavors and images an operator adds: they outlive the start-up sync; configured ones are changed in configuration.</summary>
public sealed class CatalogAdministrationTests(DatabaseProvider provider) : LogicTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CatalogAdministration Administration => Logic.Get<CatalogAdministration>();

    [Test]
    public async Task An_added_flavor_is_offered_survives_the_sync_and_can_be_deprecated_and_offered_again()
    {
        var added = await Administration.AddFlavorAsync(Flavor("m1.huge", cpu: 16), None);
        Assert.That((added.Origin, added.Deleted, added.Cpu), Is.EqualTo((DefinitionOrigin.Admin, false, 16)));

        await SyncConfiguredCatalogAsync();
        Assert.That(await Logic.Catalog.FindFlavorAsync("m1.huge", None), Is.EqualTo(added));

        var server = (await Logic.LaunchAsync(flavor: "m1.huge"))[0];
        await Administration.DeprecateFlavorAsync("m1.huge", None);
        Assert.That(await Logic.Catalog.FindFlavorAsync("m1.huge", None), Is.Null);
        Assert.That((await Logic.Queries.GetAsync(LogicHarness.User, server.Server.Id, None))!.Flavor.Deleted, Is.True, "its server keeps it");

        await SyncConfiguredCatalogAsync();
        Assert.That(await Logic.Catalog.FindFlavorAsync("m1.huge", None), Is.Null, "deprecation survives the sync");

        var again = await Administration.AddFlavorAsync(Flavor("m1.huge", cpu: 16), None);
        Assert.That((again.Id, again.Deleted), Is.EqualTo((added.Id, false)));
    }

    [Test]
    public async Task A_flavor_is_refused_when_invalid_taken_or_the_same_size_as_one_on_offer()
    {
        Assert.That((await Assert.ThrowsAsync<DefinitionException>(() => Administration.AddFlavorAsync(Flavor("m1.zero", cpu: 0), None)))!.Message,
            Does.Contain("Cpu must be ≥ 1"));
        Assert.That((await Assert.ThrowsAsync<DefinitionException>(() => Administration.AddFlavorAsync(Flavor(LogicHarness.Small, cpu: 7), None)))!.Message,
            Does.Contain("already exists"));
        // Same specs as the configured "small" flavor: a resize on the cluster could not tell them apart.
        var twin = new FlavorDefinition { Name = "m1.twin", Cpu = 2, RamMiB = 1024, DiskGiB = 20, DiskTemplate = "file" };
        Assert.That((await Assert.ThrowsAsync<DefinitionException>(() => Administration.AddFlavorAsync(twin, None)))!.Message,
            Does.Contain($"'{LogicHarness.Small}' already has"));
    }

    [Test]
    public async Task Configured_entries_are_not_deprecated_here_and_unknown_ones_are_not_found()
    {
        Assert.That((await Assert.ThrowsAsync<DefinitionException>(() => Administration.DeprecateFlavorAsync(LogicHarness.Small, None)))!.Message,
            Does.Contain("defined in configuration (Cyclades:Flavors)"));
        Assert.That((await Assert.ThrowsAsync<DefinitionException>(() => Administration.DeprecateImageAsync(LogicHarness.Image, None)))!.Message,
            Does.Contain("defined in configuration (Cyclades:Images)"));
        await Assert.ThrowsAsync<FlavorNotFoundException>(() => Administration.DeprecateFlavorAsync("m9.nothing", None));
        await Assert.ThrowsAsync<ImageNotFoundException>(() => Administration.DeprecateImageAsync(0x99999999, None));
    }

    [Test]
    public async Task An_added_image_is_offered_until_deprecated_and_configuration_takes_over_a_name_it_defines()
    {
        var definition = new ImageDefinition
        {
            Id = "ami-0000abcd", Name = "debian", Os = "snf-image+default", KeyParameter = "img_properties",
            OsParameters = new() { ["img_id"] = "debian-12", ["img_format"] = "diskdump" },
        };
        var added = await Administration.AddImageAsync(definition, None);
        Assert.That((added.Origin, added.OsParameters["img_id"]), Is.EqualTo((DefinitionOrigin.Admin, "debian-12")));
        await Assert.ThrowsAsync<DefinitionException>(() => Administration.AddImageAsync(definition, None));

        await SyncConfiguredCatalogAsync();
        Assert.That((await Logic.Catalog.FindImageAsync(0xabcd, None))?.Origin, Is.EqualTo(DefinitionOrigin.Admin), "the sync left it alone");
        await Administration.DeprecateImageAsync(0xabcd, None);
        Assert.That(await Logic.Catalog.FindImageAsync(0xabcd, None), Is.Null);

        var configured = (await Logic.Catalog.ListImagesAsync(false, None)).Select(ToDefinition).Append(definition).ToList();
        await Logic.Catalog.SyncAsync(await ConfiguredFlavorsAsync(), configured, None);
        Assert.That((await Logic.Catalog.FindImageAsync(0xabcd, None))!.Origin, Is.EqualTo(DefinitionOrigin.Config));
    }

    private static FlavorDefinition Flavor(string name, int cpu) =>
        new() { Name = name, Cpu = cpu, RamMiB = 1024, DiskGiB = 20, DiskTemplate = "file" };

    /// <summary>What the service does at start-up with the harness's configuration.</summary>
    private async Task SyncConfiguredCatalogAsync()
    {
        var images = (await Logic.Catalog.ListImagesAsync(false, None)).Where(i => i.Origin == DefinitionOrigin.Config).Select(ToDefinition).ToList();
        await Logic.Catalog.SyncAsync(await ConfiguredFlavorsAsync(), images, None);
    }

    private async Task<List<FlavorDefinition>> ConfiguredFlavorsAsync() =>
        (await Logic.Catalog.ListFlavorsAsync(false, None)).Where(f => f.Origin == DefinitionOrigin.Config)
        .Select(f => new FlavorDefinition { Name = f.Name, Cpu = f.Cpu, RamMiB = f.RamMiB, DiskGiB = f.DiskGiB, DiskTemplate = f.DiskTemplate })
        .ToList();

    private static ImageDefinition ToDefinition(Image image) => new()
    {
        Id = image.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = image.Name, Description = image.Description, Os = image.OsType,
        OsParameters = image.OsParameters.ToDictionary(), KeyParameter = image.KeyParameter,
    };
}
