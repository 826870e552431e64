using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Contract.Images;

/// <summary>
/// Images of instances with AWS's semantics, through AWSSDK.EC2 and boto3 on the simulated cluster:
/// NoReboot copies a running instance live (LVM-backed volumes), the image maps the instance's root
/// volume and a launch from it defaults to that volume, and deregistering the image removes the export
/// from the cluster.
/// </summary>
public sealed class ImageExportsContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private const string Plain = "m1.plain";
    private const string Root = "/dev/xvda";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cyclades:Flavors:0:Name"] = "t2.micro", ["Cyclades:Flavors:0:Cpu"] = "1", ["Cyclades:Flavors:0:RamMiB"] = "1024",
        ["Cyclades:Flavors:0:DiskGiB"] = "1", ["Cyclades:Flavors:0:DiskTemplate"] = "file",
        ["Cyclades:Flavors:1:Name"] = Plain, ["Cyclades:Flavors:1:Cpu"] = "1", ["Cyclades:Flavors:1:RamMiB"] = "1024",
        ["Cyclades:Flavors:1:DiskGiB"] = "1", ["Cyclades:Flavors:1:DiskTemplate"] = "plain",
        ["Cyclades:Dispatcher:ImageExportCheckMs"] = "200",
    };

    private SimulatedGanetiCluster Cluster => Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate("simulated");

    private static string InstanceName(string instanceId) => "snf-" + Convert.ToInt64(instanceId["i-".Length..], 16);

    private async Task<string> RunningPlainAsync(int rootGiB)
    {
        var id = (await Alice.RunAsync(type: Plain, configure: r => r.BlockDeviceMappings =
            [new BlockDeviceMapping { DeviceName = Root, Ebs = new EbsBlockDevice { VolumeSize = rootGiB } }])).Instances.Single().InstanceId;
        await Alice.WaitForAsync("running", id);
        return id;
    }

    private Task ExportRemovedAsync(string instanceId) =>
        Eventually.HoldsAsync(() => Task.FromResult(Cluster.ListExports().All(e => e.InstanceName != InstanceName(instanceId))),
            $"the export of {instanceId} removed", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));

    [Test]
    public async Task No_reboot_copies_a_running_instance_live_and_the_image_maps_its_root_volume_for_new_instances()
    {
        var instanceId = await RunningPlainAsync(rootGiB: 3);

        var imageId = (await Alice.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = ImageSteps.UniqueName(), NoReboot = true })).ImageId;
        var image = await Alice.SettledImageAsync(imageId);

        var export = Cluster.ListJobs().Last(j => j.Ops![0].OpId == "OP_BACKUP_EXPORT");
        Assert.That(export.Ops![0].OtherParameters!["shutdown"].GetBoolean(), Is.False, "NoReboot: the cluster does not stop the instance");
        Assert.That((await Alice.DescribeOneAsync(instanceId)).State.Name.Value, Is.EqualTo("running"));
        Assert.That((image.State.Value, image.RootDeviceName, image.RootDeviceType.Value), Is.EqualTo(("available", Root, "ebs")));
        var mapping = image.BlockDeviceMappings.Single();
        Assert.That((mapping.DeviceName, mapping.Ebs.VolumeSize, mapping.Ebs.DeleteOnTermination), Is.EqualTo((Root, 3, true)));

        var launched = (await Alice.RunAsync(type: Plain, image: imageId)).Instances.Single();
        var rootVolume = launched.BlockDeviceMappings.Single().Ebs.VolumeId;
        var volume = (await Alice.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [rootVolume] })).Volumes.Single();
        Assert.That(volume.Size, Is.EqualTo(3), "the image's root volume size is the default");
        var smaller = await Ec2ClientExtensions.FailsAsync(() => Alice.RunAsync(type: Plain, image: imageId, configure: r => r.BlockDeviceMappings =
            [new BlockDeviceMapping { DeviceName = Root, Ebs = new EbsBlockDevice { VolumeSize = 2 } }]));
        Assert.That(smaller.ErrorCode, Is.EqualTo("InvalidBlockDeviceMapping"));

        await Alice.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId });
        await ExportRemovedAsync(instanceId);
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId, launched.InstanceId] });
    }

    [Test]
    public async Task An_export_shared_by_copies_is_removed_when_the_last_of_them_is_deregistered()
    {
        var instanceId = (await Alice.StoppedAsync()).Single();
        var imageId = (await Alice.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = ImageSteps.UniqueName() })).ImageId;
        await Alice.SettledImageAsync(imageId);
        var copyId = (await Alice.CopyImageAsync(new CopyImageRequest { SourceImageId = imageId, SourceRegion = "cyclades-1", Name = ImageSteps.UniqueName("copy") })).ImageId;

        await Alice.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId });
        await Task.Delay(TimeSpan.FromSeconds(1)); // several export checks
        Assert.That(Cluster.ListExports().Select(e => e.InstanceName), Does.Contain(InstanceName(instanceId)), "the copy launches from it");
        await Alice.DeregisterImageAsync(new DeregisterImageRequest { ImageId = copyId });
        await ExportRemovedAsync(instanceId);
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] });
    }

    [Test]
    public async Task Boto3_no_reboot_create_image_waits_with_image_available_and_deregistering_removes_the_export()
    {
        var instanceId = await RunningPlainAsync(rootGiB: 2);

        var created = await Host.Boto3Async(TestUser.Alice, "create_image", new { InstanceId = instanceId, Name = ImageSteps.UniqueName("boto"), NoReboot = true });
        var imageId = created.GetProperty("ImageId").GetString()!;
        await Host.Boto3WaitAsync(TestUser.Alice, "image_available", new { ImageIds = new[] { imageId } });
        var image = (await Host.Boto3Async(TestUser.Alice, "describe_images", new { ImageIds = new[] { imageId } })).GetProperty("Images")[0];
        var mapping = image.GetProperty("BlockDeviceMappings")[0];

        Assert.That((image.GetProperty("RootDeviceName").GetString(), image.GetProperty("RootDeviceType").GetString()), Is.EqualTo(((string?)Root, (string?)"ebs")));
        Assert.That((mapping.GetProperty("DeviceName").GetString(), mapping.GetProperty("Ebs").GetProperty("VolumeSize").GetInt32()), Is.EqualTo(((string?)Root, 2)));
        Assert.That((await Alice.DescribeOneAsync(instanceId)).State.Name.Value, Is.EqualTo("running"));

        var file = (await Alice.RunningAsync()).Single();
        var refused = await Host.Boto3ErrorAsync(TestUser.Alice, "create_image", new { InstanceId = file, Name = ImageSteps.UniqueName("boto"), NoReboot = true });
        Assert.That((refused.Code, refused.Status), Is.EqualTo(("UnsupportedOperation", 400)), "file volumes cannot be copied live");

        await Host.Boto3Async(TestUser.Alice, "deregister_image", new { ImageId = imageId });
        await ExportRemovedAsync(instanceId);
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId, file] });
    }
}
