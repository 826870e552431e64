using Cyclades.Logic.Backends;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Maintenance;

public sealed class ReconciliationTests(DatabaseProvider provider) : LogicTest(provider)
{
    [Test]
    public async Task Commissions_of_pending_tasks_are_kept_and_orphans_are_rejected()
    {
        var inFlight = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, inFlight.Id, null, CancellationToken.None);
        var orphaned = await Logic.StartedServerAsync();
        var lost = await Logic.Commands.StopAsync(LogicHarness.User, orphaned.Id, null, CancellationToken.None);
        // The server forgot its task and commission (as after a crash between two writes).
        await Logic.ExecuteSqlAsync("UPDATE servers SET task = NULL, task_job_id = NULL, commission_id = NULL WHERE id = @id", new { id = orphaned.Id });

        var result = await Logic.CommissionReconciler.ReconcileAsync(CancellationToken.None);

        Assert.That(result.Accepted, Is.Empty);
        Assert.That(result.Rejected, Is.EqualTo(new[] { lost.After.CommissionId!.Value }));
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Pending));
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);
    }

    [TestCase(JobStatus.Success, CommissionState.Accepted)]
    [TestCase(JobStatus.Error, CommissionState.Rejected)]
    public async Task A_commission_whose_job_result_is_recorded_is_decided_by_it(JobStatus status, CommissionState expected)
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var jobId = stop.After.Task!.JobId!.Value;
        // The job's result is on the row but the task and the commission were left open.
        await Logic.ExecuteSqlAsync(
            "UPDATE servers SET task = NULL, task_job_id = NULL, backend_job_id = @jobId, backend_operation = 'STOP', backend_job_status = @status, backend_job_at = 1 WHERE id = @id",
            new { id = server.Id, jobId, status = status.ToDb() });

        var result = await Logic.CommissionReconciler.ReconcileAsync(CancellationToken.None);

        Assert.That((status == JobStatus.Success ? result.Accepted : result.Rejected), Is.EqualTo(new[] { stop.After.CommissionId!.Value }));
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(expected));
        Assert.That((await Logic.ServerAsync(server.Id)).CommissionId, Is.Null);
    }

    [Test]
    public async Task Usage_drift_is_reported_and_fixed_with_a_recorded_commission()
    {
        await Logic.StartedServerAsync();
        await Logic.StoppedServerAsync("user-2");
        await Logic.ExecuteSqlAsync("UPDATE quota_usage SET used = used + 3 WHERE user_id = @user AND resource = 'cyclades.cpu'", new { user = LogicHarness.User });
        await Logic.ExecuteSqlAsync("DELETE FROM quota_usage WHERE user_id = 'user-2' AND resource = 'cyclades.vm'");

        var report = await Logic.UsageReconciler.ReconcileAsync(fix: false, CancellationToken.None);

        Assert.That(report.Select(d => (d.UserId, d.Resource, d.Recorded, d.Computed)), Is.EquivalentTo(new[]
        {
            (LogicHarness.User, QuotaResource.Cpu, 5L, 2L),
            ("user-2", QuotaResource.Vm, 0L, 1L),
        }));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Not.Empty);

        await Logic.UsageReconciler.ReconcileAsync(fix: true, CancellationToken.None);

        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That(await Logic.UsageReconciler.ReconcileAsync(fix: false, CancellationToken.None), Is.Empty);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM commissions WHERE name = 'reconcile' AND state = 'ACCEPTED'"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_stale_task_is_cleared_only_for_its_job()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var jobId = stop.After.Task!.JobId!.Value;

        Assert.That(await Logic.Maintenance.ClearTaskAsync(server.Id, jobId + 1, CancellationToken.None), Is.False);
        Assert.That(await Logic.Maintenance.ClearTaskAsync(server.Id, jobId, CancellationToken.None), Is.True);

        Assert.That((await Logic.ServerAsync(server.Id)).Task, Is.Null);
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Rejected));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }
}
