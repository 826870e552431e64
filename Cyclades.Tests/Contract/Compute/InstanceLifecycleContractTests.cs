using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>Start, stop, reboot and terminate through AWSSDK.EC2: state changes, AWS's no-ops and refusals.</summary>
[Category("Contract")]
public sealed class InstanceLifecycleContractTests
{
    private Ec2ApiHost _host = null!;
    private AmazonEC2Client _alice = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = await ComputeHost.StartAsync(new Dictionary<string, string?> { ["Cyclades:Ganeti:Simulator:SlowInstallMs"] = "3000" });
        _alice = _host.CreateClient(TestUser.Alice);
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        _alice.Dispose();
        await _host.DisposeAsync();
    }

    private static (string, string) States(InstanceStateChange change) => (change.PreviousState.Name.Value, change.CurrentState.Name.Value);

    [Test]
    public async Task Stop_start_reboot_and_terminate_report_previous_and_current_states()
    {
        var ids = await _alice.RunningAsync(2);

        var stop = await _alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = ids });
        await _alice.WaitForAsync("stopped", ids);
        var start = await _alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = ids });
        await _alice.WaitForAsync("running", ids);
        var reboot = await _alice.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = ids });
        var rebooting = await _alice.DescribeOneAsync(ids[0]);
        await _alice.WaitForAsync("running", ids);
        var terminate = await _alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ids });
        await _alice.WaitForAsync("terminated", ids);

        Assert.That(stop.StoppingInstances.Select(c => c.InstanceId), Is.EqualTo(ids));
        Assert.That(stop.StoppingInstances.Select(States), Is.All.EqualTo(("running", "stopping")));
        Assert.That(start.StartingInstances.Select(States), Is.All.EqualTo(("stopped", "pending")));
        Assert.That(reboot.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(rebooting.State.Name.Value, Is.EqualTo("running"), "a reboot keeps the instance running");
        Assert.That(terminate.TerminatingInstances.Select(States), Is.All.EqualTo(("running", "shutting-down")));
    }

    [Test]
    public async Task What_is_done_already_is_a_no_op()
    {
        var running = await _alice.RunningAsync();
        var stopped = await _alice.StoppedAsync();
        var terminated = await _alice.RunningAsync();
        await _alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = terminated });
        await _alice.WaitForAsync("terminated", terminated);

        var start = await _alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = running });
        var stop = await _alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = stopped });
        var terminate = await _alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = terminated });
        var reboot = await _alice.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = terminated });

        Assert.That(States(start.StartingInstances.Single()), Is.EqualTo(("running", "running")));
        Assert.That(States(stop.StoppingInstances.Single()), Is.EqualTo(("stopped", "stopped")));
        Assert.That(States(terminate.TerminatingInstances.Single()), Is.EqualTo(("terminated", "terminated")));
        Assert.That(reboot.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK), "rebooting a terminated instance is ignored");
        Assert.That((await _alice.DescribeOneAsync(running[0])).StateReason, Is.Null, "no task was issued");
    }

    [Test]
    public async Task A_stop_before_the_instance_ever_ran_is_refused_with_awss_message()
    {
        var id = (await _alice.RunAsync(image: "ami-00000002")).Instances[0].InstanceId;

        var error = await FailsAsync(() => _alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));

        Assert.That((error.ErrorCode, error.StatusCode, error.Message), Is.EqualTo(("IncorrectInstanceState", HttpStatusCode.BadRequest,
            $"Instance '{id}' cannot be stopped as it has never reached the 'running' state.")));
    }

    [Test]
    public async Task Starting_a_terminated_instance_is_refused_with_awss_message()
    {
        var id = (await _alice.RunningAsync())[0];
        await _alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await _alice.WaitForAsync("terminated", id);

        var error = await FailsAsync(() => _alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] }));

        Assert.That((error.ErrorCode, error.Message), Is.EqualTo(("IncorrectInstanceState",
            $"The instance '{id}' is not in a state from which it can be started.")));
    }

    [Test]
    public async Task One_bad_id_and_nothing_is_done()
    {
        var running = await _alice.RunningAsync();
        var building = (await _alice.RunAsync(image: "ami-00000002")).Instances[0].InstanceId;

        var unknown = await FailsAsync(() => _alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [running[0], "i-0000000000000abcd"] }));
        var malformed = await FailsAsync(() => _alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [running[0], "i-1"] }));
        var wrongState = await FailsAsync(() => _alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [running[0], building] }));

        Assert.That((unknown.ErrorCode, unknown.Message), Is.EqualTo(("InvalidInstanceID.NotFound", "The instance ID 'i-0000000000000abcd' does not exist")));
        Assert.That((malformed.ErrorCode, malformed.Message), Is.EqualTo(("InvalidInstanceID.Malformed", "Invalid id: \"i-1\"")));
        Assert.That(wrongState.ErrorCode, Is.EqualTo("IncorrectInstanceState"));
        var after = await _alice.DescribeOneAsync(running[0]);
        Assert.That((after.State.Name.Value, after.StateReason), Is.EqualTo(("running", (StateReason?)null)), "no task was issued");
    }

    [Test]
    public async Task A_dry_run_checks_the_ids_and_changes_nothing()
    {
        var id = (await _alice.RunningAsync())[0];

        var dry = await FailsAsync(() => _alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id], DryRun = true }));
        var dryUnknown = await FailsAsync(() => _alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ["i-0000000000000abce"], DryRun = true }));
        var dryReboot = await FailsAsync(() => _alice.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = [id], DryRun = true }));
        var dryStart = await FailsAsync(() => _alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id], DryRun = true }));

        Assert.That(new[] { dry, dryReboot, dryStart }.Select(e => (e.ErrorCode, e.StatusCode)), Is.All.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That(dryUnknown.ErrorCode, Is.EqualTo("InvalidInstanceID.NotFound"));
        Assert.That((await _alice.DescribeOneAsync(id)).State.Name.Value, Is.EqualTo("running"));
    }

    [Test]
    public async Task Hibernation_is_refused()
    {
        var id = (await _alice.RunningAsync())[0];

        var error = await FailsAsync(() => _alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id], Hibernate = true }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }
}

/// <summary>Refusals while a task is pending, on a cluster whose jobs take a second.</summary>
[Category("Contract")]
public sealed class PendingTaskContractTests
{
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _host = await ComputeHost.StartAsync(new Dictionary<string, string?> { ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = "1500" });

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    [Test]
    public async Task A_pending_task_is_named_in_the_refusal_and_shown_as_pending()
    {
        using var alice = _host.CreateClient(TestUser.Alice);
        var id = (await alice.StoppedAsync())[0];
        await alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] });

        var starting = await alice.DescribeOneAsync(id);
        var stop = await FailsAsync(() => alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));
        var modify = await FailsAsync(() => alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t2.small" }));
        var terminate = await alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });

        Assert.That((starting.State.Name.Value, starting.StateReason.Code), Is.EqualTo(("pending", "Cyclades.Task.STARTING")));
        Assert.That((stop.ErrorCode, stop.Message), Is.EqualTo(("IncorrectInstanceState",
            $"The instance '{id}' is not in a state from which it can be stopped. Its STARTING task is pending.")));
        Assert.That(modify.Message, Is.EqualTo($"The instance '{id}' is not in the 'stopped' state. Its STARTING task is pending."));
        Assert.That((terminate.TerminatingInstances[0].PreviousState.Name.Value, terminate.TerminatingInstances[0].CurrentState.Name.Value),
            Is.EqualTo(("pending", "shutting-down")), "only terminate overrides a pending task");
    }

    [Test]
    public async Task A_pending_task_is_shown_with_its_job_in_state_reason_and_reason()
    {
        using var alice = _host.CreateClient(TestUser.Alice);
        var id = (await alice.RunningAsync())[0];

        await alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        var stopping = await alice.DescribeOneAsync(id);

        Assert.That(stopping.State.Name.Value, Is.EqualTo("stopping"));
        Assert.That(stopping.StateReason.Code, Is.EqualTo("Cyclades.Task.STOPPING"));
        Assert.That(stopping.StateReason.Message, Does.Match("^STOPPING: Ganeti job [0-9]+ is pending$"));
        Assert.That(stopping.StateTransitionReason, Does.Match(@"^STOPPING \(Ganeti job [0-9]+\)$"));
    }
}
