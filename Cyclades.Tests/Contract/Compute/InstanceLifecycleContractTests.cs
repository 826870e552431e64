using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>Start, stop, reboot and terminate through AWSSDK.EC2: state changes, AWS's no-ops and refusals.</summary>
public sealed class InstanceLifecycleContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    // The slow image's install takes ten minutes (the most the simulator allows): an instance launched from it stays
    // building while a test reads it.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cyclades:Ganeti:Simulator:SlowInstallMs"] = "600000" };

    private static (string, string) States(InstanceStateChange change) => (change.PreviousState.Name.Value, change.CurrentState.Name.Value);

    [Test]
    public async Task Stop_start_reboot_and_terminate_report_previous_and_current_states()
    {
        var ids = await Alice.RunningAsync(2);

        var stop = await Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = ids });
        await Alice.WaitForAsync("stopped", ids);
        var start = await Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = ids });
        await Alice.WaitForAsync("running", ids);
        var reboot = await Alice.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = ids });
        var rebooting = await Alice.DescribeOneAsync(ids[0]);
        await Alice.WaitForAsync("running", ids);
        var terminate = await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ids });
        await Alice.WaitForAsync("terminated", ids);

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
        var running = await Alice.RunningAsync();
        var stopped = await Alice.StoppedAsync();
        var terminated = await Alice.RunningAsync();
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = terminated });
        await Alice.WaitForAsync("terminated", terminated);

        var start = await Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = running });
        var stop = await Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = stopped });
        var terminate = await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = terminated });
        var reboot = await Alice.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = terminated });

        Assert.That(States(start.StartingInstances.Single()), Is.EqualTo(("running", "running")));
        Assert.That(States(stop.StoppingInstances.Single()), Is.EqualTo(("stopped", "stopped")));
        Assert.That(States(terminate.TerminatingInstances.Single()), Is.EqualTo(("terminated", "terminated")));
        Assert.That(reboot.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK), "rebooting a terminated instance is ignored");
        Assert.That((await Alice.DescribeOneAsync(running[0])).StateReason, Is.Null, "no task was issued");
    }

    [Test]
    public async Task A_stop_before_the_instance_ever_ran_is_refused_with_awss_message()
    {
        var id = (await Alice.RunAsync(image: "ami-00000002")).Instances[0].InstanceId;

        var error = await FailsAsync(() => Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));

        Assert.That((error.ErrorCode, error.StatusCode, error.Message), Is.EqualTo(("IncorrectInstanceState", HttpStatusCode.BadRequest,
            $"Instance '{id}' cannot be stopped as it has never reached the 'running' state.")));
    }

    [Test]
    public async Task Starting_a_terminated_instance_is_refused_with_awss_message()
    {
        var id = (await Alice.RunningAsync())[0];
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await Alice.WaitForAsync("terminated", id);

        var error = await FailsAsync(() => Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] }));

        Assert.That((error.ErrorCode, error.Message), Is.EqualTo(("IncorrectInstanceState",
            $"The instance '{id}' is not in a state from which it can be started.")));
    }

    [Test]
    public async Task One_bad_id_and_nothing_is_done()
    {
        var running = await Alice.RunningAsync();
        var building = (await Alice.RunAsync(image: "ami-00000002")).Instances[0].InstanceId;

        var unknown = await FailsAsync(() => Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [running[0], "i-0000000000000abcd"] }));
        var malformed = await FailsAsync(() => Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [running[0], "i-1"] }));
        var wrongState = await FailsAsync(() => Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [running[0], building] }));

        Assert.That((unknown.ErrorCode, unknown.Message), Is.EqualTo(("InvalidInstanceID.NotFound", "The instance ID 'i-0000000000000abcd' does not exist")));
        Assert.That((malformed.ErrorCode, malformed.Message), Is.EqualTo(("InvalidInstanceID.Malformed", "Invalid id: \"i-1\"")));
        Assert.That(wrongState.ErrorCode, Is.EqualTo("IncorrectInstanceState"));
        var after = await Alice.DescribeOneAsync(running[0]);
        Assert.That((after.State.Name.Value, after.StateReason), Is.EqualTo(("running", (StateReason?)null)), "no task was issued");
    }

    [Test]
    public async Task A_dry_run_checks_the_ids_and_changes_nothing()
    {
        var id = (await Alice.RunningAsync())[0];

        var dry = await FailsAsync(() => Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id], DryRun = true }));
        var dryUnknown = await FailsAsync(() => Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = ["i-0000000000000abce"], DryRun = true }));
        var dryReboot = await FailsAsync(() => Alice.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = [id], DryRun = true }));
        var dryStart = await FailsAsync(() => Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id], DryRun = true }));

        Assert.That(new[] { dry, dryReboot, dryStart }.Select(e => (e.ErrorCode, e.StatusCode)), Is.All.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That(dryUnknown.ErrorCode, Is.EqualTo("InvalidInstanceID.NotFound"));
        Assert.That((await Alice.DescribeOneAsync(id)).State.Name.Value, Is.EqualTo("running"));
    }

    [Test]
    public async Task Hibernation_is_refused()
    {
        var id = (await Alice.RunningAsync())[0];

        var error = await FailsAsync(() => Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id], Hibernate = true }));

        Assert.That(error.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }
}

/// <summary>Refusals while a task is pending: its Ganeti job is held (it takes ten minutes) while the test reads the state.</summary>
public sealed class PendingTaskContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private SimulatorOptions Cluster => Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate("simulated").Options;

    /// <summary>Jobs submitted from now on until disposal take ten minutes (the most the simulator allows), so their tasks stay pending.</summary>
    private IDisposable HeldJobs()
    {
        var latency = Cluster.JobLatencyMs;
        Cluster.JobLatencyMs = 600_000;
        return new Restore(() => Cluster.JobLatencyMs = latency);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    [Test]
    public async Task A_pending_task_is_named_in_the_refusal_and_shown_as_pending()
    {
        var id = (await Alice.StoppedAsync())[0];
        using var held = HeldJobs();
        await Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] });

        var starting = await Alice.DescribeOneAsync(id);
        var stop = await FailsAsync(() => Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));
        var modify = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t2.small" }));
        var terminate = await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });

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
        var id = (await Alice.RunningAsync())[0];
        using var held = HeldJobs();

        await Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        var stopping = await Alice.DescribeOneAsync(id);

        Assert.That(stopping.State.Name.Value, Is.EqualTo("stopping"));
        Assert.That(stopping.StateReason.Code, Is.EqualTo("Cyclades.Task.STOPPING"));
        Assert.That(stopping.StateReason.Message, Does.Match("^STOPPING: Ganeti job [0-9]+ is pending$"));
        Assert.That(stopping.StateTransitionReason, Does.Match(@"^STOPPING \(Ganeti job [0-9]+\)$"));
    }
}
