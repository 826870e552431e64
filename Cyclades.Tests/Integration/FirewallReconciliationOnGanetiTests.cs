using Cyclades.Logic.Networks;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Integration;

/// <summary>
/// Reconciliation of an instance's firewall tags against the real Ganeti test cluster: the harness's dispatcher is
/// stopped first, so that only reconciliation can see an administrator's <c>gnt-instance remove-tags</c> / <c>add-tags</c>.
/// </summary>
public sealed class FirewallReconciliationOnGanetiTests : RealClusterFixture
{
    [Test]
    public async Task Firewall_tags_an_administrator_changed_while_no_dispatcher_ran_are_set_back_to_the_ports_by_reconciliation()
    {
        var (server, _) = await StartedWithoutDispatcherAsync();
        var port = (await H.Get<NetworkQueries>().PortsOfServersAsync([server.Id], None))[server.Id].Single();
        var profile = FirewallTags.ProfileTag(port.Id, FirewallProfile.Enabled)!;
        var stray = FirewallTags.ProfileTag(port.Id + 1000, FirewallProfile.Protected)!;
        Assert.That(await Real.Cluster.TagsOnNodeAsync(server.InstanceName), Does.Contain(profile), "the create job's tags");

        await Real.Cluster.OnNodeAsync("gnt-instance", "remove-tags", server.InstanceName, profile);
        await Real.Cluster.OnNodeAsync("gnt-instance", "add-tags", server.InstanceName, stray, "owner:ops");
        var dryRun = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None);
        var fix = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.FixAll, None);

        Assert.That(dryRun.Findings.Where(f => f.ServerId == server.Id).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnsyncedFirewall, false) }));
        Assert.That(fix.Findings.Where(f => f.ServerId == server.Id).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnsyncedFirewall, true) }));
        await Eventually.HoldsAsync(async () => await Real.Cluster.TagsOnNodeAsync(server.InstanceName) is var tags && tags.Contains(profile) && !tags.Contains(stray),
            "the port's profile tag back and the stray one gone on the node", JobTimeout, TimeSpan.FromSeconds(1));
        Assert.That(await Real.Cluster.TagsOnNodeAsync(server.InstanceName), Does.Contain("owner:ops"), "a tag that is not a firewall tag is never touched");
        Assert.That((await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None)).Findings
            .Where(f => f.ServerId == server.Id), Is.Empty);
    }
}
