using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Catalog;

public sealed class CatalogServiceTests(DatabaseProvider provider) : LogicTest(provider)
{
    [Test]
    public async Task Start_up_offers_the_configured_flavors_and_images()
    {
        var flavors = await Logic.Catalog.ListFlavorsAsync(includeDeleted: false, CancellationToken.None);
        var images = await Logic.Catalog.ListImagesAsync(includeDeleted: false, CancellationToken.None);

        Assert.That(flavors.Select(f => (f.Name, f.Cpu, f.RamMiB, f.DiskGiB, f.DiskTemplate)), Does.Contain((LogicHarness.Large, 4, 2048, 20, "file")));
        Assert.That(flavors, Has.Count.EqualTo(4));
        var keyImage = images.Single(i => i.Id == LogicHarness.KeyImage);
        Assert.That((keyImage.OsType, keyImage.KeyParameter), Is.EqualTo(("noop+default", "img_properties")));
        Assert.That(keyImage.OsParameters, Is.EqualTo(new Dictionary<string, string> { ["img_format"] = "diskdump", ["img_id"] = "noop-with-key" }));
    }

    [Test]
    public async Task A_flavor_no_longer_configured_is_retired_but_kept_for_its_servers()
    {
        var server = (await Logic.LaunchAsync(flavor: LogicHarness.Large))[0];

        await Logic.Catalog.SyncAsync(Definitions(LogicHarness.Small), [], CancellationToken.None);

        Assert.That(await Logic.Catalog.FindFlavorAsync(LogicHarness.Large, CancellationToken.None), Is.Null);
        Assert.That((await Logic.Queries.GetAsync(LogicHarness.User, server.Server.Id, CancellationToken.None))!.Flavor,
            Has.Property(nameof(Flavor.Name)).EqualTo(LogicHarness.Large).And.Property(nameof(Flavor.Deleted)).True);
        Assert.That(await Logic.Catalog.FindImageAsync(LogicHarness.Image, CancellationToken.None), Is.Null, "images not configured are retired too");

        await Logic.Catalog.SyncAsync(Definitions(LogicHarness.Small, LogicHarness.Large), DefaultCatalog.Images, CancellationToken.None);
        Assert.That(await Logic.Catalog.FindFlavorAsync(LogicHarness.Large, CancellationToken.None), Is.Not.Null);
    }

    [Test]
    public async Task New_specs_for_a_flavor_in_use_go_to_a_new_row_and_servers_keep_theirs()
    {
        var server = (await Logic.LaunchAsync(flavor: LogicHarness.Small))[0];
        var changed = Definitions(LogicHarness.Small);
        changed[0].RamMiB = 1536;

        await Logic.Catalog.SyncAsync(changed, DefaultCatalog.Images, CancellationToken.None);

        var offered = await Logic.Catalog.FindFlavorAsync(LogicHarness.Small, CancellationToken.None);
        Assert.That((offered!.RamMiB, offered.Id == server.Flavor.Id), Is.EqualTo((1536, false)));
        var kept = (await Logic.Queries.GetAsync(LogicHarness.User, server.Server.Id, CancellationToken.None))!.Flavor;
        Assert.That((kept.RamMiB, kept.Deleted, kept.Name), Is.EqualTo((1024, true, $"{LogicHarness.Small}~{server.Flavor.Id}")));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task New_specs_for_an_unused_flavor_change_it_in_place()
    {
        var before = await Logic.Catalog.FindFlavorAsync(LogicHarness.Large, CancellationToken.None);
        var changed = Definitions(LogicHarness.Large);
        changed[0].Cpu = 8;

        await Logic.Catalog.SyncAsync(changed, DefaultCatalog.Images, CancellationToken.None);

        var after = await Logic.Catalog.FindFlavorAsync(LogicHarness.Large, CancellationToken.None);
        Assert.That((after!.Id, after.Cpu), Is.EqualTo((before!.Id, 8)));
    }

    [Test]
    public async Task The_embedded_default_catalog_is_used_when_none_is_configured()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var catalog = new CatalogService(database.Connections, TimeProvider.System);

        await catalog.SyncAsync(DefaultCatalog.Flavors, DefaultCatalog.Images, CancellationToken.None);

        var flavors = await catalog.ListFlavorsAsync(includeDeleted: false, CancellationToken.None);
        Assert.That(flavors.Select(f => f.Name), Is.EqualTo(new[] { "t2.nano", "t2.micro", "t2.small", "t2.medium" }));
        Assert.That(flavors.Select(f => (f.DiskGiB, f.DiskTemplate)).Distinct().Count(), Is.EqualTo(1), "every default size can be resized to every other");
        Assert.That((await catalog.ListImagesAsync(false, CancellationToken.None)).Select(i => i.OsType),
            Is.EqualTo(new[] { "noop+default", "noop+slow", "noop+fail" }));
    }

    private static List<FlavorDefinition> Definitions(params string[] names) =>
        names.Select(name => name switch
        {
            LogicHarness.Small => new FlavorDefinition { Name = name, Cpu = 2, RamMiB = 1024, DiskGiB = 20, DiskTemplate = "file" },
            _ => new FlavorDefinition { Name = name, Cpu = 4, RamMiB = 2048, DiskGiB = 20, DiskTemplate = "file" },
        }).ToList();
}
