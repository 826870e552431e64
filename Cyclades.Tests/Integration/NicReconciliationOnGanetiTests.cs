using System.Globalization;
using Cyclades.Logic.FloatingIps;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Integration;

/// <summary>
/// Reconciliation of a server's NICs against the real Ganeti test cluster, the backend's public subnet on
/// its public network (a /27 of its upper half, as in <see cref="NicsOnGanetiTests"/>); the harness's
/// dispatcher is stopped on the way, so only reconciliation can learn the administrator's NIC jobs.
/// </summary>
public sealed class NicReconciliationOnGanetiTests : RealClusterFixture
{
    private string? _block;

    protected override string? PublicSubnet => _block ??= PublicBlockOfUpperHalf();

    [Test]
    public async Task A_nic_an_administrator_added_and_then_removed_while_no_dispatcher_ran_is_adopted_then_dropped_by_reconciliation()
    {
        var (server, user) = await StartedWithoutDispatcherAsync();
        var floatingIps = H.Get<FloatingIpService>();

        await Real.Cluster.OnNodeAsync("gnt-instance", "modify", "--net", $"add:network={Real.Cluster.Network},ip=pool", server.InstanceName);
        var instance = await Real.Cluster.CreateClient().Instances.GetAsync(server.InstanceName, None);
        var dryRun = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None);
        var added = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.FixAll, None);

        Assert.That(dryRun.Findings.Where(f => f.ServerId == server.Id).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnknownNic, false) }));
        Assert.That(added.Findings.Where(f => f.ServerId == server.Id).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnknownNic, true) }));
        var adopted = (await floatingIps.ListAsync(user, null, None)).Single();
        Assert.That((adopted.Address, adopted.ServerId), Is.EqualTo((instance.NicIps![1], (long?)server.Id)), "the address Ganeti's pool gave, attached");
        Assert.That((await H.UsageAsync(user))[QuotaResource.FloatingIp], Is.EqualTo(1));

        await Real.Cluster.OnNodeAsync("gnt-instance", "modify", "--net", "remove", server.InstanceName);
        var removed = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.FixAll, None);

        Assert.That(removed.Findings.Where(f => f.ServerId == server.Id).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.MissingNic, true) }));
        Assert.That((await floatingIps.ListAsync(user, null, None)).Single().PortId, Is.Null, "the floating IP is unattached, still its owner's");
        Assert.That((await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None)).Findings
            .Where(f => f.ServerId == server.Id), Is.Empty);
    }
}
