using System.Globalization;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Integration;

/// <summary>
/// NICs on the real Ganeti 3.0 test cluster (fake hypervisor: no hotplug), the backend's public subnet
/// on its public network (<c>snf-test-net</c>): a floating IP attached is an extra NIC with that
/// address on that network, detached it is gone; an administrator's <c>--net add</c> on the node shows
/// up as a port and a floating IP, counted. The harness's public subnet is a random /27 in the upper
/// half of the network, away from the addresses Ganeti's own pool hands out first (other harnesses
/// share the network).
/// </summary>
public sealed class NicsOnGanetiTests : RealClusterFixture
{
    private string? _block;

    protected override string? PublicSubnet => _block ??= PublicBlockOfUpperHalf();

    private NicCommands Nics => H.Get<NicCommands>();

    private FloatingIpService FloatingIps => H.Get<FloatingIpService>();

    [Test]
    public async Task A_floating_ip_attached_to_a_running_instance_is_a_nic_with_that_ip_on_the_public_network_and_detached_is_gone()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var server = await H.LaunchAsync(RealClusterHarness.Small, RealClusterHarness.Image, user: user);
        await H.WaitForStateAsync(server.Id, OperState.Started, JobTimeout, user);
        var floatingIp = await FloatingIps.AllocateAsync(user, [], None);

        var attached = await Nics.AttachFloatingIpAsync(user, floatingIp.Id, server.Id, None);
        await H.WaitForAsync(server.Id, s => s.Task is null, "the NIC added", JobTimeout, user);
        var port = await PortAsync(attached.PortId!.Value);
        var instance = await GanetiTestCluster.Instance.CreateClient().Instances.GetAsync(server.InstanceName, None);
        var index = instance.NicNames!.ToList().IndexOf(ClusterNetworks.NicNameOf(port!.Id));

        Assert.That(index, Is.EqualTo(1), $"Ganeti's NICs: {string.Join(", ", instance.NicNames!)}");
        Assert.That((instance.NicIps![index], instance.NicNetworkNames![index]), Is.EqualTo((floatingIp.Address, GanetiTestCluster.Instance.Network)));
        Assert.That((port.State, port.Mac, port.PendingRestart), Is.EqualTo((PortState.Active, instance.NicMacs![index], true)),
            "ACTIVE with Ganeti's MAC; the fake hypervisor does not hotplug, so the guest sees it from its next start");

        await Nics.DetachFloatingIpAsync(user, floatingIp.Id, None);
        await H.WaitForAsync(server.Id, s => s.Task is null, "the NIC removed", JobTimeout, user);
        instance = await GanetiTestCluster.Instance.CreateClient().Instances.GetAsync(server.InstanceName, None);

        Assert.That(instance.NicIps, Does.Not.Contain(floatingIp.Address));
        Assert.That(instance.NicNames, Does.Not.Contain(ClusterNetworks.NicNameOf(port.Id)));
        Assert.That(await PortAsync(port.Id), Is.Null);
        Assert.That((await FloatingIps.ListAsync(user, [floatingIp.Id], None)).Single().PortId, Is.Null, "unattached, still allocated");
        Assert.That((await H.UsageAsync(user))[QuotaResource.FloatingIp], Is.EqualTo(1));
    }

    [Test]
    public async Task An_administrators_net_add_on_the_node_shows_up_as_a_port_and_a_floating_ip_in_the_quota()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var server = await H.LaunchAsync(RealClusterHarness.Small, RealClusterHarness.Image, user: user);
        await H.WaitForStateAsync(server.Id, OperState.Started, JobTimeout, user);

        await GanetiTestCluster.Instance.OnNodeAsync(
            "gnt-instance", "modify", "--net", $"add:network={GanetiTestCluster.Instance.Network},ip=pool", server.InstanceName);
        var instance = await GanetiTestCluster.Instance.CreateClient().Instances.GetAsync(server.InstanceName, None);
        FloatingIp? adopted = null;
        await Eventually.HoldsAsync(async () => (adopted = (await FloatingIps.ListAsync(user, null, None)).SingleOrDefault()) is not null,
            "the administrator's NIC adopted", JobTimeout);
        var port = await PortAsync(adopted!.PortId!.Value);

        Assert.That(adopted.Address, Is.EqualTo(instance.NicIps![1]), "the address Ganeti's pool gave");
        Assert.That((port!.ServerId, port.DeviceIndex, port.Mac, port.State), Is.EqualTo(((long?)server.Id, 1, instance.NicMacs![1], PortState.Active)));
        Assert.That((await H.UsageAsync(user))[QuotaResource.FloatingIp], Is.EqualTo(1), "counted in the owner's quota");

        await GanetiTestCluster.Instance.OnNodeAsync("gnt-instance", "modify", "--net", "remove", server.InstanceName);
        await Eventually.HoldsAsync(async () => await PortAsync(port.Id) is null, "the removed NIC's port gone", JobTimeout);
        Assert.That((await FloatingIps.ListAsync(user, null, None)).Single().PortId, Is.Null, "the floating IP is unattached, its owner's");
    }

    private Task<Port?> PortAsync(long id) =>
        H.Database.Connections.ReadAsync(async db => (await PortRepository.GetAsync(db, id, None))?.ToPort(), None);
}
