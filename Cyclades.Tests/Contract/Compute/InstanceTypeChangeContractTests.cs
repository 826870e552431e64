using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Simulation;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// ModifyInstanceAttribute InstanceType returns once the change is applied, as on AWS: on a simulated
/// cluster whose jobs take most of a second, the new type shows and the instance starts at once.
/// </summary>
public sealed class InstanceTypeChangeContractTests : ComputeFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => InstanceTypeChange.Flavors(jobLatencyMs: 800);

    [Test]
    public async Task After_the_call_returns_the_new_type_shows_and_the_instance_starts_at_once()
    {
        var id = (await Alice.StoppedAsync())[0];

        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t2.small" });

        Assert.That(await InstanceTypeChange.TypeOfAsync(Alice, id), Is.EqualTo("t2.small"));
        var started = await Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] });
        Assert.That(started.StartingInstances[0].CurrentState.Name.Value, Is.EqualTo("pending"));
        Assert.That((await Alice.WaitForAsync("running", id))[0].InstanceType.Value, Is.EqualTo("t2.small"));
    }

    [Test]
    public async Task Boto3_sees_the_new_type_as_soon_as_modify_instance_attribute_returns()
    {
        var id = (await Alice.StoppedAsync())[0];

        await Host.Boto3Async(TestUser.Alice, "modify_instance_attribute", new { InstanceId = id, InstanceType = new { Value = "t2.medium" } });
        var attribute = await Host.Boto3Async(TestUser.Alice, "describe_instance_attribute", new { InstanceId = id, Attribute = "instanceType" });
        var started = await Host.Boto3Async(TestUser.Alice, "start_instances", new { InstanceIds = new[] { id } });

        Assert.That(attribute.GetProperty("InstanceType").GetProperty("Value").GetString(), Is.EqualTo("t2.medium"));
        Assert.That(started.GetProperty("StartingInstances")[0].GetProperty("CurrentState").GetProperty("Name").GetString(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task A_change_the_cluster_fails_is_an_internal_error_and_the_type_stays()
    {
        var id = (await Alice.StoppedAsync())[0];
        Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate(GanetiOptions.DefaultSimulatedClusterName)
            .FailNextJob("Not enough memory on the node");

        var error = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t2.small" }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("InternalError", HttpStatusCode.InternalServerError)), error.Message);
        Assert.That(error.Message, Does.Contain("Not enough memory on the node"));
        Assert.That(await InstanceTypeChange.TypeOfAsync(Alice, id), Is.EqualTo("t2.micro"));
    }
}

/// <summary>
/// A cluster that does not finish the change within Cyclades:Servers:TaskWaitTimeout: a 503
/// <c>Unavailable</c>, which the SDKs retry, and a retry waits for the same change instead of refusing it.
/// </summary>
public sealed class InstanceTypeChangeTimeoutContractTests : ComputeFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(InstanceTypeChange.Flavors(jobLatencyMs: 20))
    {
        ["Cyclades:Servers:TaskWaitTimeout"] = "00:00:00.300",
        ["Cyclades:Servers:TaskPollInterval"] = "00:00:00.050",
    };

    [Test]
    public async Task A_change_still_running_answers_a_retryable_503_and_a_retry_waits_for_it_again()
    {
        var id = (await Alice.StoppedAsync())[0];
        // Later jobs of this cluster take ten minutes: the resize never finishes while the test runs.
        Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate(GanetiOptions.DefaultSimulatedClusterName)
            .Options.JobLatencyMs = 600_000;
        var request = new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t2.small" };

        var first = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(request));
        var retried = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(request));
        var boto3 = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_instance_attribute", new { InstanceId = id, InstanceType = new { Value = "t2.small" } });

        foreach (var error in new[] { first, retried })
        {
            Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("Unavailable", HttpStatusCode.ServiceUnavailable)), error.Message);
            Assert.That(error.Message, Does.Contain($"RESIZING task of instance '{id}' is still running"));
        }
        Assert.That((boto3.Code, boto3.Status), Is.EqualTo(("Unavailable", 503)), boto3.Message);
        Assert.That(await InstanceTypeChange.TypeOfAsync(Alice, id), Is.EqualTo("t2.micro"));
        var start = await FailsAsync(() => Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [id] }));
        Assert.That(start.ErrorCode, Is.EqualTo("IncorrectInstanceState"));
    }
}

internal static class InstanceTypeChange
{
    public static Dictionary<string, string?> Flavors(int jobLatencyMs) => new()
    {
        ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = jobLatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cyclades:Flavors:0:Name"] = "t2.micro", ["Cyclades:Flavors:0:Cpu"] = "1", ["Cyclades:Flavors:0:RamMiB"] = "1024",
        ["Cyclades:Flavors:0:DiskGiB"] = "1", ["Cyclades:Flavors:0:DiskTemplate"] = "file",
        ["Cyclades:Flavors:1:Name"] = "t2.small", ["Cyclades:Flavors:1:Cpu"] = "1", ["Cyclades:Flavors:1:RamMiB"] = "2048",
        ["Cyclades:Flavors:1:DiskGiB"] = "1", ["Cyclades:Flavors:1:DiskTemplate"] = "file",
        ["Cyclades:Flavors:2:Name"] = "t2.medium", ["Cyclades:Flavors:2:Cpu"] = "2", ["Cyclades:Flavors:2:RamMiB"] = "4096",
        ["Cyclades:Flavors:2:DiskGiB"] = "1", ["Cyclades:Flavors:2:DiskTemplate"] = "file",
    };

    public static async Task<string> TypeOfAsync(IAmazonEC2 client, string id) =>
        (await client.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.InstanceType }))
        .InstanceAttribute.InstanceType;
}
