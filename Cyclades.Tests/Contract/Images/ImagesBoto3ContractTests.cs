using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Images;

/// <summary>The image actions as boto3 sends them, the <c>image_available</c> waiter, and the codes botocore reads.</summary>
public sealed class ImagesBoto3ContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task Create_image_waits_available_with_botocores_waiter_then_shares_copies_and_deregisters()
    {
        var instanceId = (await Alice.StoppedAsync()).Single();
        var bobAccount = long.Parse(await Host.LogicUserIdAsync(TestUser.Bob)).ToString("D12");

        var created = await Host.Boto3Async(TestUser.Alice, "create_image", new
        {
            InstanceId = instanceId, Name = ImageSteps.UniqueName("boto"), Description = "by boto3",
            TagSpecifications = new[] { new { ResourceType = "image", Tags = new[] { new { Key = "k", Value = "v" } } } },
        });
        var imageId = created.GetProperty("ImageId").GetString()!;
        await Host.Boto3WaitAsync(TestUser.Alice, "image_available", new { ImageIds = new[] { imageId } });
        var own = await Host.Boto3Async(TestUser.Alice, "describe_images", new { Owners = new[] { "self" }, Filters = new[] { new { Name = "image-id", Values = new[] { imageId } } } });
        var image = own.GetProperty("Images")[0];
        Assert.That((image.GetProperty("State").GetString(), image.GetProperty("Public").GetBoolean(), image.GetProperty("Tags")[0].GetProperty("Key").GetString()),
            Is.EqualTo(("available", false, "k")));

        var hidden = await Host.Boto3ErrorAsync(TestUser.Bob, "describe_images", new { ImageIds = new[] { imageId } });
        Assert.That((hidden.Code, hidden.Status), Is.EqualTo(("InvalidAMIID.NotFound", 400)));

        await Host.Boto3Async(TestUser.Alice, "modify_image_attribute", new
        {
            ImageId = imageId, LaunchPermission = new { Add = new[] { new { UserId = bobAccount } } },
        });
        var attribute = await Host.Boto3Async(TestUser.Alice, "describe_image_attribute", new { ImageId = imageId, Attribute = "launchPermission" });
        var copy = await Host.Boto3Async(TestUser.Bob, "copy_image", new { SourceImageId = imageId, SourceRegion = "cyclades-1", Name = ImageSteps.UniqueName("bcopy") });
        var bobsView = await Host.Boto3Async(TestUser.Bob, "describe_images", new { ExecutableUsers = new[] { "self" } });
        Assert.That(attribute.GetProperty("LaunchPermissions")[0].GetProperty("UserId").GetString(), Is.EqualTo(bobAccount));
        Assert.That(copy.GetProperty("ImageId").GetString(), Does.StartWith("ami-"));
        Assert.That(bobsView.GetProperty("Images").EnumerateArray().Select(i => i.GetProperty("ImageId").GetString()), Does.Contain(imageId));

        var deregistered = await Host.Boto3Async(TestUser.Alice, "deregister_image", new { ImageId = imageId });
        Assert.That(deregistered.GetProperty("Return").GetBoolean(), Is.True);
        // As AWS: the owner's own deregistered image is an empty answer (Ansible's ec2_ami reads it so).
        var gone = await Host.Boto3Async(TestUser.Alice, "describe_images", new { ImageIds = new[] { imageId } });
        Assert.That(gone.GetProperty("Images").GetArrayLength(), Is.Zero);
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] });
    }

    [Test]
    public async Task Register_image_takes_the_os_from_the_image_location_and_errors_carry_awss_codes()
    {
        var name = ImageSteps.UniqueName("breg");

        var registered = await Host.Boto3Async(TestUser.Alice, "register_image", new
        {
            Name = name, ImageLocation = "noop+default", Architecture = "x86_64", VirtualizationType = "hvm", RootDeviceName = "/dev/sda1",
        });
        var duplicate = await Host.Boto3ErrorAsync(TestUser.Alice, "register_image", new { Name = name, ImageLocation = "noop+default" });
        var malformed = await Host.Boto3ErrorAsync(TestUser.Alice, "create_image", new { InstanceId = "i-00000000000000001", Name = "bad*name" });
        var badGroup = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_image_attribute", new
        {
            ImageId = registered.GetProperty("ImageId").GetString(), LaunchPermission = new { Add = new[] { new { Group = "friends" } } },
        });
        var snapshot = await Host.Boto3ErrorAsync(TestUser.Alice, "create_snapshot", new { VolumeId = "vol-00000000000000001" });

        Assert.That(registered.GetProperty("ImageId").GetString(), Does.Match("^ami-[0-9a-f]{8}$"));
        Assert.That((duplicate.Code, malformed.Code, badGroup.Code), Is.EqualTo(("InvalidAMIName.Duplicate", "InvalidAMIName.Malformed", "InvalidAMIAttributeItemValue")));
        Assert.That(snapshot.Code, Is.EqualTo("UnsupportedOperation"));
    }
}
