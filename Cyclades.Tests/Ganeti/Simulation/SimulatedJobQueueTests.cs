using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Ganeti.Simulation;

[Category("Unit")]
public sealed class SimulatedJobQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public async Task A_job_goes_from_queued_through_running_to_success_in_the_latency()
    {
        var time = new FakeTimeProvider(Start);
        var cluster = Simulator.Cluster(latencyMs: 1000, time: time);
        using var client = cluster.Client();

        var id = await client.Instances.CreateAsync(Simulator.Diskless("snf-1"));
        var submitted = await client.Jobs.GetAsync(id);
        time.Advance(TimeSpan.FromMilliseconds(249));
        var stillQueued = await client.Jobs.GetAsync(id);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var running = await client.Jobs.WaitForStatusChangeAsync(id, GanetiJobStatuses.Queued);
        time.Advance(TimeSpan.FromMilliseconds(749));
        var stillRunning = await client.Jobs.GetAsync(id);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var final = await client.Jobs.WaitForStatusChangeAsync(id, GanetiJobStatuses.Running);

        Assert.Multiple(() =>
        {
            Assert.That((submitted!.Status, stillQueued!.Status), Is.EqualTo((GanetiJobStatuses.Queued, GanetiJobStatuses.Queued)));
            Assert.That(submitted.StartedAt, Is.Null);
            Assert.That((running!.Status, stillRunning!.Status), Is.EqualTo((GanetiJobStatuses.Running, GanetiJobStatuses.Running)));
            Assert.That(final!.Status, Is.EqualTo(GanetiJobStatuses.Success));
            var received = final.ReceivedAt!.Value.ToDateTimeOffset();
            var started = final.StartedAt!.Value.ToDateTimeOffset();
            var ended = final.EndedAt!.Value.ToDateTimeOffset();
            Assert.That(received, Is.EqualTo(Start).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(started - received, Is.EqualTo(TimeSpan.FromMilliseconds(250)).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(ended - received, Is.EqualTo(TimeSpan.FromMilliseconds(1000)).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(final.OpResults![0][0].GetString(), Is.EqualTo(cluster.ListInstances().Single().PrimaryNode));
        });
    }

    [Test]
    public async Task With_zero_latency_a_job_is_final_when_first_read()
    {
        using var client = Simulator.Cluster(latencyMs: 0).Client();

        var id = await client.Instances.CreateAsync(Simulator.Diskless("snf-1"));

        Assert.That((await client.Jobs.GetAsync(id))!.Status, Is.EqualTo(GanetiJobStatuses.Success));
    }

    [Test]
    public async Task Jobs_on_one_instance_run_one_after_the_other()
    {
        var time = new FakeTimeProvider(Start);
        var cluster = Simulator.Cluster(latencyMs: 1000, time: time);
        using var client = cluster.Client();

        var create = await client.Instances.CreateAsync(Simulator.Diskless("snf-1"));
        var shutdown = await client.Instances.ShutdownAsync("snf-1");
        var remove = await client.Instances.DeleteAsync("snf-1");
        time.Advance(TimeSpan.FromMilliseconds(400)); // the shutdown left the queue at 250 ms and waits for the create until 1000 ms
        var waiting = await client.Jobs.GetAsync(shutdown);
        time.Advance(TimeSpan.FromSeconds(3)); // each job runs 750 ms after the one before

        var jobs = new[] { await client.FinishedAsync(create), await client.FinishedAsync(shutdown), await client.FinishedAsync(remove) };

        Assert.That(waiting!.Status, Is.EqualTo(GanetiJobStatuses.Waiting));
        Assert.That(jobs.Select(job => job.Status), Is.All.EqualTo(GanetiJobStatuses.Success));
        Assert.That(jobs[1].StartedAt!.Value.ToDateTimeOffset(), Is.LessThan(jobs[0].EndedAt!.Value.ToDateTimeOffset()));
        Assert.That(jobs[1].EndedAt!.Value.ToDateTimeOffset(), Is.GreaterThan(jobs[0].EndedAt!.Value.ToDateTimeOffset()));
        Assert.That(cluster.ListInstances(), Is.Empty);
    }

    [Test]
    public async Task The_long_poll_answers_as_soon_as_the_status_changes()
    {
        var time = new FakeTimeProvider(Start);
        using var client = Simulator.Cluster(latencyMs: 2000, options => options.JobWaitTimeoutMs = 60_000, time).Client();
        var id = await client.Instances.CreateAsync(Simulator.Diskless("snf-1"));

        var change = await time.AdvanceUntilDoneAsync(client.Jobs.WaitForChangeAsync(id, new JobWaitRequest
        {
            Fields = ["status", "opstatus"],
            PreviousJobInfo = [Json("\"queued\""), Json("[\"queued\"]")],
            PreviousLogSerial = 0,
        }), TimeSpan.FromMilliseconds(100), limit: TimeSpan.FromMilliseconds(1900));

        Assert.That(change!.JobInfo.Select(value => value.GetRawText()), Is.EqualTo(new[] { "\"running\"", "[\"running\"]" }),
            "answered while the job ran, long before the poll's 60 s (simulated) were up");
    }

    [Test]
    public async Task The_long_poll_answers_null_when_nothing_changed_within_its_wait()
    {
        var time = new FakeTimeProvider(Start);
        using var client = Simulator.Cluster(latencyMs: 10_000, options => options.JobWaitTimeoutMs = 150, time).Client();
        var id = await client.Instances.CreateAsync(Simulator.Diskless("snf-1"));

        var change = await time.AdvanceUntilDoneAsync(client.Jobs.WaitForChangeAsync(id, new JobWaitRequest
        {
            Fields = ["status"], PreviousJobInfo = [Json("\"queued\"")], PreviousLogSerial = 0,
        }), TimeSpan.FromMilliseconds(50), limit: TimeSpan.FromMilliseconds(2000));

        Assert.That(change, Is.Null, "the job is still queued (until 2.5 s): the poll's own 150 ms ended it");
        Assert.That(time.GetUtcNow() - Start, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150)));
    }

    [Test]
    public async Task The_long_poll_reports_new_log_entries_unless_they_were_seen()
    {
        using var client = Simulator.Cluster().Client();
        var id = await client.Instances.CreateAsync(Simulator.Diskless("snf-1"));
        await client.FinishedAsync(id);

        var all = await client.Jobs.WaitForChangeAsync(id, new JobWaitRequest { Fields = ["status"], PreviousJobInfo = [Json("\"success\"")] });
        var none = await client.Jobs.WaitForChangeAsync(id, new JobWaitRequest
        {
            Fields = ["status"], PreviousJobInfo = [Json("\"success\"")], PreviousLogSerial = 3,
        });

        Assert.That(all!.LogEntries.Select(entry => entry.Text), Is.EqualTo(new[]
        {
            "* creating instance disks...", "adding instance snf-1 to cluster config", "* starting instance...",
        }));
        Assert.That(none!.LogEntries, Is.Empty);
        Assert.That(none.JobInfo.Single().GetString(), Is.EqualTo(GanetiJobStatuses.Success));
    }

    [Test]
    public async Task Waiting_on_an_unknown_job_is_an_HTTP_500_and_reads_as_unknown()
    {
        using var client = Simulator.Cluster().Client();

        var error = await Assert.ThrowsAsync<GanetiServerErrorException>(() =>
            client.Jobs.WaitForChangeAsync(42, new JobWaitRequest { Fields = ["status"] }));

        Assert.That(error!.Message, Does.EndWith("HTTP 500: Can't load job file"));
        Assert.That(await client.Jobs.WaitForStatusChangeAsync(42, null), Is.Null);
        Assert.That(await client.Jobs.GetAsync(42), Is.Null);
    }

    [Test]
    public async Task Archived_jobs_leave_the_list_but_stay_readable()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        var id = await client.Instances.StartupAsync("snf-404");
        await client.FinishedAsync(id);

        cluster.ArchiveFinishedJobs();

        Assert.That(await client.Jobs.ListAsync(), Is.Empty);
        Assert.That((await client.Jobs.GetAsync(id))!.Status, Is.EqualTo(GanetiJobStatuses.Error));
    }

    [Test]
    public async Task A_rebuilt_cluster_is_empty_has_a_new_identity_and_counts_jobs_from_1_again()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));
        await client.RunAsync(c => c.Instances.ShutdownAsync("snf-1"));
        var before = await client.Cluster.GetInfoAsync();

        cluster.Rebuild();

        Assert.That((await client.Cluster.GetInfoAsync()).Uuid, Is.Not.EqualTo(before.Uuid));
        Assert.That(await client.Instances.ListAsync(), Is.Empty);
        Assert.That(await client.Jobs.GetAsync(2), Is.Null);
        Assert.That(await client.Instances.StartupAsync("snf-1"), Is.EqualTo(1));
    }

    private static System.Text.Json.JsonElement Json(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
