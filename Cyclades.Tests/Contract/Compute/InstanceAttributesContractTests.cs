using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>ModifyInstanceAttribute (instance type → resize) and DescribeInstanceAttribute through AWSSDK.EC2.</summary>
public sealed class InstanceAttributesContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cyclades:Flavors:0:Name"] = "t2.micro", ["Cyclades:Flavors:0:Cpu"] = "1", ["Cyclades:Flavors:0:RamMiB"] = "1024",
        ["Cyclades:Flavors:0:DiskGiB"] = "1", ["Cyclades:Flavors:0:DiskTemplate"] = "file",
        ["Cyclades:Flavors:1:Name"] = "t2.small", ["Cyclades:Flavors:1:Cpu"] = "1", ["Cyclades:Flavors:1:RamMiB"] = "2048",
        ["Cyclades:Flavors:1:DiskGiB"] = "1", ["Cyclades:Flavors:1:DiskTemplate"] = "file",
        ["Cyclades:Flavors:2:Name"] = "t2.medium", ["Cyclades:Flavors:2:Cpu"] = "2", ["Cyclades:Flavors:2:RamMiB"] = "4096",
        ["Cyclades:Flavors:2:DiskGiB"] = "1", ["Cyclades:Flavors:2:DiskTemplate"] = "file",
        ["Cyclades:Flavors:3:Name"] = "m1.large", ["Cyclades:Flavors:3:Cpu"] = "4", ["Cyclades:Flavors:3:RamMiB"] = "8192",
        ["Cyclades:Flavors:3:DiskGiB"] = "2", ["Cyclades:Flavors:3:DiskTemplate"] = "file",
        ["Cyclades:Flavors:4:Name"] = "m1.plain", ["Cyclades:Flavors:4:Cpu"] = "2", ["Cyclades:Flavors:4:RamMiB"] = "4096",
        ["Cyclades:Flavors:4:DiskGiB"] = "1", ["Cyclades:Flavors:4:DiskTemplate"] = "plain",
    };

    private async Task<string> InstanceTypeOfAsync(string id) =>
        (await Alice.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = InstanceAttributeName.InstanceType }))
        .InstanceAttribute.InstanceType;

    private Task WaitForTypeAsync(string id, string type) =>
        Eventually.HoldsAsync(async () => await InstanceTypeOfAsync(id) == type, $"{id} to become {type}", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));

    [Test]
    public async Task The_instance_type_changes_compute_only_so_another_default_disk_size_is_no_obstacle()
    {
        var id = (await Alice.StoppedAsync())[0];
        var root = (await Alice.DescribeOneAsync(id)).BlockDeviceMappings.Single().Ebs.VolumeId;

        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "m1.large" });

        var after = await Alice.DescribeOneAsync(id);
        Assert.That((after.InstanceType.Value, after.BlockDeviceMappings.Single().Ebs.VolumeId), Is.EqualTo(("m1.large", root)));
    }

    [Test]
    public async Task The_instance_type_changes_in_both_wire_forms_on_a_stopped_instance()
    {
        var ids = await Alice.StoppedAsync(2);

        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = ids[0], InstanceType = "t2.small" });
        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest
        {
            InstanceId = ids[1], Attribute = InstanceAttributeName.InstanceType, Value = "t2.medium",
        });
        await WaitForTypeAsync(ids[0], "t2.small");
        await WaitForTypeAsync(ids[1], "t2.medium");
        await Alice.WaitForAsync("stopped", ids);
        await Alice.StartInstancesAsync(new StartInstancesRequest { InstanceIds = ids });
        var running = await Alice.WaitForAsync("running", ids);

        Assert.That(running.Select(i => i.InstanceType.Value), Is.EqualTo(new[] { "t2.small", "t2.medium" }));
        Assert.That(running[1].CpuOptions.CoreCount, Is.EqualTo(2));
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        TestCaseData Case(string name, bool running, string code, string message, Func<string, ModifyInstanceAttributeRequest> request) =>
            new TestCaseData(running, code, message, request).SetName($"ModifyInstanceAttribute: {name} is {code}");
        yield return Case("a running instance", true, "IncorrectInstanceState", "is not in the 'stopped' state.",
            id => new() { InstanceId = id, InstanceType = "t2.small" });
        yield return Case("an unknown type", false, "InvalidParameterValue", "Invalid value 'x1.huge' for InstanceType.",
            id => new() { InstanceId = id, InstanceType = "x1.huge" });
        yield return Case("the same type", false, "InvalidInstanceAttributeValue", "already has the instance type t2.micro",
            id => new() { InstanceId = id, InstanceType = "t2.micro" });
        yield return Case("a type without the instance's volume type", false, "InvalidInstanceAttributeValue",
            "to m1.plain is not allowed: it does not support the instance's volume type.",
            id => new() { InstanceId = id, InstanceType = "m1.plain" });
        yield return Case("the kernel", false, "UnsupportedOperation", "kernel",
            id => new() { InstanceId = id, Kernel = "aki-12345678" });
        yield return Case("an unknown attribute name", false, "InvalidParameterValue", "Unknown attribute",
            id => new() { InstanceId = id, Attribute = "colour", Value = "red" });
        yield return Case("two attributes", false, "InvalidParameterCombination", "Only one attribute",
            id => new() { InstanceId = id, InstanceType = "t2.small", EbsOptimized = true });
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Refusals_leave_the_instance_as_it_was(bool running, string code, string message, Func<string, ModifyInstanceAttributeRequest> request)
    {
        var id = (running ? await Alice.RunningAsync() : await Alice.StoppedAsync())[0];

        var error = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(request(id)));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
        Assert.That(error.Message, Does.Contain(message));
        Assert.That(await InstanceTypeOfAsync(id), Is.EqualTo("t2.micro"));
    }

    [Test]
    public async Task Describe_instance_attribute_shows_user_data_and_the_other_attributes()
    {
        var userData = Convert.ToBase64String("#cloud-config\n"u8.ToArray());
        var id = (await Alice.RunAsync(configure: r => r.UserData = userData)).Instances[0].InstanceId;
        var plain = (await Alice.RunAsync()).Instances[0].InstanceId;

        async Task<InstanceAttribute> Describe(string instance, InstanceAttributeName name) =>
            (await Alice.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = instance, Attribute = name })).InstanceAttribute;

        Assert.That((await Describe(id, InstanceAttributeName.UserData)).UserData, Is.EqualTo(userData));
        Assert.That((await Describe(plain, InstanceAttributeName.UserData)).UserData, Is.Null);
        Assert.That((await Describe(id, InstanceAttributeName.InstanceType)).InstanceType, Is.EqualTo("t2.micro"));
        Assert.That((await Describe(id, InstanceAttributeName.DisableApiTermination)).DisableApiTermination, Is.False);
        Assert.That((await Describe(id, InstanceAttributeName.InstanceInitiatedShutdownBehavior)).InstanceInitiatedShutdownBehavior, Is.EqualTo("stop"));
        Assert.That((await Describe(id, InstanceAttributeName.RootDeviceName)).RootDeviceName, Is.EqualTo("/dev/xvda"));
        var unknown = await FailsAsync(() => Alice.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = "colour" }));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }
}
