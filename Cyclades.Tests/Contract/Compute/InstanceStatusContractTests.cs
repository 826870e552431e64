using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>DescribeInstanceStatus through AWSSDK.EC2.</summary>
public sealed class InstanceStatusContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private List<string> _running = null!;
    private List<string> _stopped = null!;

    [OneTimeSetUp]
    public async Task LaunchInstances()
    {
        _running = await Alice.RunningAsync(6);
        _stopped = await Alice.StoppedAsync();
    }

    private async Task<List<InstanceStatus>> AllAsync(DescribeInstanceStatusRequest request)
    {
        var all = new List<InstanceStatus>();
        await foreach (var status in Alice.Paginators.DescribeInstanceStatus(request).InstanceStatuses)
        {
            all.Add(status);
        }
        return all;
    }

    [Test]
    public async Task Only_running_instances_by_default_all_with_include_all_instances()
    {
        var running = await AllAsync(new DescribeInstanceStatusRequest { MaxResults = 5 });
        var all = await AllAsync(new DescribeInstanceStatusRequest { MaxResults = 5, IncludeAllInstances = true });

        Assert.That(running.Select(s => s.InstanceId), Is.EquivalentTo(_running));
        Assert.That(running.Select(s => (s.Status.Status.Value, s.SystemStatus.Status.Value)), Is.All.EqualTo(("ok", "ok")));
        Assert.That(running[0].Status.Details.Single().Status.Value, Is.EqualTo("passed"));
        Assert.That(running[0].AvailabilityZone, Is.EqualTo("simulated"));
        Assert.That(all.Select(s => s.InstanceId), Is.EquivalentTo(_running.Concat(_stopped)));
        var stopped = all.Single(s => s.InstanceId == _stopped[0]);
        Assert.That((stopped.InstanceState.Name.Value, stopped.Status.Status.Value), Is.EqualTo(("stopped", "not-applicable")));
    }

    [Test]
    public async Task Named_instances_filters_and_errors()
    {
        var named = await Alice.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [_running[0], _stopped[0]] });
        var byState = await AllAsync(new DescribeInstanceStatusRequest
        {
            IncludeAllInstances = true, Filters = [new Filter("instance-state-name", ["stopp*"])],
        });
        var notApplicable = await AllAsync(new DescribeInstanceStatusRequest
        {
            IncludeAllInstances = true, Filters = [new Filter("instance-status.status", ["not-applicable"])],
        });
        var events = await AllAsync(new DescribeInstanceStatusRequest { Filters = [new Filter("event.code", ["*"])] });
        var tag = await FailsAsync(() => Alice.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { Filters = [new Filter("tag:Name", ["x"])] }));
        var combination = await FailsAsync(() => Alice.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [_running[0]], MaxResults = 5 }));
        var unknown = await FailsAsync(() => Alice.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = ["i-0000000000000dead"] }));

        Assert.That(named.InstanceStatuses.Select(s => s.InstanceId), Is.EqualTo(new[] { _running[0] }), "running only, even when named");
        Assert.That(byState.Select(s => s.InstanceId), Is.EqualTo(_stopped));
        Assert.That(notApplicable.Select(s => s.InstanceId), Is.EqualTo(_stopped));
        Assert.That(events, Is.Empty);
        Assert.That((tag.ErrorCode, tag.Message), Is.EqualTo(("InvalidParameterValue", "The filter 'tag:Name' is invalid")));
        Assert.That(combination.ErrorCode, Is.EqualTo("InvalidParameterCombination"));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidInstanceID.NotFound"));
    }
}
