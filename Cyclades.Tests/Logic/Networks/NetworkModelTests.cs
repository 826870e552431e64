using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Networks;

public sealed class NetworkModelTests(DatabaseProvider provider) : LogicTest(provider)
{
    private NetworkQueries Networks => Logic.Get<NetworkQueries>();

    [Test]
    public async Task A_launch_gives_each_server_a_primary_port_on_its_backends_public_subnet_holding_its_address()
    {
        var servers = await Logic.LaunchAsync(count: 2);

        var ports = await Networks.PortsOfServersAsync(servers.Select(s => s.Server.Id).ToList(), CancellationToken.None);
        var subnet = (await Networks.ListSubnetsAsync(LogicHarness.User, null, CancellationToken.None))
            .Single(s => s.BackendName == LogicHarness.ZoneA);
        foreach (var view in servers)
        {
            var port = ports[view.Server.Id].Single();
            Assert.That((port.UserId, port.SubnetId, port.DeviceIndex, port.Address, port.State),
                Is.EqualTo((LogicHarness.User, subnet.Subnet.Id, 0, view.Server.PrivateIp, PortState.Build)));
        }
        Assert.That((subnet.Subnet.IsPublic, subnet.IsDefaultForBackend, subnet.Subnet.Gateway), Is.EqualTo((true, true, "10.9.0.1")));
        Assert.That(subnet.AvailableAddresses, Is.EqualTo(NetworkQueries.Capacity(subnet.Subnet.Cidr) - 2));
    }

    [Test]
    public async Task Destroying_a_server_deletes_its_port_and_gives_the_address_back_to_the_pool()
    {
        var server = await Logic.StartedServerAsync();
        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None);
        await Logic.FinishAsync(destroy.After.Task!.JobId!.Value, JobStatus.Success);

        Assert.That((await Networks.PortsOfServersAsync([server.Id], CancellationToken.None))[server.Id], Is.Empty);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM ip_addresses WHERE address = @address", new { address = server.PrivateIp }), Is.Zero);
        var again = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { PrivateIp = server.PrivateIp },
            CancellationToken.None);
        Assert.That(again.Servers[0].Server.PrivateIp, Is.EqualTo(server.PrivateIp));
    }

    [Test]
    public async Task An_address_held_in_the_pool_is_refused_to_a_launch_that_asks_for_it()
    {
        var subnetId = (await Networks.ListSubnetsAsync(LogicHarness.User, null, CancellationToken.None)).Single(s => s.BackendName == LogicHarness.ZoneA).Subnet.Id;
        await Logic.ExecuteSqlAsync("INSERT INTO ip_addresses (subnet_id, address, floating_ip_id, created_at) VALUES (@subnetId, '10.9.0.7', 1, 0)", new { subnetId });

        var error = (await Assert.ThrowsAsync<PrivateAddressUnavailableException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { PrivateIp = "10.9.0.7", BackendName = LogicHarness.ZoneA },
            CancellationToken.None)))!;

        Assert.That(error.InUse, Is.True);
        var next = await Logic.LaunchAsync(count: 6);
        Assert.That(next.Select(s => s.Server.PrivateIp), Does.Not.Contain("10.9.0.7"));
    }

    [Test]
    public async Task Every_user_gets_exactly_one_default_network_however_many_ask_at_once()
    {
        var networks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Networks.GetDefaultNetworkAsync("user-9", CancellationToken.None))));

        Assert.That(networks.Select(n => n.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM networks WHERE user_id = 'user-9'"), Is.EqualTo(1));
        Assert.That(networks[0].IsDefault, Is.True);
        var other = await Networks.GetDefaultNetworkAsync("user-10", CancellationToken.None);
        Assert.That(other.Id, Is.Not.EqualTo(networks[0].Id));
    }

    [Test]
    public async Task The_default_network_covers_every_public_subnet_and_holds_them_for_its_user()
    {
        var network = await Networks.GetDefaultNetworkAsync(LogicHarness.User, CancellationToken.None);
        var subnets = await Networks.ListSubnetsAsync(LogicHarness.User, null, CancellationToken.None);

        var enabled = (await Logic.Backends.ListAsync(CancellationToken.None)).Where(b => b.Enabled).Select(b => b.Name);
        Assert.That(subnets.Select(s => s.BackendName), Is.EquivalentTo(enabled));
        Assert.That(subnets.Select(s => s.NetworkId).Distinct(), Is.EqualTo(new[] { network.Id }));
        var block = Ipv4Block.Parse(network.Cidr);
        Assert.That(subnets.All(s => block.Contains(Ipv4Block.Parse(s.Subnet.Cidr))), Is.True, network.Cidr);
        Assert.That(await Networks.ListNetworksAsync(LogicHarness.User, null, CancellationToken.None), Is.EqualTo(new[] { network }));
    }

    [Test]
    public async Task Ports_are_seen_only_by_their_owner()
    {
        var server = (await Logic.LaunchAsync())[0].Server;
        var port = (await Networks.PortsOfServersAsync([server.Id], CancellationToken.None))[server.Id].Single();

        Assert.That((await Networks.ListPortsAsync(LogicHarness.User, [port.Id], CancellationToken.None)).Select(p => p.Id), Is.EqualTo(new[] { port.Id }));
        Assert.That(await Networks.ListPortsAsync("someone-else", [port.Id], CancellationToken.None), Is.Empty);
    }

    [TestCase("10.0.0.0/8", "10.1.0.0/16", true)]
    [TestCase("10.1.0.0/16", "10.0.0.0/8", false)]
    [TestCase("10.0.0.0/24", "10.0.1.0/24", false)]
    public void Blocks_contain_only_blocks_inside_them(string outer, string inner, bool contains) =>
        Assert.That(Ipv4Block.Parse(outer).Contains(Ipv4Block.Parse(inner)), Is.EqualTo(contains));

    [TestCase(new[] { "10.9.0.0/24", "10.10.0.0/24" }, "10.8.0.0/14")]
    [TestCase(new[] { "192.168.1.0/24" }, "192.168.1.0/24")]
    [TestCase(new[] { "10.0.0.0/24", "172.16.0.0/16" }, "0.0.0.0/0")]
    public void The_covering_block_is_the_smallest_holding_them_all(string[] blocks, string expected) =>
        Assert.That(Ipv4Block.Covering(blocks.Select(Ipv4Block.Parse)).ToString(), Is.EqualTo(expected));
}
