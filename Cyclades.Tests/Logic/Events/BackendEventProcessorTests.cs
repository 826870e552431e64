using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Events;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Events;

public sealed class BackendEventProcessorTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const long GiB = 1L << 30;
    [Test]
    public async Task Create_success_starts_the_server_and_finishes_its_task()
    {
        var server = (await Logic.LaunchAsync())[0].Server;
        var jobId = server.Task!.JobId!.Value;

        var result = await Logic.FinishAsync(jobId, JobStatus.Success);

        Assert.That(result, Is.EqualTo(new EventResult(EventOutcome.Applied, server.Id, TaskCleared: true)));
        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.OperState, after.Task), Is.EqualTo((OperState.Started, (ServerTask?)null)));
        Assert.That(after.LastJob, Has.Property(nameof(BackendJob.JobId)).EqualTo(jobId).And.Property(nameof(BackendJob.Status)).EqualTo(JobStatus.Success));
        Assert.That(after.BackendTime, Is.EqualTo(after.LastJob!.At));
    }

    [TestCase(JobStatus.Error)]
    [TestCase(JobStatus.Canceled)]
    public async Task A_failed_create_leaves_the_server_in_error_holding_its_quota(JobStatus status)
    {
        var server = (await Logic.LaunchAsync())[0].Server;

        await Logic.FinishAsync(server.Task!.JobId!.Value, status);

        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.OperState, after.Task, after.Deleted), Is.EqualTo((OperState.Error, (ServerTask?)null, false)));
        Assert.That(after.LastJob!.Message, Is.EqualTo(status == JobStatus.Error ? "job failed" : null));
        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        Assert.That((quota[QuotaResource.Vm].Usage, quota[QuotaResource.Cpu].Usage), Is.EqualTo((1L, 2L)));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [TestCase(ServerAction.Stop, JobStatus.Error)]
    [TestCase(ServerAction.Stop, JobStatus.Canceled)]
    [TestCase(ServerAction.Reboot, JobStatus.Error)]
    [TestCase(ServerAction.Destroy, JobStatus.Error)]
    public async Task A_failed_job_of_ours_changes_no_state_and_rejects_its_commission(ServerAction action, JobStatus status)
    {
        var server = await Logic.StartedServerAsync();
        var command = action switch
        {
            ServerAction.Stop => await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None),
            ServerAction.Reboot => await Logic.Commands.RebootAsync(LogicHarness.User, server.Id, RebootKind.Hard, CancellationToken.None),
            _ => await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None),
        };

        var result = await Logic.FinishAsync(command.After.Task!.JobId!.Value, status);

        Assert.That(result.TaskCleared, Is.True);
        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.OperState, after.Deleted, after.Task, after.CommissionId), Is.EqualTo((OperState.Started, false, (ServerTask?)null, (long?)null)));
        if (command.After.CommissionId is { } commission)
        {
            Assert.That((await Logic.CommissionAsync(commission)).State, Is.EqualTo(CommissionState.Rejected));
        }
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task A_failed_removal_of_an_instance_that_is_gone_counts_as_done()
    {
        var server = await Logic.StartedServerAsync();
        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None);

        await Logic.FinishAsync(destroy.After.Task!.JobId!.Value, JobStatus.Error, instanceMissing: true);

        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.Deleted, after.OperState, after.PrivateIp), Is.EqualTo((true, OperState.Destroyed, (string?)null)));
        Assert.That((await Logic.CommissionAsync(destroy.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Accepted));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [TestCase(JobStatus.Queued)]
    [TestCase(JobStatus.Waiting)]
    [TestCase(JobStatus.Running)]
    [TestCase(JobStatus.Canceling)]
    public async Task A_status_before_the_end_only_records_the_job(JobStatus status)
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var before = await Logic.ServerAsync(server.Id);

        var result = await Logic.Events.ApplyAsync(await Logic.EventForAsync(stop.After.Task!.JobId!.Value, status), CancellationToken.None);

        var after = await Logic.ServerAsync(server.Id);
        Assert.That(result.Outcome, Is.EqualTo(EventOutcome.Progress));
        Assert.That(after.LastJob!.Status, Is.EqualTo(status));
        Assert.That(after with { LastJob = before.LastJob, UpdatedAt = before.UpdatedAt }, Is.EqualTo(before));
    }

    [Test]
    public async Task A_late_running_event_does_not_undo_the_recorded_success()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var jobId = stop.After.Task!.JobId!.Value;
        var running = await Logic.EventForAsync(jobId, JobStatus.Running);
        await Logic.FinishAsync(jobId, JobStatus.Success);

        await Logic.Events.ApplyAsync(running, CancellationToken.None);

        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.OperState, after.LastJob!.Status), Is.EqualTo((OperState.Stopped, JobStatus.Success)));
    }

    [Test]
    public async Task Applying_the_same_event_twice_changes_nothing()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var success = await Logic.EventForAsync(stop.After.Task!.JobId!.Value, JobStatus.Success);
        await Logic.Events.ApplyAsync(success, CancellationToken.None);
        var snapshot = await SnapshotAsync(server.Id);

        var again = await Logic.Events.ApplyAsync(success, CancellationToken.None);

        Assert.That(again.Outcome, Is.EqualTo(EventOutcome.Stale));
        Assert.That(await SnapshotAsync(server.Id), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task Redelivery_is_recognised_at_the_stored_precision()
    {
        var server = await Logic.StartedServerAsync();
        var precise = new BackendEvent(server.BackendId, server.InstanceName, 910, ServerOperation.Stop, JobStatus.Success,
            Logic.NextEventTime().AddTicks(7));
        await Logic.Events.ApplyAsync(precise, CancellationToken.None);
        var snapshot = await SnapshotAsync(server.Id);

        var again = await Logic.Events.ApplyAsync(precise, CancellationToken.None);

        Assert.That(again.Outcome, Is.EqualTo(EventOutcome.Stale));
        Assert.That(await SnapshotAsync(server.Id), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task Applying_the_same_failure_twice_changes_nothing()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var failure = await Logic.EventForAsync(stop.After.Task!.JobId!.Value, JobStatus.Error);
        await Logic.Events.ApplyAsync(failure, CancellationToken.None);
        var snapshot = await SnapshotAsync(server.Id);

        await Logic.Events.ApplyAsync(failure, CancellationToken.None);

        Assert.That(await SnapshotAsync(server.Id), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task An_older_result_arriving_after_a_newer_one_is_stale()
    {
        var server = await Logic.StartedServerAsync();
        var earlier = new BackendEvent(server.BackendId, server.InstanceName, 77, ServerOperation.Stop, JobStatus.Success, Logic.NextEventTime());
        await Logic.AdminJobAsync(server, ServerOperation.Reboot, JobStatus.Success, 78);
        var snapshot = await SnapshotAsync(server.Id);

        var result = await Logic.Events.ApplyAsync(earlier, CancellationToken.None);

        Assert.That(result.Outcome, Is.EqualTo(EventOutcome.Stale));
        Assert.That(await SnapshotAsync(server.Id), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task Our_job_ending_before_a_later_change_finishes_the_task_without_its_commission()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var stopDone = await Logic.EventForAsync(stop.After.Task!.JobId!.Value, JobStatus.Success);
        // An administrator's reboot ended after our stop, and its event came first.
        await Logic.AdminJobAsync(server, ServerOperation.Reboot, JobStatus.Success, 500);

        var result = await Logic.Events.ApplyAsync(stopDone, CancellationToken.None);

        Assert.That((result.Outcome, result.TaskCleared), Is.EqualTo((EventOutcome.Stale, true)));
        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.OperState, after.Task), Is.EqualTo((OperState.Started, (ServerTask?)null)));
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Rejected));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task An_administrators_stop_is_charged_with_a_forced_commission()
    {
        var server = await Logic.StartedServerAsync();

        await Logic.AdminJobAsync(server, ServerOperation.Stop, JobStatus.Success, 900);

        var after = await Logic.ServerAsync(server.Id);
        Assert.That(after.OperState, Is.EqualTo(OperState.Stopped));
        var forced = (await Logic.CommissionsOfAsync(server.Id))[^1];
        Assert.That((forced.Forced, forced.State, forced.JobId), Is.EqualTo((true, CommissionState.Accepted, (long?)900)));
        Assert.That(forced.Provisions, Is.EqualTo(Provisions.Of((QuotaResource.Cpu, -2), (QuotaResource.Ram, -GiB))));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [TestCase(ServerOperation.Start)]
    [TestCase(ServerOperation.Reboot)]
    public async Task An_administrators_start_ignores_the_limits(ServerOperation operation)
    {
        var server = await Logic.StoppedServerAsync();
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, QuotaResource.Cpu, 0, CancellationToken.None);

        await Logic.AdminJobAsync(server, operation, JobStatus.Success, 901);

        Assert.That((await Logic.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Started));
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.Cpu].Usage, Is.EqualTo(2));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task An_administrators_removal_releases_the_server_computed_from_its_state_before()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);

        await Logic.AdminJobAsync(server, ServerOperation.Destroy, JobStatus.Success, 902);

        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.Deleted, after.Task, after.CommissionId), Is.EqualTo((true, (ServerTask?)null, (long?)null)));
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Rejected));
        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        Assert.That(quota.Resources.Select(r => (r.Usage, r.Pending)), Is.All.EqualTo((0L, 0L)));
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);

        Assert.That((await Logic.FinishAsync(stop.After.Task!.JobId!.Value, JobStatus.Success)).Outcome, Is.EqualTo(EventOutcome.DeletedServer));
    }

    [Test]
    public async Task An_administrators_resize_gives_the_matching_flavor()
    {
        var server = await Logic.StoppedServerAsync();

        await Logic.AdminJobAsync(server, ServerOperation.Modify, JobStatus.Success, 903, cpu: 4, ramMiB: 2048);

        var view = await Logic.Queries.GetAsync(LogicHarness.User, server.Id, CancellationToken.None);
        Assert.That(view!.Flavor.Name, Is.EqualTo(LogicHarness.Large));
        Assert.That((await Logic.CommissionsOfAsync(server.Id))[^1].Provisions,
            Is.EqualTo(Provisions.Of((QuotaResource.TotalCpu, 2), (QuotaResource.TotalRam, GiB))));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task A_resize_to_specs_no_flavor_has_is_refused_and_nothing_is_applied()
    {
        var server = await Logic.StoppedServerAsync();
        var snapshot = await SnapshotAsync(server.Id);

        var error = (await Assert.ThrowsAsync<NoMatchingFlavorException>(() => Logic.AdminJobAsync(server, ServerOperation.Modify, JobStatus.Success, 904, cpu: 3)))!;

        Assert.That((error.ServerId, error.Cpu, error.RamMiB, error.VolumeType), Is.EqualTo((server.Id, 3, 1024, "file")));
        Assert.That(await SnapshotAsync(server.Id), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task Other_operations_only_move_the_event_clock()
    {
        var server = await Logic.StartedServerAsync();

        var result = await Logic.AdminJobAsync(server, ServerOperation.Other, JobStatus.Success, 905);

        var after = await Logic.ServerAsync(server.Id);
        Assert.That(result.Outcome, Is.EqualTo(EventOutcome.Applied));
        Assert.That(after with { LastJob = server.LastJob, BackendTime = server.BackendTime, UpdatedAt = server.UpdatedAt }, Is.EqualTo(server));
        Assert.That(after.BackendTime, Is.GreaterThan(server.BackendTime));
    }

    /// <summary>Reference §7.3 interplay example: DESTROY issued while a START is pending.</summary>
    [Test]
    public async Task Destroy_during_a_pending_start_ends_with_quotas_matching_the_final_state()
    {
        var server = await Logic.StoppedServerAsync();
        var start = await Logic.Commands.StartAsync(LogicHarness.User, server.Id, CancellationToken.None);
        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None);
        Assert.That((await Logic.CommissionAsync(start.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Rejected));

        await Logic.FinishAsync(start.After.Task!.JobId!.Value, JobStatus.Success);

        Assert.That((await Logic.CommissionAsync(destroy.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Rejected));
        var forcedStart = (await Logic.CommissionsOfAsync(server.Id))[^1];
        Assert.That((forcedStart.Forced, forcedStart.Provisions), Is.EqualTo((true, Provisions.Of((QuotaResource.Cpu, 2), (QuotaResource.Ram, GiB)))));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);

        await Logic.FinishAsync(destroy.After.Task!.JobId!.Value, JobStatus.Success);

        var forcedDestroy = (await Logic.CommissionsOfAsync(server.Id))[^1];
        Assert.That(forcedDestroy.Provisions[QuotaResource.Cpu], Is.EqualTo(-2), "computed from STARTED, the state before the removal");
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None)).Resources.Select(r => r.Usage), Is.All.Zero);
    }

    /// <summary>Found by the randomized test: results in an order a cluster would not produce still keep usage right.</summary>
    [Test]
    public async Task A_create_failure_after_an_administrators_stop_charges_the_server_active_again()
    {
        var server = (await Logic.LaunchAsync())[0].Server;
        await Logic.AdminJobAsync(server, ServerOperation.Stop, JobStatus.Success, 907);

        await Logic.FinishAsync(server.Task!.JobId!.Value, JobStatus.Error);

        Assert.That((await Logic.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Error));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.Cpu].Usage, Is.EqualTo(2));
    }

    [Test]
    public async Task A_create_result_arriving_before_its_job_id_was_recorded_still_finishes_the_build()
    {
        var server = (await Logic.LaunchAsync())[0].Server;
        var jobId = server.Task!.JobId!.Value;
        await Logic.ExecuteSqlAsync("UPDATE servers SET task_job_id = NULL WHERE id = @id", new { id = server.Id });
        var submitting = await Logic.ServerAsync(server.Id);

        var result = await Logic.FinishAsync(jobId, JobStatus.Success);
        var recorded = await Logic.Get<SubmittingTasks>().RecordJobAsync(submitting, jobId, abandonedBefore: null, CancellationToken.None);

        Assert.That(result.TaskCleared, Is.True);
        Assert.That(recorded, Is.False, "the task it was for is gone");
        Assert.That((await Logic.ServerAsync(server.Id)).Task, Is.Null);
    }

    [Test]
    public async Task A_stop_result_arriving_before_its_job_id_was_recorded_finishes_the_stop()
    {
        var server = await Logic.StartedServerAsync();
        await Logic.ExecuteSqlAsync("UPDATE servers SET task = 'STOP', task_job_id = NULL, task_at = 1 WHERE id = @id", new { id = server.Id });

        var result = await Logic.AdminJobAsync(server, ServerOperation.Stop, JobStatus.Success, 9999);

        Assert.That(result.TaskCleared, Is.True);
        Assert.That((await Logic.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Stopped));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task A_job_of_another_operation_that_reuses_the_tasks_job_id_does_not_finish_the_task()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        var jobId = stop.After.Task!.JobId!.Value;

        // A rebuilt cluster numbers its jobs from 1 again: a reboot of the same instance gets the stop's id.
        var reused = await Logic.AdminJobAsync(server, ServerOperation.Reboot, JobStatus.Success, jobId);

        Assert.That(reused.TaskCleared, Is.False);
        var after = await Logic.ServerAsync(server.Id);
        Assert.That(after.Task, Is.EqualTo(stop.After.Task));
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Pending));

        var finished = await Logic.FinishAsync(jobId, JobStatus.Success);
        Assert.That(finished.TaskCleared, Is.True);
        Assert.That((await Logic.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Stopped));
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Accepted));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Events_that_are_not_about_our_servers_are_ignored()
    {
        var server = await Logic.StartedServerAsync();
        var deleted = await Logic.StartedServerAsync();
        await Logic.AdminJobAsync(deleted, ServerOperation.Destroy, JobStatus.Success, 906);
        var backend = server.BackendId;

        async Task<EventOutcome> Outcome(long backendId, string name) =>
            (await Logic.Events.ApplyAsync(new BackendEvent(backendId, name, 1, ServerOperation.Stop, JobStatus.Success, Logic.NextEventTime()), CancellationToken.None)).Outcome;

        Assert.That(await Outcome(backend, "web-1"), Is.EqualTo(EventOutcome.NotOurs));
        Assert.That(await Outcome(backend, "snf-abc"), Is.EqualTo(EventOutcome.NotOurs));
        Assert.That(await Outcome(backend, "snf-007"), Is.EqualTo(EventOutcome.NotOurs));
        Assert.That(await Outcome(backend, "snf-99999"), Is.EqualTo(EventOutcome.UnknownServer));
        Assert.That(await Outcome(backend + 100, server.InstanceName), Is.EqualTo(EventOutcome.OtherBackend));
        Assert.That(await Outcome(backend, deleted.InstanceName), Is.EqualTo(EventOutcome.DeletedServer));
        Assert.That((await Logic.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Started));
    }

    private async Task<(Server Server, string Commissions, string Quota)> SnapshotAsync(long serverId)
    {
        var commissions = await Logic.CommissionsOfAsync(serverId);
        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        return (await Logic.ServerAsync(serverId),
            string.Join("; ", commissions.Select(c => $"{c.Id} {c.State} {c.Provisions}")),
            string.Join("; ", quota.Resources));
    }
}
