using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Servers;

public sealed class ServerCommandsTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const long GiB = 1L << 30;
    [Test]
    public async Task Stop_issues_a_pending_commission_records_the_task_and_the_event_settles_both()
    {
        var server = await Logic.StartedServerAsync();

        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, TimeSpan.FromSeconds(30), CancellationToken.None);

        var job = Logic.Driver.Jobs[^1];
        Assert.That((job.Operation, job.InstanceName, job.ShutdownTimeout), Is.EqualTo((ServerOperation.Stop, server.InstanceName, (TimeSpan?)TimeSpan.FromSeconds(30))));
        Assert.That(stop.Performed, Is.True);
        Assert.That(stop.Before.Task, Is.Null);
        Assert.That(stop.After.Task, Is.EqualTo(new ServerTask(ServerAction.Stop, job.Id)));
        var stored = await Logic.ServerAsync(server.Id);
        Assert.That(stored.Task, Is.EqualTo(stop.After.Task));
        var commission = await Logic.CommissionAsync(stored.CommissionId!.Value);
        Assert.That((commission.State, commission.JobId, commission.Forced), Is.EqualTo((CommissionState.Pending, (long?)job.Id, false)));
        Assert.That(commission.Provisions, Is.EqualTo(Provisions.Of((QuotaResource.Cpu, -2), (QuotaResource.Ram, -GiB))));
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.Cpu].Usage, Is.EqualTo(2), "usage moves only when the job is done");

        await Logic.FinishAsync(job.Id, JobStatus.Success);

        stored = await Logic.ServerAsync(server.Id);
        Assert.That((stored.OperState, stored.Task, stored.CommissionId), Is.EqualTo((OperState.Stopped, (ServerTask?)null, (long?)null)));
        Assert.That((await Logic.CommissionAsync(commission.Id)).State, Is.EqualTo(CommissionState.Accepted));
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.Cpu].Usage, Is.Zero);
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Start_counts_against_the_limit_while_pending()
    {
        var first = await Logic.StoppedServerAsync();
        var second = await Logic.StoppedServerAsync();
        await Logic.Quotas.SetLimitAsync(LogicHarness.User, QuotaResource.Cpu, 2, CancellationToken.None);
        var jobs = Logic.Driver.Jobs.Count;

        await Logic.Commands.StartAsync(LogicHarness.User, first.Id, CancellationToken.None);
        var refused = (await Assert.ThrowsAsync<QuotaExceededException>(() => Logic.Commands.StartAsync(LogicHarness.User, second.Id, CancellationToken.None)))!;

        Assert.That((refused.Resource, refused.Limit, refused.Usage, refused.Requested), Is.EqualTo((QuotaResource.Cpu, 2L, 2L, 2L)));
        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(jobs + 1));
        var untouched = await Logic.ServerAsync(second.Id);
        Assert.That((untouched.Task, untouched.CommissionId), Is.EqualTo(((ServerTask?)null, (long?)null)));
    }

    [TestCase(RebootKind.Hard, 0)]
    [TestCase(RebootKind.Soft, null)]
    public async Task Reboot_maps_its_kind_to_the_shutdown_timeout(RebootKind kind, int? timeoutSeconds)
    {
        var server = await Logic.StartedServerAsync();

        var reboot = await Logic.Commands.RebootAsync(LogicHarness.User, server.Id, kind, CancellationToken.None);

        Assert.That(Logic.Driver.Jobs[^1].ShutdownTimeout, Is.EqualTo(timeoutSeconds is null ? (TimeSpan?)null : TimeSpan.FromSeconds(timeoutSeconds.Value)));
        Assert.That(reboot.After.CommissionId, Is.Null, "rebooting a started server changes no quota");
    }

    [Test]
    public async Task Reboot_of_a_stopped_server_takes_the_active_resources()
    {
        var server = await Logic.StoppedServerAsync();

        var reboot = await Logic.Commands.RebootAsync(LogicHarness.User, server.Id, RebootKind.Soft, CancellationToken.None);
        await Logic.FinishAsync(reboot.After.Task!.JobId!.Value, JobStatus.Success);

        Assert.That((await Logic.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Started));
        Assert.That((await Logic.CommissionAsync(reboot.After.CommissionId!.Value)).Provisions,
            Is.EqualTo(Provisions.Of((QuotaResource.Cpu, 2), (QuotaResource.Ram, GiB))));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Resize_of_a_stopped_server_changes_the_totals_and_the_flavor_when_done()
    {
        var server = await Logic.StoppedServerAsync();

        var resize = await Logic.Commands.ResizeAsync(LogicHarness.User, server.Id, LogicHarness.Large, CancellationToken.None);

        var job = Logic.Driver.Jobs[^1];
        Assert.That((job.Operation, job.Cpu, job.RamMiB), Is.EqualTo((ServerOperation.Modify, (int?)4, (int?)2048)));
        Assert.That((await Logic.CommissionAsync(resize.After.CommissionId!.Value)).Provisions,
            Is.EqualTo(Provisions.Of((QuotaResource.TotalCpu, 2), (QuotaResource.TotalRam, GiB))));

        await Logic.FinishAsync(job.Id, JobStatus.Success);

        var view = await Logic.Queries.GetAsync(LogicHarness.User, server.Id, CancellationToken.None);
        Assert.That(view!.Flavor.Name, Is.EqualTo(LogicHarness.Large));
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Resize_is_refused_for_the_same_flavor_a_flavor_without_the_volume_type_and_unknown_flavors()
    {
        var stopped = await Logic.StoppedServerAsync();
        var started = await Logic.StartedServerAsync();
        var jobs = Logic.Driver.Jobs.Count;

        async Task<ResizeProblem> Problem(string flavor) =>
            (await Assert.ThrowsAsync<InvalidResizeException>(() => Logic.Commands.ResizeAsync(LogicHarness.User, stopped.Id, flavor, CancellationToken.None)))!.Problem;

        Assert.That(await Problem(LogicHarness.Small), Is.EqualTo(ResizeProblem.SameFlavor));
        Assert.That(await Problem(LogicHarness.OtherTemplate), Is.EqualTo(ResizeProblem.VolumeType));
        await Assert.ThrowsAsync<FlavorNotFoundException>(() => Logic.Commands.ResizeAsync(LogicHarness.User, stopped.Id, "nope", CancellationToken.None));
        // The state is checked before the flavor, as Synnefo does.
        await Assert.ThrowsAsync<InvalidServerStateException>(() => Logic.Commands.ResizeAsync(LogicHarness.User, started.Id, LogicHarness.Small, CancellationToken.None));
        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(jobs));
    }

    [Test]
    public async Task Destroy_returns_everything_and_releases_the_address()
    {
        var server = await Logic.StartedServerAsync();

        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None);
        var commission = await Logic.CommissionAsync(destroy.After.CommissionId!.Value);
        Assert.That(commission.Forced, Is.True);
        Assert.That(commission.Provisions, Is.EqualTo(CommissionCalculator.Holdings(OperState.Started, (await Logic.Catalog.FindFlavorAsync(LogicHarness.Small, CancellationToken.None))!).Negate()));

        await Logic.FinishAsync(destroy.After.Task!.JobId!.Value, JobStatus.Success);

        var gone = await Logic.ServerAsync(server.Id);
        Assert.That((gone.Deleted, gone.OperState, gone.PrivateIp, gone.Task), Is.EqualTo((true, OperState.Destroyed, (string?)null, (ServerTask?)null)));
        Assert.That(gone.DeletedAt, Is.Not.Null);
        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        Assert.That(quota.Resources.Select(r => (r.Usage, r.Pending)), Is.All.EqualTo((0L, 0L)));
    }

    [Test]
    public async Task Destroy_overrides_a_pending_task_and_quotas_end_matching_the_rows()
    {
        var server = await Logic.StartedServerAsync();
        var stop = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);

        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None);

        Assert.That(destroy.After.Task!.Action, Is.EqualTo(ServerAction.Destroy));
        Assert.That((await Logic.CommissionAsync(stop.After.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Rejected));

        // The superseded stop job ends first: it is no longer the task's job.
        await Logic.FinishAsync(stop.After.Task!.JobId!.Value, JobStatus.Success);
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That((await Logic.ServerAsync(server.Id)).Task!.Action, Is.EqualTo(ServerAction.Destroy));

        await Logic.FinishAsync(destroy.After.Task!.JobId!.Value, JobStatus.Success);
        Assert.That(await QuotaInvariants.UsageDriftAsync(Logic.Database.Connections), Is.Empty);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.Vm].Usage, Is.Zero);
    }

    [Test]
    public async Task Destroy_during_the_create_job_is_recorded_and_carried_out_once_the_job_has_ended()
    {
        var server = (await Logic.LaunchAsync())[0].Server;
        var jobs = Logic.Driver.Jobs.Count;

        var destroy = await Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None);

        Assert.That(destroy.After.DestroyRequestedAt, Is.Not.Null);
        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(jobs), "no removal while the instance is being created");
        var recorded = await Logic.ServerAsync(server.Id);
        Assert.That((recorded.Task!.Action, recorded.DestroyReason), Is.EqualTo((ServerAction.Build, (DestroyReason?)DestroyReason.Owner)));
        Assert.That(recorded.DestroyRequestedAt, Is.EqualTo(destroy.After.DestroyRequestedAt).Within(TimeSpan.FromMilliseconds(1)));
        var again = await Logic.Commands.DestroyManyAsync(LogicHarness.User, [server.Id], skipAlreadyDone: true, CancellationToken.None);
        Assert.That(again[0].Performed, Is.False, "a second terminate finds it already being destroyed");

        await Logic.FinishAsync(server.Task!.JobId!.Value, JobStatus.Error);
        var carried = await Logic.Commands.DestroyRequestedAsync(await Logic.ServerAsync(server.Id), CancellationToken.None);
        Assert.That(carried.After.Task!.Action, Is.EqualTo(ServerAction.Destroy));
        await Logic.FinishAsync(carried.After.Task!.JobId!.Value, JobStatus.Success);
        var gone = await Logic.ServerAsync(server.Id);
        Assert.That((gone.Deleted, gone.DestroyRequestedAt), Is.EqualTo((true, (DateTimeOffset?)null)));
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None))[QuotaResource.Vm].Usage, Is.Zero);
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);
    }

    [Test]
    public async Task Protection_refuses_a_destroy_during_the_create_job_too()
    {
        var server = (await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { Settings = ServerSettings.Default with { DestroyProtected = true } },
            CancellationToken.None)).Servers[0].Server;

        await Assert.ThrowsAsync<ServerProtectedException>(() => Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None));

        Assert.That((await Logic.ServerAsync(server.Id)).DestroyRequestedAt, Is.Null);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_failed_submission_gives_the_task_up_and_rejects_its_commission(bool unavailable)
    {
        var server = await Logic.StartedServerAsync();
        var usage = (await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None)).Resources.Select(r => (r.Resource, r.Usage)).ToList();
        Logic.Driver.FailSubmissions(unavailable ? Logic.Driver.Unavailable : Logic.Driver.Rejected);

        var failure = unavailable
            ? (DomainException)(await Assert.ThrowsAsync<BackendUnavailableException>(() => Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None)))!
            : (await Assert.ThrowsAsync<BackendRejectedException>(() => Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None)))!;

        Assert.That(failure.Message, Does.Contain(LogicHarness.ZoneA));
        var after = await Logic.ServerAsync(server.Id);
        Assert.That((after.OperState, after.Task, after.CommissionId), Is.EqualTo((OperState.Started, (ServerTask?)null, (long?)null)));
        Assert.That((await Logic.CommissionsOfAsync(server.Id)).Where(c => c.Name.StartsWith("api:", StringComparison.Ordinal)).Select(c => c.State),
            Is.EqualTo(new[] { CommissionState.Rejected }), "the stop's commission was issued with the task, and rejected when it was given up");
        Assert.That((await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None)).Resources.Select(r => (r.Resource, r.Usage)), Is.EqualTo(usage));
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);

        Logic.Driver.StopFailing();
        var retried = await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        Assert.That(retried.After.Task!.JobId, Is.EqualTo(Logic.Driver.Jobs[^1].Id), "nothing is left pending: a retry goes through");
    }

    [Test]
    public async Task A_command_commits_its_task_before_the_cluster_is_called_and_a_retry_meanwhile_is_refused()
    {
        var server = await Logic.StartedServerAsync();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Logic.Driver.BeforeSubmit = async operation =>
        {
            if (operation == ServerOperation.Stop)
            {
                entered.TrySetResult();
                await release.Task;
            }
        };

        var stop = Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None);
        await entered.Task;

        var submitting = await Logic.ServerAsync(server.Id);
        Assert.That(submitting.Task, Is.EqualTo(new ServerTask(ServerAction.Stop, null)), "committed before the cluster was asked");
        Assert.That((await Logic.CommissionAsync(submitting.CommissionId!.Value)).State, Is.EqualTo(CommissionState.Pending));
        var retry = await Assert.ThrowsAsync<PendingTaskException>(() => Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, CancellationToken.None));
        Assert.That(retry!.PendingTask, Is.EqualTo(ServerAction.Stop));
        await Assert.ThrowsAsync<PendingTaskException>(() => Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, CancellationToken.None));
        var other = await Logic.StartedServerAsync();
        Assert.That(other.OperState, Is.EqualTo(OperState.Started), "other writes are not held up by the call in flight");

        release.SetResult();
        var done = await stop;
        var stored = await Logic.ServerAsync(server.Id);
        Assert.That(stored.Task, Is.EqualTo(done.After.Task));
        Assert.That(stored.Task!.JobId, Is.Not.Null);
        Assert.That((await Logic.CommissionAsync(stored.CommissionId!.Value)).JobId, Is.EqualTo(stored.Task.JobId));
    }

    [Test]
    public async Task Other_users_servers_do_not_exist_and_missing_ids_are_all_named()
    {
        var server = await Logic.StartedServerAsync();

        var one = (await Assert.ThrowsAsync<ServerNotFoundException>(() => Logic.Commands.StopAsync("user-2", server.Id, null, CancellationToken.None)))!;
        var several = (await Assert.ThrowsAsync<ServerNotFoundException>(() =>
            Logic.Commands.StopManyAsync(LogicHarness.User, [server.Id, 9998, 9999], null, skipAlreadyDone: false, CancellationToken.None)))!;

        Assert.That(one.ServerIds, Is.EqualTo(new[] { server.Id }));
        Assert.That(several.ServerIds, Is.EqualTo(new long[] { 9998, 9999 }));
        Assert.That((await Logic.ServerAsync(server.Id)).Task, Is.Null);
    }

    [Test]
    public async Task A_batch_with_one_invalid_server_does_nothing()
    {
        var started = await Logic.StartedServerAsync();
        var stopped = await Logic.StoppedServerAsync();
        var jobs = Logic.Driver.Jobs.Count;

        await Assert.ThrowsAsync<InvalidServerStateException>(() =>
            Logic.Commands.StopManyAsync(LogicHarness.User, [started.Id, stopped.Id], null, skipAlreadyDone: false, CancellationToken.None));

        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(jobs));
        Assert.That((await Logic.ServerAsync(started.Id)).Task, Is.Null);
    }

    [Test]
    public async Task A_batch_can_leave_servers_already_there_alone()
    {
        var started = await Logic.StartedServerAsync();
        var stopped = await Logic.StoppedServerAsync();

        var results = await Logic.Commands.StopManyAsync(LogicHarness.User, [stopped.Id, started.Id, stopped.Id], null, skipAlreadyDone: true, CancellationToken.None);

        Assert.That(results.Select(r => (r.Before.Id, r.Performed)), Is.EqualTo(new[] { (stopped.Id, false), (started.Id, true) }));
        Assert.That(results[1].After.Task!.Action, Is.EqualTo(ServerAction.Stop));

        var destroyed = await Logic.Commands.DestroyManyAsync(LogicHarness.User, [started.Id], skipAlreadyDone: true, CancellationToken.None);
        var again = await Logic.Commands.DestroyManyAsync(LogicHarness.User, [started.Id], skipAlreadyDone: true, CancellationToken.None);
        Assert.That((destroyed[0].Performed, again[0].Performed), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task When_a_batch_submission_fails_the_servers_submitted_keep_their_task_and_the_others_are_given_up()
    {
        var servers = new[] { await Logic.StoppedServerAsync(), await Logic.StoppedServerAsync(), await Logic.StoppedServerAsync() };
        Logic.Driver.FailSubmissions(Logic.Driver.Unavailable, ServerOperation.Start, after: 1);

        await Assert.ThrowsAsync<BackendUnavailableException>(() =>
            Logic.Commands.StartManyAsync(LogicHarness.User, servers.Select(s => s.Id).ToList(), skipAlreadyDone: false, CancellationToken.None));

        var after = new List<Server>();
        foreach (var s in servers)
        {
            after.Add(await Logic.ServerAsync(s.Id));
        }
        Assert.That(after.Select(s => s.Task?.Action), Is.EquivalentTo(new ServerAction?[] { ServerAction.Start, null, null }));
        Assert.That(await QuotaInvariants.UnsettledCommissionsAsync(Logic.Database.Connections), Is.Empty);
        var quota = await Logic.Quotas.GetAsync(LogicHarness.User, CancellationToken.None);
        Assert.That(quota[QuotaResource.Cpu].Pending, Is.EqualTo(2));
    }

    /// <summary>The whole matrix again, through the service and the database: a refusal leaves no job and no commission.</summary>
    [Test]
    public async Task Every_action_in_every_state_and_task_is_decided_as_the_matrix_says()
    {
        var server = await Logic.StartedServerAsync();
        var failures = new List<string>();
        foreach (var state in new[] { OperState.Build, OperState.Started, OperState.Stopped, OperState.Error })
        foreach (var task in new ServerAction?[] { null, ServerAction.Build, ServerAction.Start, ServerAction.Stop, ServerAction.Reboot, ServerAction.Resize, ServerAction.Destroy })
        foreach (var action in new[] { ServerAction.Start, ServerAction.Stop, ServerAction.Reboot, ServerAction.Resize, ServerAction.Destroy })
        {
            await Logic.ExecuteSqlAsync(
                "UPDATE servers SET operstate = @state, task = @task, task_job_id = @job, commission_id = NULL, flavor_id = (SELECT id FROM flavors WHERE name = @small) WHERE id = @id",
                new { state = state.ToDb(), task = task?.ToDb(), job = task is null ? (long?)null : 1, small = LogicHarness.Small, id = server.Id });
            var jobs = Logic.Driver.Jobs.Count;
            var commissions = (await Logic.CommissionsOfAsync(server.Id)).Count;
            var outcome = await RefusalAsync(() => Act(action, server.Id));
            var expected = SynnefoActionMatrix.Expected(state, task, deleted: false, action);
            if (outcome != expected)
            {
                failures.Add($"{action} on {state} with task {task?.ToString() ?? "none"}: {outcome}, expected {expected}");
            }
            var submitted = Logic.Driver.Jobs.Count - jobs;
            var issued = (await Logic.CommissionsOfAsync(server.Id)).Count - commissions;
            if (outcome != "ok" && (submitted, issued) != (0, 0))
            {
                failures.Add($"{action} on {state} with task {task}: refused but submitted {submitted} job(s) and issued {issued} commission(s)");
            }
        }
        Assert.That(failures, Is.Empty);
    }

    private Task Act(ServerAction action, long id) => action switch
    {
        ServerAction.Start => Logic.Commands.StartAsync(LogicHarness.User, id, CancellationToken.None),
        ServerAction.Stop => Logic.Commands.StopAsync(LogicHarness.User, id, null, CancellationToken.None),
        ServerAction.Reboot => Logic.Commands.RebootAsync(LogicHarness.User, id, RebootKind.Hard, CancellationToken.None),
        ServerAction.Resize => Logic.Commands.ResizeAsync(LogicHarness.User, id, LogicHarness.Large, CancellationToken.None),
        _ => Logic.Commands.DestroyAsync(LogicHarness.User, id, CancellationToken.None),
    };

    private static async Task<string> RefusalAsync(Func<Task> act)
    {
        try
        {
            await act();
            return "ok";
        }
        catch (DomainException e)
        {
            return ServerActionRulesTests.Refusal(() => throw e);
        }
    }
}
