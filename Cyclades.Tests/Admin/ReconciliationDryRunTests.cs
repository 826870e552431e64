using System.Diagnostics.Metrics;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Dispatch;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Admin;

/// <summary>
/// The core's commission reconciler that <c>manage reconcile commissions</c> calls, on both databases: a dry run
/// reports the decisions and changes nothing, the fix then makes the same decisions, and both count their findings
/// in the metrics. The command itself (its output, <c>--fix</c>) is driven in
/// <see cref="MaintenanceCommandTests.Reconcile_commissions_rejects_an_orphan_only_with_fix"/>.
/// </summary>
public sealed class ReconciliationDryRunTests(DatabaseProvider provider) : LogicTest(provider)
{
    [Test]
    public async Task A_dry_run_reports_what_the_fix_then_does_and_both_count_findings()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        await Logic.ExecuteSqlAsync("UPDATE servers SET task = NULL, task_job_id = NULL, commission_id = NULL WHERE id = @id", new { id = server.Id });
        var commission = stop.After.CommissionId!.Value;
        using var metrics = new MetricRecorder(Logic.Get<IMeterFactory>().Create(LogicMeter.Name));

        var dryRun = await Logic.CommissionReconciler.ReconcileAsync(fix: false, CancellationToken.None);
        Assert.That(dryRun.Rejected, Is.EqualTo(new[] { commission }));
        Assert.That((await Logic.CommissionAsync(commission)).State, Is.EqualTo(CommissionState.Pending), "a dry run changes nothing");

        var fixedRun = await Logic.CommissionReconciler.ReconcileAsync(fix: true, CancellationToken.None);
        Assert.That(fixedRun, Is.EqualTo(dryRun).Using<Cyclades.Logic.Maintenance.CommissionReconciliation>((a, b) => a.Rejected.SequenceEqual(b.Rejected)));
        Assert.That((await Logic.CommissionAsync(commission)).State, Is.EqualTo(CommissionState.Rejected));
        Assert.That(metrics.Sum(DispatcherMetrics.FindingsInstrument, ("kind", "CommissionRejected"), ("fixed", false)), Is.EqualTo(1));
        Assert.That(metrics.Sum(DispatcherMetrics.FindingsInstrument, ("kind", "CommissionRejected"), ("fixed", true)), Is.EqualTo(1));
    }
}
