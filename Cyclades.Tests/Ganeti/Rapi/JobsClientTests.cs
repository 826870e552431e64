using System.Net;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Tests.Ganeti.Rapi;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Category("Unit")]
public sealed class JobsClientTests
{
    private readonly ScriptedRapiHandler _rapi = new();

    [Test]
    public async Task A_successful_create_with_timestamps_to_the_microsecond_log_and_result()
    {
        using var client = _rapi.AnswerSample("job-success-create.json").CreateClient();

        var job = (await client.Jobs.GetAsync(4))!;

        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/jobs/4"));
        var op = job.Ops!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(job.Status, Is.EqualTo(GanetiJobStatuses.Success));
            Assert.That(job.ReceivedAt!.Value.ToDateTimeOffset(),
                Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1795553386).AddTicks(10066 * 10)));
            Assert.That(job.EndedAt!.Value.ToDateTimeOffset().Ticks % TimeSpan.TicksPerSecond, Is.EqualTo(642452 * 10));
            Assert.That(op.OpId, Is.EqualTo(GanetiOpIds.InstanceCreate));
            Assert.That(op.InstanceName, Is.EqualTo("ex-vm1.ganeti.test"));
            Assert.That(op.BeParams!.MaxMemoryMiB, Is.EqualTo(256));
            Assert.That(op.OtherParameters!["os_type"].GetString(), Is.EqualTo("noop+default"));
            Assert.That(job.OpLog![0][^1].Text, Is.EqualTo("* starting instance..."));
            Assert.That(job.OpResults![0][0].GetString(), Is.EqualTo("node1.ganeti.test"));
            Assert.That(job.FirstError, Is.Null);
        });
    }

    [Test]
    public async Task Reason_timestamps_are_exact_int64_nanoseconds()
    {
        using var client = _rapi.AnswerSample("job-success-create.json").CreateClient();

        var reason = (await client.Jobs.GetAsync(4))!.Ops![0].Reason!;

        // 1795553386007634176 is not representable as a double (it would read ...634112)
        Assert.That(reason[0], Is.EqualTo(new GanetiReason("gnt:library:rlib2:instances", "", 1795553386007634176)));
        Assert.That(reason[1].TimestampNanoseconds, Is.EqualTo(1795553386010066000));
    }

    [TestCase("job-error-duplicate.json", "Instance 'ex-vm1.ganeti.test' is already in the cluster", GanetiErrorCodes.AlreadyExists)]
    [TestCase("job-error-unknown-instance.json", "Instance 'does-not-exist.ganeti.test' not known", GanetiErrorCodes.UnknownEntity)]
    [TestCase("job-error-policy.json", "memory-size value 1000000 is not in range [128, 32768]", GanetiErrorCodes.WrongInput)]
    public async Task Prerequisite_errors_carry_their_code(string sample, string message, string code)
    {
        using var client = _rapi.AnswerSample(sample).CreateClient();

        var job = (await client.Jobs.GetAsync(10))!;

        Assert.That(job.Status, Is.EqualTo(GanetiJobStatuses.Error));
        var error = job.FirstError as GanetiOpPrereqError;
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.Message, Does.Contain(message));
        Assert.That(error.Code, Is.EqualTo(code));
        var failure = Assert.Throws<GanetiJobFailedException>(() => job.EnsureSuccess());
        Assert.That(failure!.Error, Is.EqualTo(error));
    }

    [Test]
    public async Task A_failed_OS_install_is_an_execution_error_with_the_script_output()
    {
        using var client = _rapi.AnswerSample("job-error-osfail.json").CreateClient();

        var error = (await client.Jobs.GetAsync(11))!.FirstError;

        Assert.That(error, Is.TypeOf<GanetiOpExecError>());
        Assert.That(error!.Message, Does.StartWith("Could not add os for instance ex-vm3.ganeti.test"));
        Assert.That(error.Message, Does.EndWith("noop create: failing on purpose (variant=fail)"));
    }

    [Test]
    public void Other_error_classes_are_kept_by_name()
    {
        var error = GanetiJobError.Parse(System.Text.Json.JsonDocument.Parse("""["TagError", ["Tag contains invalid characters"]]""").RootElement);

        Assert.That(error, Is.EqualTo(new GanetiOtherJobError("TagError", "Tag contains invalid characters")));
    }

    [Test]
    public async Task A_modify_result_lists_the_changed_parameters()
    {
        using var client = _rapi.AnswerSample("job-success-modify.json").CreateClient();

        var job = (await client.Jobs.GetAsync(8))!;

        Assert.That(job.Ops![0].BeParams, Is.EqualTo(new GanetiBeParams { VCpus = 2, MaxMemoryMiB = 512, MinMemoryMiB = 512 }));
        Assert.That(job.OpResults![0].ToString(), Does.Contain("be/vcpus"));
    }

    [TestCase("job-just-submitted.json", GanetiJobStatuses.Queued)]
    [TestCase("job-waiting.json", GanetiJobStatuses.Waiting)]
    [TestCase("job-running.json", GanetiJobStatuses.Running)]
    public async Task Unfinished_jobs_have_no_end_time(string sample, string status)
    {
        using var client = _rapi.AnswerSample(sample).CreateClient();

        var job = (await client.Jobs.GetAsync(5))!;

        Assert.That(job.Status, Is.EqualTo(status));
        Assert.That(job.EndedAt, Is.Null);
        Assert.That(job.FirstError, Is.Null);
    }

    [Test]
    public async Task An_unknown_job_id_answered_with_nulls_reads_as_null()
    {
        using var client = _rapi.AnswerSample("job-unknown-id.json").CreateClient();

        Assert.That(await client.Jobs.GetAsync(987654), Is.Null);
    }

    [Test]
    public async Task The_bulk_listing_includes_jobs_an_administrator_submitted_but_no_results()
    {
        using var client = _rapi.AnswerSample("jobs-bulk.json").CreateClient();

        var jobs = await client.Jobs.ListAsync();

        Assert.That(_rapi.SingleRequest.PathAndQuery, Is.EqualTo("/2/jobs?bulk=1"));
        Assert.That(jobs.All(job => job.OpResults is null && job.OpLog is null), Is.True);
        var cli = jobs.Single(job => job.Id == 18);
        Assert.Multiple(() =>
        {
            Assert.That(cli.Ops![0].OpId, Is.EqualTo(GanetiOpIds.InstanceShutdown));
            Assert.That(cli.Ops[0].InstanceName, Is.EqualTo("ex-vm2.ganeti.test"));
            Assert.That(cli.Ops[0].Reason![0].Source, Is.EqualTo("gnt:client:gnt-instance"));
            Assert.That(cli.Ops[0].Reason![0].Text, Is.EqualTo("shutdown"));
            Assert.That(cli.Status, Is.EqualTo(GanetiJobStatuses.Success));
        });
    }

    [Test]
    public async Task Ids_come_from_the_plain_listing()
    {
        using var client = _rapi.AnswerSample("jobs.json").CreateClient();

        Assert.That(await client.Jobs.ListIdsAsync(), Is.EqualTo(new long[] { 16, 17, 18 }));
    }

    [Test]
    public async Task Waiting_for_a_status_change_reads_then_long_polls_for_every_field_that_changes()
    {
        using var client = _rapi.AnswerSample("job-just-submitted.json")
            .Answer("""{"job_info": ["running", ["running"], [null], [[]], [1795553386, 908507], null], "log_entries": []}""")
            .CreateClient();

        var job = await client.Jobs.WaitForStatusChangeAsync(5, GanetiJobStatuses.Queued);

        Assert.That((job!.Status, job.Ops![0].OpId, job.StartedAt), Is.EqualTo((GanetiJobStatuses.Running, "OP_INSTANCE_CREATE", new GanetiTimestamp(1795553386, 908507))));
        Assert.That(_rapi.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"), Is.EqualTo(new[] { "GET /2/jobs/5", "GET /2/jobs/5/wait" }),
            "the long poll's answer completes the job read before it");
        // the values last read, quoted back; a huge log serial: new log lines alone do not end the wait
        _rapi.Requests[1].AssertJsonBody("""
            {"fields": ["status", "opstatus", "opresult", "oplog", "start_ts", "end_ts"],
             "previous_job_info": ["queued", ["queued"], [null], [[]], null, null], "previous_log_serial": 2147483647}
            """);
    }

    [Test]
    public async Task A_job_ending_during_the_wait_comes_back_with_its_results_and_only_log_changes_are_waited_through()
    {
        using var client = _rapi.AnswerSample("job-just-submitted.json")
            .Answer("""{"job_info": ["queued", ["queued"], [null], [[[1, [1795553386, 900000], "message", "* starting"]]], null, null], "log_entries": []}""")
            .Answer("""
                {"job_info": ["error", ["error"], [["OpExecError", ["Could not start instance"]]],
                 [[[1, [1795553386, 900000], "message", "* starting"]]], [1795553386, 950000], [1795553387, 5]], "log_entries": []}
                """)
            .Answer("""
                {"id": 5, "ops": [{"OP_ID": "OP_INSTANCE_SET_PARAMS", "instance_name": "ex-vm2.ganeti.test",
                  "nics": [["add", "-1", {"mac": "aa:00:00:4b:69:41", "ip": "203.0.113.250", "name": "snf-nic-901", "network": "snf-test-net"}]]}],
                 "status": "error", "opstatus": ["error"], "opresult": [["OpExecError", ["Could not start instance"]]],
                 "oplog": [[[1, [1795553386, 900000], "message", "* starting"]]], "received_ts": [1795553386, 800000],
                 "start_ts": [1795553386, 950000], "end_ts": [1795553387, 5], "summary": ["INSTANCE_SET_PARAMS(ex-vm2.ganeti.test)"]}
                """)
            .CreateClient();

        var job = await client.Jobs.WaitForStatusChangeAsync(5, GanetiJobStatuses.Queued);

        Assert.That((job!.Status, job.FirstError!.Message, job.EndedAt), Is.EqualTo((GanetiJobStatuses.Error, "Could not start instance", new GanetiTimestamp(1795553387, 5))));
        Assert.That(job.Ops![0].OtherParameters!["nics"].GetRawText(), Does.Contain("aa:00:00:4b:69:41"),
            "a final job is read whole again: its ops as Ganeti resolved them while running");
        Assert.That(_rapi.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[] { "/2/jobs/5", "/2/jobs/5/wait", "/2/jobs/5/wait", "/2/jobs/5" }));
        Assert.That(_rapi.Requests[2].Body, Does.Contain("\"* starting\""), "the second wait quotes the log it was told about");
    }

    [Test]
    public async Task A_job_already_past_the_known_status_is_returned_without_waiting()
    {
        using var client = _rapi.AnswerSample("job-success-create.json").CreateClient();

        var job = await client.Jobs.WaitForStatusChangeAsync(4, GanetiJobStatuses.Running);

        Assert.That(job!.Status, Is.EqualTo(GanetiJobStatuses.Success));
        Assert.That(_rapi.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_wait_that_saw_no_change_answers_null()
    {
        using var client = _rapi.Answer("null").CreateClient();

        var change = await client.Jobs.WaitForChangeAsync(5, new JobWaitRequest { Fields = ["status"] });

        Assert.That(change, Is.Null);
        _rapi.SingleRequest.AssertJsonBody("""{"fields": ["status"], "previous_job_info": null, "previous_log_serial": null}""");
    }

    [Test]
    public async Task A_wait_answer_carries_the_values_and_log_entries()
    {
        using var client = _rapi.Answer("""{"job_info": ["running"], "log_entries": [[1, [1795611817, 17173], "message", " - INFO: Selected nodes"]]}""")
            .CreateClient();

        var change = (await client.Jobs.WaitForChangeAsync(15, new JobWaitRequest { Fields = ["status"] }))!;

        Assert.That(change.JobInfo.Single().GetString(), Is.EqualTo("running"));
        Assert.That(change.LogEntries.Single(), Is.EqualTo(change.LogEntries[0]));
        Assert.That((change.LogEntries[0].Serial, change.LogEntries[0].Text, change.LogEntries[0].Time),
            Is.EqualTo((1L, " - INFO: Selected nodes", new GanetiTimestamp(1795611817, 17173))));
    }

    [Test]
    public async Task A_wait_on_a_job_that_vanished_reads_as_unknown()
    {
        using var client = _rapi.AnswerSample("job-running.json")
            .Answer("""{"code": 500, "message": "Can&#x27;t load job file", "explain": "Server got itself in trouble"}""", HttpStatusCode.InternalServerError)
            .AnswerSample("job-unknown-id.json").CreateClient();

        Assert.That(await client.Jobs.WaitForStatusChangeAsync(5, GanetiJobStatuses.Running), Is.Null);
    }

    [Test]
    public async Task A_wait_failing_on_a_job_that_still_exists_is_an_error()
    {
        using var client = _rapi.AnswerSample("job-running.json")
            .Answer("""{"code": 500, "message": "boom", "explain": ""}""", HttpStatusCode.InternalServerError)
            .AnswerSample("job-running.json").CreateClient();

        await Assert.ThrowsAsync<GanetiServerErrorException>(() => client.Jobs.WaitForStatusChangeAsync(5, GanetiJobStatuses.Running));
    }
}
