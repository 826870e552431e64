using System.Net;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>RunInstances' BlockDeviceMapping (root size and type, extra blank volumes, NoDevice) and what instances and images show.</summary>
public sealed class BlockDeviceMappingContractTests : ComputeFixture
{
    private const string Root = "/dev/xvda";

    private static BlockDeviceMapping Ebs(string device, int? size = null, bool? deleteOnTermination = null, string? type = null) => new()
    {
        DeviceName = device,
        Ebs = new EbsBlockDevice { VolumeSize = size, DeleteOnTermination = deleteOnTermination, VolumeType = type },
    };

    private async Task<long> DiskUsageAsync() =>
        (await Host.Services.GetRequiredService<QuotaService>().GetAsync(await Host.LogicUserIdAsync(TestUser.Alice), CancellationToken.None))[QuotaResource.Disk].Usage;

    [Test]
    public async Task The_root_and_extra_volumes_show_under_the_names_sent_and_delete_on_termination_can_change()
    {
        var before = await DiskUsageAsync();
        var launched = (await Alice.RunAsync(configure: r => r.BlockDeviceMappings =
        [
            Ebs(Root, size: 3, type: "gp3"),
            Ebs("/dev/sdf", size: 2, deleteOnTermination: false),
            Ebs("xvdh", size: 1),
            new BlockDeviceMapping { DeviceName = "/dev/sdg", NoDevice = "" },
        ])).Instances[0];
        var instance = (await Alice.WaitForAsync("running", launched.InstanceId)).Single();

        Assert.That((instance.RootDeviceName, instance.RootDeviceType.Value), Is.EqualTo((Root, "ebs")));
        Assert.That(instance.BlockDeviceMappings.Select(m => (m.DeviceName, m.Ebs.Status.Value, m.Ebs.DeleteOnTermination)), Is.EqualTo(new[]
        {
            (Root, "attached", true), ("/dev/sdf", "attached", false), ("xvdh", "attached", true),
        }));
        Assert.That(instance.BlockDeviceMappings.Select(m => m.Ebs.VolumeId), Has.All.Match("^vol-[0-9a-f]{17}$"));
        Assert.That(instance.BlockDeviceMappings.Select(m => m.Ebs.VolumeId), Is.Unique);
        Assert.That(instance.BlockDeviceMappings.Select(m => m.Ebs.AttachTime), Has.All.GreaterThan(DateTime.UtcNow.AddHours(-1)));
        Assert.That(await DiskUsageAsync() - before, Is.EqualTo(6L << 30), "each volume counts its own size");

        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest
        {
            InstanceId = instance.InstanceId,
            BlockDeviceMappings = [new InstanceBlockDeviceMappingSpecification { DeviceName = "/dev/sdf", Ebs = new EbsInstanceBlockDeviceSpecification { DeleteOnTermination = true } }],
        });
        var attribute = (await Alice.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest
        {
            InstanceId = instance.InstanceId, Attribute = InstanceAttributeName.BlockDeviceMapping,
        })).InstanceAttribute;
        Assert.That(attribute.BlockDeviceMappings.Select(m => (m.DeviceName, m.Ebs.DeleteOnTermination)), Is.EqualTo(new[]
        {
            (Root, true), ("/dev/sdf", true), ("xvdh", true),
        }));

        var unknown = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest
        {
            InstanceId = instance.InstanceId,
            BlockDeviceMappings = [new InstanceBlockDeviceMappingSpecification { DeviceName = "/dev/sdz", Ebs = new EbsInstanceBlockDeviceSpecification { DeleteOnTermination = false } }],
        }));
        Assert.That((unknown.ErrorCode, unknown.Message), Is.EqualTo(("InvalidInstanceAttributeValue", "No device is currently mapped at /dev/sdz")));

        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });
        await Alice.WaitForAsync("terminated", instance.InstanceId);
        Assert.That(await DiskUsageAsync(), Is.EqualTo(before), "every volume was deleted on termination and its size handed back");
    }

    [Test]
    public async Task Without_mappings_the_instance_has_a_root_volume_of_the_instance_types_disk()
    {
        var before = await DiskUsageAsync();
        var instance = (await Alice.RunAsync()).Instances[0];

        Assert.That(instance.BlockDeviceMappings.Select(m => m.DeviceName), Is.EqualTo(new[] { Root }));
        Assert.That(await DiskUsageAsync() - before, Is.EqualTo(1L << 30));
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        TestCaseData Case(string name, string code, string message, params BlockDeviceMapping[] mappings) =>
            new TestCaseData(code, message, mappings.ToList()).SetName($"RunInstances BlockDeviceMapping: {name} is {code}");
        yield return Case("a device used twice", "InvalidBlockDeviceMapping", "The device '/dev/sdf' is used in more than one block-device mapping",
            Ebs("/dev/sdf", 1), Ebs("/dev/sdf", 2));
        yield return Case("an invalid device name", "InvalidBlockDeviceMapping", "/dev/sdi1x is not a valid EBS device name", Ebs("/dev/sdi1x", 1));
        yield return Case("suppressing the root", "InvalidBlockDeviceMapping", "cannot be suppressed", new BlockDeviceMapping { DeviceName = Root, NoDevice = "" });
        yield return Case("an extra volume without a size", "InvalidBlockDeviceMapping", "needs Ebs.VolumeSize", Ebs("/dev/sdf", deleteOnTermination: true));
        yield return Case("a zero-size root", "InvalidBlockDeviceMapping", "1-16384 GiB", Ebs(Root, 0));
        yield return Case("an unknown volume type", "InvalidParameterValue", "parameter volumeType is invalid", Ebs(Root, 2, type: "gp9"));
        yield return Case("an encrypted volume", "UnsupportedOperation", "Encrypted", new BlockDeviceMapping
        {
            DeviceName = "/dev/sdf", Ebs = new EbsBlockDevice { VolumeSize = 1, Encrypted = true },
        });
        yield return Case("a snapshot", "UnsupportedOperation", "snapshots", new BlockDeviceMapping
        {
            DeviceName = "/dev/sdf", Ebs = new EbsBlockDevice { SnapshotId = "snap-0123456789abcdef0" },
        });
        yield return Case("an instance store volume", "UnsupportedOperation", "Instance store", new BlockDeviceMapping { DeviceName = "/dev/sdb", VirtualName = "ephemeral0" });
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Refused_mappings_launch_nothing(string code, string message, List<BlockDeviceMapping> mappings)
    {
        var before = (await Alice.ListAsync()).Count;

        var error = await FailsAsync(() => Alice.RunAsync(configure: r => r.BlockDeviceMappings = mappings));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
        Assert.That(error.Message, Does.Contain(message));
        Assert.That((await Alice.ListAsync()).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task Boto3_launches_with_mappings_as_ansible_sends_them_and_reads_them_back_on_instances_and_images()
    {
        var run = await Host.Boto3Async(TestUser.Alice, "run_instances", new
        {
            ImageId = ComputeHost.Image, InstanceType = ComputeHost.Type, MinCount = 1, MaxCount = 1,
            BlockDeviceMappings = new object[]
            {
                new { DeviceName = Root, Ebs = new { VolumeSize = 4, VolumeType = "gp3", DeleteOnTermination = true, Encrypted = false, Iops = 3000, Throughput = 125 } },
                new { DeviceName = "sdd", Ebs = new { VolumeSize = 1, DeleteOnTermination = false } },
            },
        });
        var instance = run.GetProperty("Instances")[0];
        var id = instance.GetProperty("InstanceId").GetString()!;
        var mappings = instance.GetProperty("BlockDeviceMappings").EnumerateArray()
            .Select(m => (m.GetProperty("DeviceName").GetString(), m.GetProperty("Ebs").GetProperty("DeleteOnTermination").GetBoolean()))
            .ToList();
        Assert.That(mappings, Is.EqualTo(new[] { ((string?)Root, true), ("sdd", false) }));
        Assert.That(instance.GetProperty("RootDeviceName").GetString(), Is.EqualTo(Root));

        await Host.Boto3Async(TestUser.Alice, "modify_instance_attribute", new
        {
            InstanceId = id, BlockDeviceMappings = new[] { new { DeviceName = "sdd", Ebs = new { DeleteOnTermination = true } } },
        });
        var attribute = await Host.Boto3Async(TestUser.Alice, "describe_instance_attribute", new { InstanceId = id, Attribute = "blockDeviceMapping" });
        Assert.That(attribute.GetProperty("BlockDeviceMappings").EnumerateArray().Select(m => m.GetProperty("Ebs").GetProperty("DeleteOnTermination").GetBoolean()),
            Is.EqualTo(new[] { true, true }));

        var image = (await Host.Boto3Async(TestUser.Alice, "describe_images", new { ImageIds = new[] { ComputeHost.Image } })).GetProperty("Images")[0];
        Assert.That(image.GetProperty("RootDeviceName").GetString(), Is.EqualTo(Root));
        var root = image.GetProperty("BlockDeviceMappings")[0];
        Assert.That((root.GetProperty("DeviceName").GetString(), root.GetProperty("Ebs").GetProperty("VolumeSize").GetInt32(), root.GetProperty("Ebs").GetProperty("DeleteOnTermination").GetBoolean()),
            Is.EqualTo(((string?)Root, 1, true)));

        var error = await Host.Boto3ErrorAsync(TestUser.Alice, "run_instances", new
        {
            ImageId = ComputeHost.Image, InstanceType = ComputeHost.Type, MinCount = 1, MaxCount = 1,
            BlockDeviceMappings = new[] { new { DeviceName = "/dev/sdf", Ebs = new { VolumeSize = 1 } }, new { DeviceName = "/dev/sdf", Ebs = new { VolumeSize = 1 } } },
        });
        Assert.That((error.Code, error.Status), Is.EqualTo(("InvalidBlockDeviceMapping", 400)));
    }
}
