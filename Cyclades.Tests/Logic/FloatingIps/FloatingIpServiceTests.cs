using Cyclades.Logic.Errors;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Tags;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.FloatingIps;

public sealed class FloatingIpServiceTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const string OtherUser = "user-2";

    private FloatingIpService FloatingIps => Logic.Get<FloatingIpService>();

    [Test]
    public async Task An_allocated_address_comes_from_the_public_pool_is_counted_once_and_is_never_handed_to_a_server()
    {
        var floatingIp = await FloatingIps.AllocateAsync(LogicHarness.User, [new Tag("Name", "web")], CancellationToken.None);

        Assert.That(floatingIp.Address, Does.StartWith("10.9.0."));
        Assert.That(floatingIp.Address, Is.Not.EqualTo("10.9.0.1"), "the gateway is never handed out");
        Assert.That(await Logic.QuerySqlAsync<long>(
            "SELECT COUNT(*) FROM ip_addresses WHERE address = @Address AND floating_ip_id = @Id AND port_id IS NULL", floatingIp), Is.EqualTo(1));
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.FloatingIp].Usage, Is.EqualTo(1));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        await Assert.ThrowsAsync<PrivateAddressUnavailableException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { PrivateIp = floatingIp.Address, BackendName = LogicHarness.ZoneA },
            CancellationToken.None));
        var servers = await Logic.LaunchAsync(count: 5);
        Assert.That(servers.Select(s => s.Server.PrivateIp), Does.Not.Contain(floatingIp.Address));
        var second = await FloatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None);
        Assert.That(servers.Select(s => s.Server.PrivateIp).Append(floatingIp.Address), Does.Not.Contain(second.Address));
    }

    [Test]
    public async Task Allocation_over_the_quota_is_refused_and_leaves_nothing_behind()
    {
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, QuotaResource.FloatingIp, 2, CancellationToken.None);
        await FloatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None);
        await FloatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None);

        var error = (await Assert.ThrowsAsync<QuotaExceededException>(() => FloatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None)))!;

        Assert.That((error.Resource, error.Limit, error.Usage), Is.EqualTo((QuotaResource.FloatingIp, 2L, 2L)));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM floating_ips"), Is.EqualTo(2));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM ip_addresses WHERE floating_ip_id IS NOT NULL"), Is.EqualTo(2));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Release_gives_the_address_back_to_the_pool_and_the_quota_back_by_id_or_by_address()
    {
        var first = await FloatingIps.AllocateAsync(LogicHarness.User, [new Tag("Name", "a")], CancellationToken.None);
        var second = await FloatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None);

        await FloatingIps.ReleaseAsync(LogicHarness.User, first.Id, null, CancellationToken.None);
        await FloatingIps.ReleaseAsync(LogicHarness.User, null, second.Address, CancellationToken.None);

        Assert.That(await FloatingIps.ListAsync(LogicHarness.User, null, CancellationToken.None), Is.Empty);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM ip_addresses"), Is.Zero);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM tags"), Is.Zero);
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.FloatingIp].Usage, Is.Zero);
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        await Assert.ThrowsAsync<FloatingIpNotFoundException>(() => FloatingIps.ReleaseAsync(LogicHarness.User, first.Id, null, CancellationToken.None));
        var again = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { PrivateIp = first.Address, BackendName = LogicHarness.ZoneA },
            CancellationToken.None);
        Assert.That(again.Servers[0].Server.PrivateIp, Is.EqualTo(first.Address));
    }

    [Test]
    public async Task Another_users_floating_ip_is_not_found_and_stays_his()
    {
        var mine = await FloatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None);

        Assert.That(await FloatingIps.ListAsync(OtherUser, null, CancellationToken.None), Is.Empty);
        Assert.That(await FloatingIps.ListAsync(OtherUser, [mine.Id], CancellationToken.None), Is.Empty);
        await Assert.ThrowsAsync<FloatingIpNotFoundException>(() => FloatingIps.ReleaseAsync(OtherUser, mine.Id, null, CancellationToken.None));
        await Assert.ThrowsAsync<FloatingIpNotFoundException>(() => FloatingIps.ReleaseAsync(OtherUser, null, mine.Address, CancellationToken.None));
        Assert.That((await FloatingIps.ListAsync(LogicHarness.User, null, CancellationToken.None)).Single(), Is.EqualTo(mine));
    }

    [Test]
    public async Task An_attached_floating_ip_shows_its_server_and_is_not_released()
    {
        var server = (await Logic.LaunchAsync()).Single().Server;
        var floatingIp = await FloatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None);
        var portId = await Logic.QuerySqlAsync<long>("SELECT id FROM ports WHERE server_id = @Id", server);
        await Logic.ExecuteSqlAsync("UPDATE floating_ips SET port_id = @portId WHERE id = @Id", new { portId, floatingIp.Id });

        var listed = (await FloatingIps.ListAsync(LogicHarness.User, null, CancellationToken.None)).Single();
        var error = (await Assert.ThrowsAsync<FloatingIpInUseException>(() => FloatingIps.ReleaseAsync(LogicHarness.User, floatingIp.Id, null, CancellationToken.None)))!;

        Assert.That((listed.PortId, listed.ServerId), Is.EqualTo(((long?)portId, (long?)server.Id)));
        Assert.That((error.Address, error.PortId), Is.EqualTo((floatingIp.Address, portId)));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM ip_addresses WHERE floating_ip_id = @Id", floatingIp), Is.EqualTo(1));
    }
}

/// <summary>A public subnet of five addresses: the pool runs dry before the quota does.</summary>
public sealed class FloatingIpPoolTests(DatabaseProvider provider) : LogicTest(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cyclades:Backends:0:Subnet"] = "10.9.0.0/29" };

    [Test]
    public async Task When_no_public_subnet_has_a_free_address_allocation_is_refused_without_using_the_quota()
    {
        var floatingIps = Logic.Get<FloatingIpService>();
        var taken = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            taken.Add((await floatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None)).Address);
        }
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, QuotaResource.FloatingIp, 10, CancellationToken.None);

        await Assert.ThrowsAsync<NoFloatingAddressException>(() => floatingIps.AllocateAsync(LogicHarness.User, [], CancellationToken.None));

        Assert.That(taken, Is.EquivalentTo(new[] { "10.9.0.2", "10.9.0.3", "10.9.0.4", "10.9.0.5", "10.9.0.6" }));
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.FloatingIp].Usage, Is.EqualTo(5));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }
}
