using System.Globalization;
using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Rapi;
using Cyclades.Logic.Backends;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Ganeti.Integration;

/// <summary>
/// A private subnet's network on the real Ganeti 3.0 test cluster: made and connected by the driver
/// (the cluster's default NIC link), then a server's NIC on it with the address the core chose.
/// Ganeti networks are configuration only here: no address is configured on any interface.
/// </summary>
[Category("Integration")]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RealGanetiNetworksTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private GanetiTestCluster _cluster = null!;
    private GanetiRapiClient _client = null!;
    private GanetiClusterDriver _driver = null!;
    private string _network = null!;
    private string _instance = null!;

    [SetUp]
    public void Connect()
    {
        _cluster = GanetiTestCluster.Instance;
        _client = _cluster.CreateClient();
        _driver = _cluster.CreateDriver(new InstanceCreationDefaults(Hypervisor: "fake", Network: _cluster.Network));
        _instance = GanetiTestCluster.NewInstanceName();
        _network = $"snf-net-{_instance["snf-".Length..]}";
    }

    [TearDown]
    public async Task RemoveAll()
    {
        await _cluster.RemoveInstancesAsync([_instance]);
        if (await _client.Networks.FindAsync(_network, None) is { } network)
        {
            foreach (var group in network.ConnectedGroups)
            {
                await _client.Jobs.WaitUntilFinishedAsync(await _client.Networks.DisconnectAsync(_network, group, None), None);
            }
            await _client.Jobs.WaitUntilFinishedAsync(await _client.Networks.DeleteAsync(_network, None), None);
        }
        _client.Dispose();
    }

    [Test]
    public async Task A_private_subnets_network_is_made_connected_once_and_carries_the_servers_nic_with_its_address()
    {
        var third = Random.Shared.Next(0, 256).ToString(CultureInfo.InvariantCulture);
        var spec = new ClusterNetworkSpec(_network, $"10.213.{third}.0/28", $"10.213.{third}.1");

        await _driver.EnsureNetworkAsync(spec, None);
        await _driver.EnsureNetworkAsync(spec, None);
        var network = (await _client.Networks.FindAsync(_network, None))!;
        var defaultLink = (await _client.Cluster.GetInfoAsync(None)).NicParams!["default"]["link"];

        Assert.That((network.Network, network.Gateway), Is.EqualTo((spec.Cidr, spec.Gateway)));
        Assert.That(network.GroupList, Has.Count.EqualTo(1));
        Assert.That(network.GroupList![0].Take(3), Is.EqualTo(new[] { "default", "bridged", defaultLink }));

        var create = new ServerBuildSpec(_instance, 1, 256, 1, "diskless", "noop+default", new Dictionary<string, string>(), $"10.213.{third}.5", [])
        {
            NicNetwork = _network,
            NicName = "snf-nic-1",
        };
        var job = await _client.Jobs.WaitUntilFinishedAsync(await _driver.CreateServerAsync(create, None), None);
        var instance = await _client.Instances.GetAsync(_instance, None);

        Assert.That(job!.Status, Is.EqualTo("success"), job.FirstError?.Message);
        Assert.That(instance.NicNetworkNames, Is.EqualTo(new[] { _network }));
        Assert.That(instance.NicIps, Is.EqualTo(new[] { $"10.213.{third}.5" }));
        Assert.That(instance.NicNames, Is.EqualTo(new[] { "snf-nic-1" }));
    }
}
