using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Networks;

public sealed class NetworkCommandsTests(DatabaseProvider provider) : LogicTest(provider)
{
    private NetworkCommands Commands => Logic.Get<NetworkCommands>();

    private NetworkQueries Queries => Logic.Get<NetworkQueries>();

    [Test]
    public async Task A_private_network_takes_one_private_network_quota_and_deleting_it_gives_it_back()
    {
        var network = await Commands.CreateNetworkAsync(LogicHarness.User, "10.20.0.0/16", CancellationToken.None);

        Assert.That((network.Cidr, network.IsDefault, network.State), Is.EqualTo(("10.20.0.0/16", false, NetworkState.Active)));
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.NetworkPrivate].Usage, Is.EqualTo(1));
        Assert.That((await Queries.ListNetworksAsync(LogicHarness.User, null, CancellationToken.None)).Select(n => n.IsDefault), Is.EqualTo(new[] { true, false }));

        await Commands.DeleteNetworkAsync(LogicHarness.User, network.Id, CancellationToken.None);

        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.NetworkPrivate].Usage, Is.Zero);
        Assert.That(await Queries.FindNetworkAsync(LogicHarness.User, network.Id, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Private_networks_stop_at_the_quota()
    {
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, QuotaResource.NetworkPrivate, 1, CancellationToken.None);
        await Commands.CreateNetworkAsync(LogicHarness.User, "10.20.0.0/16", CancellationToken.None);

        var refused = (await Assert.ThrowsAsync<QuotaExceededException>(() => Commands.CreateNetworkAsync(LogicHarness.User, "10.21.0.0/16", CancellationToken.None)))!;

        Assert.That(refused.Resource, Is.EqualTo(QuotaResource.NetworkPrivate));
    }

    [TestCase("10.20.0.0/15", NetworkRangeProblem.Size)]
    [TestCase("10.20.0.0/29", NetworkRangeProblem.Size)]
    [TestCase("10.20.0.1/16", NetworkRangeProblem.NotABlock)]
    [TestCase("nonsense", NetworkRangeProblem.NotABlock)]
    public async Task A_network_needs_a_block_of_16_to_28_bits(string cidr, NetworkRangeProblem problem)
    {
        var error = await Assert.ThrowsAsync<InvalidNetworkRangeException>(() => Commands.CreateNetworkAsync(LogicHarness.User, cidr, CancellationToken.None));
        Assert.That(error!.Problem, Is.EqualTo(problem));
    }

    [Test]
    public async Task Subnets_lie_inside_their_network_without_overlapping_and_are_deleted_before_it()
    {
        var network = await Commands.CreateNetworkAsync(LogicHarness.User, "10.20.0.0/16", CancellationToken.None);
        var subnet = await Commands.CreateSubnetAsync(LogicHarness.User, network.Id, "10.20.1.0/24", null, CancellationToken.None);

        Assert.That((subnet.NetworkId, subnet.Subnet.Cidr, subnet.Subnet.Gateway, subnet.Subnet.IsPublic, subnet.BackendName, subnet.AvailableAddresses),
            Is.EqualTo((network.Id, "10.20.1.0/24", "10.20.1.1", false, LogicHarness.ZoneA, 253L)));
        Assert.That((await Assert.ThrowsAsync<InvalidNetworkRangeException>(() =>
            Commands.CreateSubnetAsync(LogicHarness.User, network.Id, "10.20.1.128/25", null, CancellationToken.None)))!.Problem, Is.EqualTo(NetworkRangeProblem.Overlaps));
        Assert.That((await Assert.ThrowsAsync<InvalidNetworkRangeException>(() =>
            Commands.CreateSubnetAsync(LogicHarness.User, network.Id, "10.30.0.0/24", null, CancellationToken.None)))!.Problem, Is.EqualTo(NetworkRangeProblem.OutsideNetwork));
        await Assert.ThrowsAsync<NetworkInUseException>(() => Commands.DeleteNetworkAsync(LogicHarness.User, network.Id, CancellationToken.None));

        await Commands.DeleteSubnetAsync(LogicHarness.User, subnet.Subnet.Id, CancellationToken.None);
        await Commands.DeleteNetworkAsync(LogicHarness.User, network.Id, CancellationToken.None);
    }

    [Test]
    public async Task Another_users_networks_and_subnets_are_not_found()
    {
        var network = await Commands.CreateNetworkAsync(LogicHarness.User, "10.20.0.0/16", CancellationToken.None);
        var subnet = await Commands.CreateSubnetAsync(LogicHarness.User, network.Id, "10.20.1.0/24", null, CancellationToken.None);

        await Assert.ThrowsAsync<NetworkNotFoundException>(() => Commands.DeleteNetworkAsync("intruder", network.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NetworkNotFoundException>(() => Commands.CreateSubnetAsync("intruder", network.Id, "10.20.2.0/24", null, CancellationToken.None));
        await Assert.ThrowsAsync<NetworkNotFoundException>(() => Commands.DeleteSubnetAsync("intruder", subnet.Subnet.Id, CancellationToken.None));
        Assert.That(await Queries.FindSubnetAsync("intruder", subnet.Subnet.Id, CancellationToken.None), Is.Null);
        await Assert.ThrowsAsync<NetworkNotFoundException>(() => Logic.Launches.LaunchAsync(
            new LaunchRequest("intruder", LogicHarness.Image, LogicHarness.Small, 1, 1) { SubnetId = subnet.Subnet.Id }, CancellationToken.None));
    }

    [Test]
    public async Task The_default_network_is_neither_deleted_nor_given_subnets()
    {
        var network = await Queries.GetDefaultNetworkAsync(LogicHarness.User, CancellationToken.None);
        var publicSubnet = (await Queries.ListSubnetsAsync(LogicHarness.User, null, CancellationToken.None)).First();

        await Assert.ThrowsAsync<DefaultNetworkException>(() => Commands.DeleteNetworkAsync(LogicHarness.User, network.Id, CancellationToken.None));
        await Assert.ThrowsAsync<DefaultNetworkException>(() => Commands.CreateSubnetAsync(LogicHarness.User, network.Id, "10.9.0.0/28", null, CancellationToken.None));
        await Assert.ThrowsAsync<DefaultNetworkException>(() => Commands.DeleteSubnetAsync(LogicHarness.User, publicSubnet.Subnet.Id, CancellationToken.None));
    }

    [Test]
    public async Task A_launch_into_a_private_subnet_makes_its_cluster_network_once_and_puts_the_nic_on_it()
    {
        var network = await Commands.CreateNetworkAsync(LogicHarness.User, "10.20.0.0/16", CancellationToken.None);
        var subnet = (await Commands.CreateSubnetAsync(LogicHarness.User, network.Id, "10.20.1.0/28", null, CancellationToken.None)).Subnet;

        var first = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 2, 2) { SubnetId = subnet.Id }, CancellationToken.None);
        var second = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { SubnetId = subnet.Id, PrivateIp = "10.20.1.14" },
            CancellationToken.None);

        Assert.That(Logic.Driver.Networks, Is.EqualTo(new[] { new Cyclades.Logic.Backends.ClusterNetworkSpec($"snf-net-{subnet.Id}", "10.20.1.0/28", "10.20.1.1") }));
        var servers = first.Servers.Concat(second.Servers).Select(s => s.Server).ToList();
        Assert.That(servers.Select(s => s.PrivateIp), Is.EqualTo(new[] { "10.20.1.2", "10.20.1.3", "10.20.1.14" }));
        var ports = await Queries.PortsOfServersAsync(servers.Select(s => s.Id).ToList(), CancellationToken.None);
        foreach (var server in servers)
        {
            var spec = Logic.Driver.Jobs.Single(j => j.InstanceName == server.InstanceName).Spec!;
            Assert.That((spec.NicNetwork, spec.PrivateIp, spec.NicName),
                Is.EqualTo(($"snf-net-{subnet.Id}", server.PrivateIp, $"snf-nic-{ports[server.Id].Single().Id}")));
        }
        await Assert.ThrowsAsync<NetworkInUseException>(() => Commands.DeleteSubnetAsync(LogicHarness.User, subnet.Id, CancellationToken.None));
    }

    [Test]
    public async Task A_launch_on_a_public_subnet_keeps_the_backends_own_network()
    {
        var subnet = (await Queries.ListSubnetsAsync(LogicHarness.User, null, CancellationToken.None)).Single(s => s.BackendName == LogicHarness.ZoneA).Subnet;

        var launched = await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { SubnetId = subnet.Id }, CancellationToken.None);

        var spec = Logic.Driver.Jobs.Single().Spec!;
        Assert.That((spec.NicNetwork, spec.PrivateIp), Is.EqualTo(((string?)null, launched.Servers[0].Server.PrivateIp)));
        Assert.That(Logic.Driver.Networks, Is.Empty);
    }

    [Test]
    public async Task A_users_own_setting_of_a_public_subnet_is_his_alone()
    {
        var subnet = (await Queries.ListSubnetsAsync(LogicHarness.User, null, CancellationToken.None)).First().Subnet;

        await Commands.SetAutoPublicAddressAsync(LogicHarness.User, subnet.Id, false, CancellationToken.None);

        Assert.That((await Queries.FindSubnetAsync(LogicHarness.User, subnet.Id, CancellationToken.None))!.Subnet.AutoPublicAddress, Is.False);
        Assert.That((await Queries.FindSubnetAsync("user-2", subnet.Id, CancellationToken.None))!.Subnet.AutoPublicAddress, Is.True);
    }
}
