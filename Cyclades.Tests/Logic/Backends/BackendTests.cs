using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Backends;

public sealed class BackendTests(DatabaseProvider provider) : LogicTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cyclades:Backends:1:Name"] = LogicHarness.ZoneB,
        ["Cyclades:Backends:1:Simulated"] = "true",
    };

    [Test]
    public async Task The_password_is_stored_encrypted_and_handed_to_the_driver_in_clear()
    {
        var stored = await Logic.QuerySqlAsync<string>("SELECT password_protected FROM backends WHERE name = @name", new { name = LogicHarness.ZoneA });
        Assert.That(Convert.FromBase64String(stored!), Has.Length.GreaterThan("gnt-test-pass".Length), "nonce, tag and ciphertext");
        Assert.That(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(stored!)), Does.Not.Contain("gnt-test-pass"));

        await Logic.LaunchAsync();

        var (_, endpoint) = Logic.Drivers.Created.Single(c => c.Backend == LogicHarness.ZoneA);
        Assert.That(endpoint, Is.EqualTo(new BackendEndpoint("https://127.0.0.1:5080", "gnt-test", "gnt-test-pass", false, null, false)));
    }

    [Test]
    public async Task Sync_updates_changed_backends_and_disables_removed_ones()
    {
        var zoneA = (await Logic.Backends.FindAsync(LogicHarness.ZoneA, CancellationToken.None))!;

        await Logic.Backends.SyncAsync(
            [new BackendDefinition { Name = LogicHarness.ZoneA, Url = "https://127.0.0.1:6080", Password = "new", Subnet = "10.1.0.0/16" }],
            CancellationToken.None);

        var backends = await Logic.Backends.ListAsync(CancellationToken.None);
        Assert.That(backends.Select(b => (b.Name, b.Enabled)), Is.EqualTo(new[] { (LogicHarness.ZoneA, true), (LogicHarness.ZoneB, false) }));
        Assert.That(backends[0] with { UpdatedAt = zoneA.UpdatedAt }, Is.EqualTo(zoneA with { Url = "https://127.0.0.1:6080", NetworkCidr = "10.1.0.0/16" }));
        await Logic.LaunchAsync();
        Assert.That(Logic.Drivers.Created.Single(c => c.Backend == LogicHarness.ZoneA).Endpoint.Password, Is.EqualTo("new"));
    }

    [Test]
    public async Task Placement_takes_the_backend_with_most_free_memory_that_has_room()
    {
        Logic.Drivers.For(LogicHarness.ZoneA).FreeMemoryMiB = 4096;
        Logic.Drivers.For(LogicHarness.ZoneB).FreeMemoryMiB = 8192;
        var allocator = Logic.Get<BackendAllocator>();
        var flavor = (await Logic.Catalog.FindFlavorAsync(LogicHarness.Small, CancellationToken.None))!;

        Assert.That((await allocator.ChooseAsync(null, flavor, 2, CancellationToken.None)).Name, Is.EqualTo(LogicHarness.ZoneB));

        Logic.Drivers.For(LogicHarness.ZoneB).Unreachable = true;
        Assert.That((await allocator.ChooseAsync(null, flavor, 2, CancellationToken.None)).Name, Is.EqualTo(LogicHarness.ZoneA));

        var full = (await Assert.ThrowsAsync<NoBackendAvailableException>(() => allocator.ChooseAsync(null, flavor, 5, CancellationToken.None)))!;
        Assert.That(full.Reason, Does.Contain("5120 MiB"));

        await Logic.Backends.SetDrainedAsync(LogicHarness.ZoneA, true, CancellationToken.None);
        Assert.That((await Assert.ThrowsAsync<NoBackendAvailableException>(() => allocator.ChooseAsync(null, flavor, 1, CancellationToken.None)))!.Reason,
            Does.Contain("could be reached"));
    }

    [Test]
    public async Task Placement_skips_backends_whose_cluster_does_not_enable_the_flavors_disk_template()
    {
        Logic.Drivers.For(LogicHarness.ZoneA).FreeMemoryMiB = 8192;
        Logic.Drivers.For(LogicHarness.ZoneA).DiskTemplates = ["diskless", "file"];
        Logic.Drivers.For(LogicHarness.ZoneB).FreeMemoryMiB = 4096;
        var allocator = Logic.Get<BackendAllocator>();
        var plain = (await Logic.Catalog.FindFlavorAsync(LogicHarness.OtherTemplate, CancellationToken.None))!;
        var file = (await Logic.Catalog.FindFlavorAsync(LogicHarness.Small, CancellationToken.None))!;

        Assert.That((await allocator.ChooseAsync(null, plain, 1, CancellationToken.None)).Name, Is.EqualTo(LogicHarness.ZoneB),
            "the backend with less memory, as the other cannot run the flavor");
        Assert.That((await allocator.ChooseAsync(null, file, 1, CancellationToken.None)).Name, Is.EqualTo(LogicHarness.ZoneA));
        var named = await Assert.ThrowsAsync<FlavorNotOfferedException>(() => allocator.ChooseAsync(LogicHarness.ZoneA, plain, 1, CancellationToken.None));
        Assert.That((named!.Flavor, named.Backend), Is.EqualTo((LogicHarness.OtherTemplate, LogicHarness.ZoneA)));

        Logic.Drivers.For(LogicHarness.ZoneB).DiskTemplates = ["file"];
        var none = await Assert.ThrowsAsync<NoBackendAvailableException>(() => allocator.ChooseAsync(null, plain, 1, CancellationToken.None));
        Assert.That(none!.Reason, Is.EqualTo($"no backend enables the disk template 'plain' of {LogicHarness.OtherTemplate}."));
        Logic.Drivers.For(LogicHarness.ZoneA).Unreachable = true;
        Assert.That((await allocator.ChooseAsync(LogicHarness.ZoneA, plain, 1, CancellationToken.None)).Name, Is.EqualTo(LogicHarness.ZoneA),
            "a named cluster that does not answer is still the one asked for; its create fails with the cluster's own error");
    }

    [Test]
    public async Task Placements_at_the_same_time_share_one_question_to_each_cluster()
    {
        var zoneA = Logic.Drivers.For(LogicHarness.ZoneA);
        zoneA.InfoDelay = TimeSpan.FromMilliseconds(300);
        var allocator = Logic.Get<BackendAllocator>();
        var flavor = (await Logic.Catalog.FindFlavorAsync(LogicHarness.Small, CancellationToken.None))!;
        var before = zoneA.InfoRequests;

        var chosen = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => allocator.ChooseAsync(null, flavor, 1, CancellationToken.None)));
        await allocator.ChooseAsync(null, flavor, 1, CancellationToken.None);

        Assert.That(chosen.Select(b => b.Name), Is.All.EqualTo(LogicHarness.ZoneA));
        Assert.That(zoneA.InfoRequests - before, Is.EqualTo(2), "one for the ten at once, one for the placement after them");
    }

    [Test]
    public async Task A_named_backend_is_used_if_it_takes_new_servers()
    {
        var allocator = Logic.Get<BackendAllocator>();
        var flavor = (await Logic.Catalog.FindFlavorAsync(LogicHarness.Small, CancellationToken.None))!;

        Assert.That((await allocator.ChooseAsync(LogicHarness.ZoneB, flavor, 1, CancellationToken.None)).Name, Is.EqualTo(LogicHarness.ZoneB));
        await Assert.ThrowsAsync<BackendNotFoundException>(() => allocator.ChooseAsync("zone-x", flavor, 1, CancellationToken.None));
        await Logic.Backends.SetEnabledAsync(LogicHarness.ZoneB, false, CancellationToken.None);
        await Assert.ThrowsAsync<NoBackendAvailableException>(() => allocator.ChooseAsync(LogicHarness.ZoneB, flavor, 1, CancellationToken.None));

        var servers = await Logic.Launches.LaunchAsync(
            new Cyclades.Logic.Launches.LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { BackendName = LogicHarness.ZoneA },
            CancellationToken.None);
        Assert.That(servers.Servers[0].BackendName, Is.EqualTo(LogicHarness.ZoneA));
    }

    [Test]
    public async Task The_cluster_identity_is_recorded()
    {
        var id = await Logic.BackendIdAsync();

        await Logic.Backends.RecordClusterIdAsync(id, "cluster-uuid", CancellationToken.None);

        Assert.That((await Logic.Backends.GetAsync(id, CancellationToken.None))!.ClusterId, Is.EqualTo("cluster-uuid"));
    }
}

[Category("Unit")]
public sealed class PrivateNetworkTests
{
    [Test]
    public void Addresses_skip_the_network_the_gateway_and_broadcast_and_come_after_the_last_one_handed_out()
    {
        var network = PrivateNetwork.Parse("192.168.5.0/29");

        Assert.That(network.WindowsAfter(null, 2), Is.EqualTo(new[]
        {
            new[] { "192.168.5.2", "192.168.5.3" }, ["192.168.5.4", "192.168.5.5"], ["192.168.5.6"],
        }));
        Assert.That(network.WindowsAfter("192.168.5.3", 2), Is.EqualTo(new[]
        {
            new[] { "192.168.5.4", "192.168.5.5" }, ["192.168.5.6"], ["192.168.5.2", "192.168.5.3"],
        }));
        Assert.That(network.WindowsAfter("192.168.5.6", 8).Single(), Is.EqualTo(new[] { "192.168.5.2", "192.168.5.3", "192.168.5.4", "192.168.5.5", "192.168.5.6" }));
        Assert.That(network.WindowsAfter("10.0.0.9", 8).Single()[0], Is.EqualTo("192.168.5.2"), "an address outside the network starts from the first");
    }

    [TestCase("10.0.0.0/16", true)]
    [TestCase("10.0.0.1/16", false)]
    [TestCase("10.0.0.0/30", false)]
    [TestCase("10.0.0.0", false)]
    [TestCase("fd00::/64", false)]
    [TestCase("banana/8", false)]
    public void Only_ipv4_networks_with_room_are_accepted(string cidr, bool valid) =>
        Assert.That(PrivateNetwork.TryParse(cidr, out _, out _), Is.EqualTo(valid));
}
