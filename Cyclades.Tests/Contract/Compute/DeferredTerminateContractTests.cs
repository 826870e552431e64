using System.Text.Json;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// A pending instance can always be terminated (the removal waits for the create job), and a launch
/// that fails gives its quota back on its own: nothing stays on the cluster, in the usage or as a task.
/// With AWSSDK.EC2 and with boto3 (its own <c>instance_terminated</c> waiter).
/// </summary>
public sealed class DeferredTerminateContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    // Create jobs slow enough that every terminate arrives while its instance is still being built.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = "1500" };

    [Test]
    public async Task Run_then_terminate_at_once_twenty_times_in_parallel_leaves_nothing_behind()
    {
        var pairs = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var id = (await Alice.RunAsync()).Instances.Single().InstanceId;
            var terminate = await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
            return (Id: id, Change: terminate.TerminatingInstances.Single());
        }));
        var ids = pairs.Select(p => p.Id).ToList();
        var describedRightAfter = await Alice.DescribeAsync(ids);

        Assert.That(pairs.Select(p => (p.Change.InstanceId, p.Change.PreviousState.Name.Value, p.Change.CurrentState.Name.Value)),
            Is.EqualTo(ids.Select(id => (id, "pending", "shutting-down"))));
        Assert.That(describedRightAfter.Select(i => i.State.Name.Value), Is.All.AnyOf("shutting-down", "terminated"));
        await Alice.WaitForAsync("terminated", ids);
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task A_failed_launch_gives_its_quota_back_without_a_terminate()
    {
        var id = (await Alice.RunAsync(image: ComputeHost.FailingImage)).Instances.Single().InstanceId;

        var terminated = (await Alice.WaitForAsync("terminated", id)).Single();
        await AssertNothingLeftAsync();
        var terminate = await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });

        Assert.That(terminated.StateReason.Code, Is.EqualTo("Server.InternalError"));
        Assert.That((terminate.TerminatingInstances[0].PreviousState.Name.Value, terminate.TerminatingInstances[0].CurrentState.Name.Value),
            Is.EqualTo(("terminated", "terminated")));
    }

    [Test]
    public async Task Boto3_terminates_a_pending_instance_which_shows_shutting_down_then_terminated()
    {
        var calls = await Host.Boto3RunThenTerminateAsync(TestUser.Alice, new { ImageId = ComputeHost.Image, InstanceType = ComputeHost.Type, MinCount = 1, MaxCount = 1 });
        var id = calls.GetProperty("run").GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;
        var change = calls.GetProperty("terminate").GetProperty("TerminatingInstances")[0];

        await Host.Boto3WaitAsync(TestUser.Alice, "instance_terminated", new { InstanceIds = new[] { id } });

        Assert.That((change.GetProperty("InstanceId").GetString(), StateOf(change, "PreviousState"), StateOf(change, "CurrentState")),
            Is.EqualTo((id, "pending", "shutting-down")));
        Assert.That(StateOf(await Boto3InstanceAsync(id), "State"), Is.EqualTo("terminated"));
        await AssertNothingLeftAsync();
    }

    [Test]
    public async Task Boto3_sees_a_failed_launch_terminated_and_its_quota_returned_without_a_terminate()
    {
        var run = await Host.Boto3Async(TestUser.Alice, "run_instances", new { ImageId = ComputeHost.FailingImage, InstanceType = ComputeHost.Type, MinCount = 1, MaxCount = 1 });
        var id = run.GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;

        // Not boto3's instance_terminated waiter: it gives up at once on a "pending" instance, which a
        // failing build is until its create job ends.
        await Eventually.HoldsAsync(async () => StateOf(await Boto3InstanceAsync(id), "State") == "terminated", "the failed launch shows terminated");

        var instance = await Boto3InstanceAsync(id);
        Assert.That(StateOf(run.GetProperty("Instances")[0], "State"), Is.EqualTo("pending"));
        Assert.That(instance.GetProperty("StateReason").GetProperty("Code").GetString(), Is.EqualTo("Server.InternalError"));
        await AssertNothingLeftAsync();
    }

    private static string StateOf(JsonElement element, string property) =>
        element.GetProperty(property).GetProperty("Name").GetString()!;

    private async Task<JsonElement> Boto3InstanceAsync(string id) =>
        (await Host.Boto3Async(TestUser.Alice, "describe_instances", new { InstanceIds = new[] { id } }))
        .GetProperty("Reservations")[0].GetProperty("Instances")[0];

    private async Task AssertNothingLeftAsync()
    {
        var user = await Host.LogicUserIdAsync(TestUser.Alice);
        var usage = await Host.Services.GetRequiredService<QuotaService>().GetAsync(user, CancellationToken.None);
        Assert.That(usage.Resources.Where(r => r.Usage != 0).Select(r => $"{r.Resource}={r.Usage}"), Is.Empty, "usage returns to zero");
        await Eventually.HoldsAsync(
            () => Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate("simulated").ListInstances().Count == 0,
            "the cluster holds none of them");
        var tasks = await Host.Services.GetRequiredService<IDbConnectionFactory>().ReadAsync(
            db => db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM servers WHERE task IS NOT NULL OR destroy_requested_at IS NOT NULL", new { }, CancellationToken.None),
            CancellationToken.None);
        Assert.That(tasks, Is.Zero, "no task or request remains");
    }
}
