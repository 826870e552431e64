using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Integration;

/// <summary>Reconciliation against the real Ganeti test cluster: a crashed instance, an orphan instance.</summary>
[NonParallelizable]
public sealed class ReconciliationOnGanetiTests : RealClusterFixture
{
    [Test]
    public async Task A_crashed_instance_is_found_and_its_server_set_stopped()
    {
        var server = await H.LaunchAsync(RealClusterHarness.Small, RealClusterHarness.Image);
        await H.WaitForStateAsync(server.Id, OperState.Started, JobTimeout);

        await Real.Cluster.OnNodeAsync("rm", "-f", $"/var/run/ganeti/fake-hypervisor/{server.InstanceName}");
        await Eventually.HoldsAsync(async () => (await InstanceAsync(server.InstanceName))?.IsRunning == false, "Ganeti sees the crash");
        var dryRun = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None);
        var fix = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.FixAll, None);

        Assert.That(dryRun.Findings.Select(f => (f.Kind, f.ServerId, f.Fixed)), Does.Contain((FindingKind.UnsyncedState, (long?)server.Id, false)));
        Assert.That(fix.Findings.Single(f => f.ServerId == server.Id), Has.Property(nameof(ReconciliationFinding.Fixed)).True);
        var stopped = await H.ServerAsync(server.Id);
        Assert.That((stopped.OperState, stopped.Task), Is.EqualTo((OperState.Stopped, (ServerTask?)null)));
        Assert.That((await H.UsageAsync())[QuotaResource.Cpu], Is.Zero, "the forced commission released the active CPU");
        Assert.That(await QuotaInvariants.UsageDriftAsync(H.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task An_orphan_instance_with_our_prefix_is_reported_and_removed_in_fix_mode()
    {
        var orphan = $"{Real.Prefix}-987654321";
        await Real.Cluster.CreateBareInstanceAsync(orphan);

        var dryRun = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.DryRun, None);
        Assert.That(await InstanceAsync(orphan), Is.Not.Null, "a dry run removes nothing");
        var fix = await H.Reconciler.ReconcileAsync(RealClusterHarness.Backend, ReconciliationRequest.FixAll, None);

        Assert.That(dryRun.Findings.Where(f => f.InstanceName == orphan).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.OrphanInstance, false) }));
        Assert.That(fix.Findings.Where(f => f.InstanceName == orphan).Select(f => (f.Kind, f.Fixed)), Is.EqualTo(new[] { (FindingKind.OrphanInstance, true) }));
        await Eventually.HoldsAsync(async () => await InstanceAsync(orphan) is null, "the orphan removed from the cluster", JobTimeout);
    }
}
