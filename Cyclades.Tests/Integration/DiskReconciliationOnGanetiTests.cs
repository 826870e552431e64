using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Integration;

/// <summary>Reconciliation of a server's disks against the real Ganeti test cluster; its harness's dispatcher is stopped on the way.</summary>
public sealed class DiskReconciliationOnGanetiTests : RealClusterFixture
{
    [Test]
    public async Task A_disk_an_administrator_added_while_no_dispatcher_ran_is_adopted_by_reconciliation_and_counted()
    {
        var user = "it-" + Guid.NewGuid().ToString("N")[..12];
        var view = (await H.Launches.LaunchAsync(
            new LaunchRequest(user, RealClusterHarness.Image, RealClusterHarness.FileDisk, 1, 1) { Root = new LaunchVolume(SizeGiB: 1) }, None))
            .Servers.Single();
        var server = await H.WaitForStateAsync(view.Server.Id, OperState.Started, JobTimeout, user);
        var diskBefore = (await H.UsageAsync(user))[QuotaResource.Disk];
        await H.StopAsync(); // the dispatcher never sees the administrator's job

        await Real.Cluster.OnNodeAsync("gnt-instance", "modify", "--disk", "add:size=1536M", server.InstanceName);
        var dryRun = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None);
        var fix = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.FixAll, None);

        Assert.That(dryRun.Findings.Where(f => f.ServerId == server.Id).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnknownDisk, false) }));
        Assert.That(dryRun.Findings.Single(f => f.ServerId == server.Id).Detail, Does.Contain("unnamed, 1536 MiB"));
        Assert.That(fix.Findings.Where(f => f.ServerId == server.Id).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.UnknownDisk, true) }));
        var volumes = await H.Database.Connections.ReadAsync(db => VolumeRepository.ListByServersAsync(db, [server.Id], None), None);
        Assert.That(volumes.Select(v => (v.DiskIndex, v.SizeGiB, v.Status)), Is.EqualTo(new[] { ((int?)0, 1, VolumeStatus.InUse), (1, 2, VolumeStatus.InUse) }),
            "1.5 GiB on Ganeti counts as 2 GiB");
        Assert.That((await H.UsageAsync(user))[QuotaResource.Disk] - diskBefore, Is.EqualTo(2L << 30));
        Assert.That(await QuotaInvariants.UsageDriftAsync(H.Database.Connections), Is.Empty);
        Assert.That((await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None)).Findings
            .Where(f => f.ServerId == server.Id), Is.Empty, "nothing left for this server");
    }
}
