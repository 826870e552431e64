using System.Net;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Errors;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Dispatch;

/// <summary>
/// NIC commands over a simulated cluster (the fake hypervisor: no hotplug), their results applied by the
/// dispatcher; an administrator's NIC jobs adopted.
/// </summary>
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
public sealed class NicsOnSimulatorTests(DatabaseProvider provider)
{
    private const string Cluster = "sim-a";
    private const string User = DispatchHarness.User;
    private static readonly CancellationToken None = CancellationToken.None;
    private DispatchHarness _harness = null!;

    private SimulatedGanetiCluster Simulator => _harness.Simulators.GetOrCreate(Cluster);

    private NicCommands Nics => _harness.Get<NicCommands>();

    private FloatingIpService FloatingIps => _harness.Get<FloatingIpService>();

    [SetUp]
    public async Task Start() => _harness = await DispatchHarness.StartAsync(provider, DispatchHarness.SimulatedClusters(20, Cluster, "sim-b"));

    [TearDown]
    public async Task Stop() => await _harness.DisposeAsync();

    [Test]
    public async Task A_floating_ip_attached_to_a_running_server_is_a_new_nic_with_its_address_until_detached()
    {
        var server = await StartedAsync();
        var floatingIp = await FloatingIps.AllocateAsync(User, [], None);

        var attaching = await Nics.AttachFloatingIpAsync(User, floatingIp.Id, server.Id, None);
        Assert.That(attaching.ServerId, Is.EqualTo(server.Id), "attached to the server at once, its NIC on the way");
        var portId = attaching.PortId!.Value;
        var port = await PortAsync(portId, p => p.State == PortState.Active, "the NIC exists");
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "connect task over");

        var nic = Nic(server.InstanceName, ClusterNetworks.NicNameOf(portId));
        Assert.That(nic, Is.Not.Null);
        Assert.That((nic!.Value.Ip, port.Address, port.Mac, port.DeviceIndex), Is.EqualTo((floatingIp.Address, floatingIp.Address, nic.Value.Mac, 1)));
        Assert.That(port.PendingRestart, Is.True, "no hotplug on the fake hypervisor: the guest sees it from its next start");

        await _harness.Commands.RebootAsync(User, server.Id, RebootKind.Hard, None);
        await PortAsync(portId, p => !p.PendingRestart, "live after the reboot");

        await Nics.DetachFloatingIpAsync(User, floatingIp.Id, None);
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "disconnect task over");
        Assert.That(Nic(server.InstanceName, ClusterNetworks.NicNameOf(portId)), Is.Null);
        Assert.That(await PortOrNullAsync(portId), Is.Null, "a floating IP's port goes with its NIC");
        var after = (await FloatingIps.ListAsync(User, [floatingIp.Id], None)).Single();
        Assert.That((after.PortId, after.ServerId, after.Address), Is.EqualTo(((long?)null, (long?)null, floatingIp.Address)));
        Assert.That(await FloatingIpUsageAsync(), Is.EqualTo(1), "allocated until released, attached or not");
        await AssertSettledAsync();
    }

    [Test]
    public async Task A_nic_added_or_removed_gets_or_loses_its_firewall_tags_on_the_instance()
    {
        var server = await StartedAsync();
        var floatingIp = await FloatingIps.AllocateAsync(User, [], None);

        var portId = (await Nics.AttachFloatingIpAsync(User, floatingIp.Id, server.Id, None)).PortId!.Value;
        var nic = ClusterNetworks.NicNameOf(portId);
        await Eventually.HoldsAsync(() => Task.FromResult(TagsOf(server.InstanceName).Contains($"synnefo:network:{nic}:protected")),
            "the new NIC (in its network's default group) carries the ENABLED profile");

        await Nics.DetachFloatingIpAsync(User, floatingIp.Id, None);
        await Eventually.HoldsAsync(() => Task.FromResult(!TagsOf(server.InstanceName).Any(tag => tag.Contains(nic + ":", StringComparison.Ordinal))),
            "the NIC's tags leave with it");
        Assert.That(TagsOf(server.InstanceName), Has.Some.StartsWith("synnefo:network:snf-nic-"), "the primary NIC keeps its own");
    }

    private IReadOnlyList<string> TagsOf(string instanceName) => Simulator.FindInstance(instanceName)?.Tags ?? [];

    [Test]
    public async Task A_detached_port_on_a_private_subnet_connects_on_the_subnets_network_and_disconnects_keeping_its_address()
    {
        var server = await StartedAsync();
        var networks = _harness.Get<NetworkCommands>();
        var network = await networks.CreateNetworkAsync(User, "10.50.0.0/16", None);
        var subnet = await networks.CreateSubnetAsync(User, network.Id, "10.50.1.0/24", Cluster, None);
        var portId = await DetachedPortAsync(subnet.Subnet, "10.50.1.9");

        var connecting = await Nics.ConnectPortAsync(User, portId, server.Id, null, None);
        Assert.That((connecting.State, connecting.ServerId, connecting.DeviceIndex), Is.EqualTo((PortState.Build, (long?)server.Id, 1)));
        var port = await PortAsync(portId, p => p.State == PortState.Active, "connected");
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "connect task over");
        var nic = Nic(server.InstanceName, ClusterNetworks.NicNameOf(portId))!.Value;
        Assert.That((nic.Ip, nic.Network, port.Mac), Is.EqualTo(("10.50.1.9", ClusterNetworks.NameOf(subnet.Subnet.Id), nic.Mac)));

        await Nics.DisconnectPortAsync(User, portId, server.Id, None);
        var detached = await PortAsync(portId, p => p.ServerId is null, "disconnected");
        Assert.That((detached.State, detached.Address, detached.Mac), Is.EqualTo((PortState.Down, "10.50.1.9", (string?)null)));
        Assert.That(Nic(server.InstanceName, ClusterNetworks.NicNameOf(portId)), Is.Null);
        Assert.That(await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM ip_addresses WHERE port_id = @portId", new { portId }), Is.EqualTo(1),
            "a detached port keeps its address");
        await AssertSettledAsync();
    }

    [Test]
    public async Task An_administrators_nic_on_the_public_network_becomes_a_port_and_a_counted_floating_ip_and_its_removal_frees_it()
    {
        var server = await StartedAsync();
        var before = (await PortsAsync(server.Id)).Single();

        Simulator.AdminAddNic(server.InstanceName, network: null, ip: "10.1.200.7");
        Port adopted = null!;
        await Eventually.HoldsAsync(async () => (adopted = (await PortsAsync(server.Id)).FirstOrDefault(p => p.Id != before.Id)!) is not null,
            "the added NIC adopted");
        var floatingIp = (await FloatingIps.ListAsync(User, null, None)).Single();
        Assert.That((adopted.Address, adopted.State, adopted.DeviceIndex, adopted.PendingRestart), Is.EqualTo(("10.1.200.7", PortState.Active, 1, true)));
        Assert.That(adopted.Mac, Is.EqualTo(Simulator.FindInstance(server.InstanceName)!.NicMacs![1]));
        Assert.That((floatingIp.Address, floatingIp.PortId, floatingIp.ServerId), Is.EqualTo(("10.1.200.7", (long?)adopted.Id, (long?)server.Id)));
        Assert.That(await FloatingIpUsageAsync(), Is.EqualTo(1), "the address shows up in the owner's quota");

        Simulator.AdminRemoveLastNic(server.InstanceName);
        await Eventually.HoldsAsync(async () => (await PortsAsync(server.Id)).Count == 1, "the removed NIC's port gone");
        Assert.That((await PortsAsync(server.Id)).Single().Id, Is.EqualTo(before.Id), "the primary port stays");
        Assert.That((await FloatingIps.ListAsync(User, null, None)).Single().PortId, Is.Null, "the floating IP is unattached, its owner's");
        await AssertSettledAsync();
    }

    [Test]
    public async Task A_failed_nic_job_or_submission_puts_everything_back()
    {
        var server = await StartedAsync();
        var floatingIp = await FloatingIps.AllocateAsync(User, [], None);

        Simulator.FailNextJob("NIC on fire");
        var attaching = await Nics.AttachFloatingIpAsync(User, floatingIp.Id, server.Id, None);
        await _harness.WaitForAsync(server.Id, s => s.Task is null, "the failed job applied");
        Assert.That(await PortOrNullAsync(attaching.PortId!.Value), Is.Null, "the port made for the job is gone");
        Assert.That((await FloatingIps.ListAsync(User, null, None)).Single().PortId, Is.Null);

        Simulator.FailNextRequests(HttpStatusCode.BadRequest, method: HttpMethod.Put);
        await Assert.ThrowsAsync<BackendRejectedException>(() => Nics.AttachFloatingIpAsync(User, floatingIp.Id, server.Id, None));
        Assert.That((await _harness.ServerAsync(server.Id)).Task, Is.Null, "the task given up");
        Assert.That((await FloatingIps.ListAsync(User, null, None)).Single().PortId, Is.Null);
        Assert.That((await PortsAsync(server.Id)).Select(p => p.DeviceIndex), Is.EqualTo(new[] { 0 }));
        Assert.That(await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM ip_addresses WHERE floating_ip_id IS NOT NULL AND port_id IS NULL"),
            Is.EqualTo(1), "the floating address is held by the floating IP alone");
        Assert.That(await FloatingIpUsageAsync(), Is.EqualTo(1));
        await AssertSettledAsync();
    }

    [Test]
    public async Task Refusals_change_nothing_and_a_running_task_refuses_everything_but_terminate()
    {
        var server = await StartedAsync();
        var other = await _harness.LaunchAsync(backend: "sim-b");
        var floatingIp = await FloatingIps.AllocateAsync(User, [], None);
        var primary = (await PortsAsync(server.Id)).Single();

        await Assert.ThrowsAsync<PrimaryPortException>(() => Nics.DisconnectPortAsync(User, primary.Id, null, None));
        await Assert.ThrowsAsync<PortInUseException>(() => Nics.ConnectPortAsync(User, primary.Id, server.Id, null, None));
        await Assert.ThrowsAsync<NetworkNotFoundException>(() => Nics.DisconnectPortAsync("user-2", primary.Id, null, None));
        await Assert.ThrowsAsync<FloatingIpNotAttachedException>(() => Nics.DetachFloatingIpAsync(User, floatingIp.Id, None));
        await Assert.ThrowsAsync<FloatingIpNotFoundException>(() => Nics.AttachFloatingIpAsync("user-2", floatingIp.Id, server.Id, None));
        await Assert.ThrowsAsync<PortZoneMismatchException>(() => Nics.AttachFloatingIpAsync(User, floatingIp.Id, other.Id, None));

        Simulator.Options.JobLatencyMs = 2000; // the attach job is still running for the checks below
        await Nics.AttachFloatingIpAsync(User, floatingIp.Id, server.Id, None);
        Simulator.Options.JobLatencyMs = 20;
        await Assert.ThrowsAsync<FloatingIpInUseException>(() => Nics.AttachFloatingIpAsync(User, floatingIp.Id, server.Id, None));
        var second = await FloatingIps.AllocateAsync(User, [], None);
        await Assert.ThrowsAsync<PendingTaskException>(() => Nics.AttachFloatingIpAsync(User, second.Id, server.Id, None));
        await Assert.ThrowsAsync<PendingTaskException>(() => Nics.DetachFloatingIpAsync(User, floatingIp.Id, None));
        Assert.That((await FloatingIps.ListAsync(User, [second.Id], None)).Single().PortId, Is.Null);

        await _harness.WaitForAsync(server.Id, s => s.Task is null, "attach task over");
        await _harness.Commands.DestroyAsync(User, server.Id, None);
        await _harness.WaitForAsync(server.Id, s => s.Deleted, "terminated");
        Assert.That((await FloatingIps.ListAsync(User, [floatingIp.Id], None)).Single().PortId, Is.Null,
            "a floating IP outlives its server, unattached");
        Assert.That(await FloatingIpUsageAsync(), Is.EqualTo(2));
        await AssertSettledAsync();
    }

    private async Task<Server> StartedAsync()
    {
        var server = await _harness.LaunchAsync(backend: Cluster);
        return await _harness.WaitForStateAsync(server.Id, OperState.Started);
    }

    private async Task<long> DetachedPortAsync(Subnet subnet, string address) =>
        await _harness.Database.Connections.WriteAsync(db => PortService.AttachNewAsync(db,
            new NewPort(User, null, subnet.Id, 0, address, PortState.Down, DeleteOnTermination: false), subnet.Cidr, 1, None), None);

    private (string? Ip, string? Network, string? Mac)? Nic(string instance, string name)
    {
        var found = Simulator.FindInstance(instance)!;
        var index = found.NicNames!.ToList().IndexOf(name);
        return index < 0 ? null : (found.NicIps![index], found.NicNetworkNames![index], found.NicMacs![index]);
    }

    private Task<IReadOnlyList<Port>> PortsAsync(long serverId) =>
        _harness.Database.Connections.ReadAsync(async db =>
            (IReadOnlyList<Port>)(await PortRepository.ListByServersAsync(db, [serverId], None)).Select(p => p.ToPort()).ToList(), None);

    private Task<Port?> PortOrNullAsync(long id) =>
        _harness.Database.Connections.ReadAsync(async db => (await PortRepository.GetAsync(db, id, None))?.ToPort(), None);

    private async Task<Port> PortAsync(long id, Func<Port, bool> condition, string what)
    {
        Port? port = null;
        await Eventually.HoldsAsync(async () => (port = await PortOrNullAsync(id)) is not null && condition(port), what);
        return port!;
    }

    private async Task<long> FloatingIpUsageAsync() => (await _harness.UsageAsync()).GetValueOrDefault(QuotaResource.FloatingIp);

    private async Task AssertSettledAsync()
    {
        Assert.That(await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions WHERE state = 'PENDING'"), Is.Zero);
        Assert.That(await _harness.QuerySqlAsync<long>("SELECT COUNT(*) FROM ports WHERE state = 'BUILD'"), Is.Zero, "no port left connecting");
    }
}
