using System.Diagnostics;
using System.Net;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Tests.Ganeti.Simulation;

[Category("Unit")]
public sealed class SimulatedFaultsAndAdministratorTests
{
    [Test]
    public async Task An_administrators_shutdown_is_a_job_like_the_CLI_submits()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        var id = cluster.AdminShutdown("snf-1");
        var listed = (await client.Jobs.ListAsync()).Single(job => job.Id == id);
        await client.FinishedAsync(id);

        var op = listed.Ops!.Single();
        Assert.That(op.OpId, Is.EqualTo(GanetiOpIds.InstanceShutdown));
        Assert.That(op.InstanceName, Is.EqualTo("snf-1"));
        Assert.That((op.Reason![0].Source, op.Reason[0].Text), Is.EqualTo(("gnt:client:gnt-instance", "shutdown")));
        Assert.That(op.Reason[1].Text, Is.EqualTo($"job={id};index=0"));
        Assert.That((await client.Instances.GetAsync("snf-1")).Status, Is.EqualTo(GanetiInstanceStatuses.AdminDown));
    }

    [Test]
    public async Task Jobs_through_the_RAPI_name_their_resource_in_the_reason_trail()
    {
        using var client = Simulator.Cluster().Client();

        var job = await client.RunAsync(c => c.Instances.StartupAsync("snf-1"));

        Assert.That(job.Ops![0].Reason![0].Source, Is.EqualTo("gnt:library:rlib2:instances_name_startup"));
        Assert.That(job.Ops[0].Reason![0].TimestampNanoseconds, Is.GreaterThan(1_700_000_000_000_000_000));
    }

    [Test]
    public async Task An_administrator_can_create_reboot_start_and_remove_too()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();

        var jobs = new[]
        {
            cluster.AdminCreate("orphan-1", vcpus: 2, memoryMiB: 256), cluster.AdminReboot("orphan-1"),
            cluster.AdminStartup("orphan-1"), cluster.AdminRemove("orphan-1"),
        };

        foreach (var id in jobs)
        {
            Assert.That((await client.FinishedAsync(id)).Status, Is.EqualTo(GanetiJobStatuses.Success));
        }
        Assert.That((await client.Jobs.ListAsync()).Select(job => job.Ops![0].Reason![0].Text),
            Is.EqualTo(new[] { "add", "reboot", "startup", "remove" }));
    }

    [Test]
    public async Task A_crashed_instance_is_admin_up_but_not_running()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        cluster.CrashInstance("snf-1");

        var instance = await client.Instances.GetAsync("snf-1");
        Assert.That((instance.Status, instance.AdminState, instance.OperState),
            Is.EqualTo((GanetiInstanceStatuses.ErrorDown, GanetiAdminStates.Up, (bool?)false)));
        Assert.Throws<KeyNotFoundException>(() => cluster.CrashInstance("nope"));
    }

    [Test]
    public async Task The_next_job_can_be_made_to_fail()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        cluster.FailNextJob(new GanetiOpPrereqError("Not enough memory on node", GanetiErrorCodes.InsufficientResources));
        cluster.FailNextJob("disk on fire");

        var first = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));
        var second = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));
        var third = await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        Assert.That(first.FirstError, Is.EqualTo(new GanetiOpPrereqError("Not enough memory on node", GanetiErrorCodes.InsufficientResources)));
        Assert.That(second.FirstError, Is.EqualTo(new GanetiOpExecError("disk on fire")));
        Assert.That(third.Status, Is.EqualTo(GanetiJobStatuses.Success));
    }

    [Test]
    public async Task Injected_HTTP_errors_are_retried_for_GETs_only()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        cluster.FailNextRequests(HttpStatusCode.ServiceUnavailable, count: 2, method: HttpMethod.Get);
        cluster.FailNextRequests(HttpStatusCode.InternalServerError, method: HttpMethod.Post);

        var info = await client.Cluster.GetInfoAsync();
        var error = await Assert.ThrowsAsync<GanetiServerErrorException>(() => client.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        Assert.That(info.Name, Is.EqualTo(cluster.Name));
        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await client.Jobs.ListAsync(), Is.Empty, "the refused POST created no job");
    }

    [Test]
    public async Task Unreachable_requests_and_a_stopped_cluster()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();

        cluster.MakeNextRequestsUnreachable(method: HttpMethod.Put);
        var refused = await Assert.ThrowsAsync<GanetiUnreachableException>(() => client.Instances.StartupAsync("snf-1"));
        cluster.Stop();
        var stopped = await Assert.ThrowsAsync<GanetiUnreachableException>(() => client.Cluster.GetInfoAsync());
        var wasStopped = cluster.IsStopped;
        cluster.Start();

        Assert.That(refused!.TimedOut, Is.False);
        Assert.That(stopped!.Message, Does.Contain("unreachable"));
        Assert.That(wasStopped, Is.True);
        Assert.That((await client.Cluster.GetInfoAsync()).Name, Is.EqualTo(cluster.Name));
        Assert.That(await client.Jobs.ListAsync(), Is.Empty);
    }

    [Test]
    public async Task A_hanging_request_ends_with_the_clients_timeout()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client(requestTimeout: TimeSpan.FromMilliseconds(100));
        cluster.MakeNextRequestsHang(count: 1, method: HttpMethod.Post);

        var error = await Assert.ThrowsAsync<GanetiUnreachableException>(() => client.Instances.CreateAsync(Simulator.Diskless("snf-1")));

        Assert.That(error!.TimedOut, Is.True, "the request never gets an answer: only the client's timeout ends it");
    }

    [Test]
    public async Task Cleared_faults_are_forgotten()
    {
        var cluster = Simulator.Cluster();
        using var client = cluster.Client();
        cluster.FailNextRequests(HttpStatusCode.BadGateway, count: 10);
        cluster.FailNextJob("never");
        cluster.Stop();

        cluster.ClearFaults();

        Assert.That((await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1")))).Status,
            Is.EqualTo(GanetiJobStatuses.Success));
    }
}
