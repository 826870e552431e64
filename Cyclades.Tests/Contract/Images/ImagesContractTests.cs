using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Ganeti.Simulation;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Images;

/// <summary>
/// Users' own images through AWSSDK.EC2 on the simulated cluster: registered OS images, images made
/// from instances by a cluster export and launched by import, sharing, attributes, copies, tags, and
/// another user's private image answering exactly like one that never was.
/// </summary>
public sealed class ImagesContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private AmazonEC2Client _bob = null!;
    private string _bobAccount = "";
    private string _aliceAccount = "";

    [OneTimeSetUp]
    public async Task StartBob()
    {
        _bob = Host.CreateClient(TestUser.Bob);
        _bobAccount = long.Parse(await Host.LogicUserIdAsync(TestUser.Bob)).ToString("D12");
        _aliceAccount = long.Parse(await Host.LogicUserIdAsync(TestUser.Alice)).ToString("D12");
    }

    [OneTimeTearDown]
    public void DisposeBob() => _bob?.Dispose();

    private SimulatedGanetiCluster Cluster => Host.Services.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate("simulated");

    [Test]
    public async Task A_registered_os_image_is_the_owners_alone_until_shared_by_account()
    {
        var name = ImageSteps.UniqueName();
        var imageId = await Alice.RegisterNoopAsync(name);

        var mine = (await Alice.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images.Single(i => i.ImageId == imageId);
        Assert.That((mine.Name, mine.State.Value, mine.OwnerId, mine.Public, mine.ImageOwnerAlias), Is.EqualTo((name, "available", _aliceAccount, false, (string?)null)));
        Assert.That(mine.ImageLocation, Is.EqualTo($"{_aliceAccount}/{name}"));

        var hidden = await FailsAsync(() => _bob.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }));
        var unknown = await FailsAsync(() => _bob.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-0fffffffffffffff0"] }));
        Assert.That((hidden.ErrorCode, hidden.Message), Is.EqualTo(("InvalidAMIID.NotFound", $"The image id '[{imageId}]' does not exist")));
        Assert.That(unknown.ErrorCode, Is.EqualTo(hidden.ErrorCode));
        Assert.That((await FailsAsync(() => _bob.RunAsync(image: imageId))).ErrorCode, Is.EqualTo("InvalidAMIID.NotFound"));
        Assert.That((await _bob.DescribeImagesAsync(new DescribeImagesRequest())).Images.Select(i => i.ImageId), Does.Not.Contain(imageId));

        await Alice.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId,
            LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { UserId = _bobAccount }] },
        });
        var shared = await _bob.FindImageAsync(imageId);
        var executable = (await _bob.DescribeImagesAsync(new DescribeImagesRequest { ExecutableUsers = ["self"] })).Images.Select(i => i.ImageId);
        var launched = (await _bob.RunAsync(image: imageId)).Instances.Single();
        var permissions = await Alice.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = "launchPermission" });
        Assert.That((shared!.OwnerId, shared.Public), Is.EqualTo((_aliceAccount, false)));
        Assert.That(executable, Does.Contain(imageId));
        Assert.That(launched.ImageId, Is.EqualTo(imageId));
        Assert.That(permissions.ImageAttribute.LaunchPermissions.Select(p => p.UserId), Is.EqualTo(new[] { _bobAccount }));
        Assert.That((await FailsAsync(() => _bob.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = "launchPermission" }))).ErrorCode,
            Is.EqualTo("InvalidAMIID.NotFound"), "only the owner sees who may launch it");
        Assert.That((await FailsAsync(() => _bob.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId }))).ErrorCode,
            Is.EqualTo("InvalidAMIID.NotFound"), "a shared image is not the user's to deregister");

        await Alice.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId,
            LaunchPermission = new LaunchPermissionModifications { Remove = [new LaunchPermission { UserId = _bobAccount }] },
        });
        Assert.That((await FailsAsync(() => _bob.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }))).ErrorCode, Is.EqualTo("InvalidAMIID.NotFound"));
        await _bob.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launched.InstanceId] });
    }

    [Test]
    public async Task Group_all_makes_an_image_public_and_reset_makes_it_private_again()
    {
        var imageId = await Alice.RegisterNoopAsync();

        await Alice.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId, Attribute = "launchPermission", OperationType = OperationType.Add, UserGroups = ["all"],
        });
        var seenByBob = await _bob.FindImageAsync(imageId);
        var publicOnes = (await _bob.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("is-public", ["true"]), new Filter("owner-id", [_aliceAccount])] })).Images;
        var attribute = await Alice.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = "launchPermission" });
        Assert.That(seenByBob!.Public, Is.True);
        Assert.That(publicOnes.Select(i => i.ImageId), Does.Contain(imageId));
        Assert.That(attribute.ImageAttribute.LaunchPermissions.Single().Group.Value, Is.EqualTo("all"));

        await Alice.ResetImageAttributeAsync(new ResetImageAttributeRequest { ImageId = imageId, Attribute = ResetImageAttributeName.LaunchPermission });
        Assert.That((await FailsAsync(() => _bob.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }))).ErrorCode, Is.EqualTo("InvalidAMIID.NotFound"));
    }

    [Test]
    public async Task An_image_of_a_stopped_instance_is_an_export_that_new_instances_are_imported_from()
    {
        var instanceId = (await Alice.StoppedAsync()).Single();
        var name = ImageSteps.UniqueName();

        var imageId = (await Alice.CreateImageAsync(new CreateImageRequest
        {
            InstanceId = instanceId, Name = name, Description = "made from a stopped instance",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("made-by", "test")] }],
        })).ImageId;
        var image = await Alice.SettledImageAsync(imageId);

        var instanceName = "snf-" + Convert.ToInt64(instanceId["i-".Length..], 16);
        Assert.That((image.State.Value, image.Name, image.Description, image.OwnerId), Is.EqualTo(("available", name, "made from a stopped instance", _aliceAccount)));
        Assert.That(image.Tags.Single().Key, Is.EqualTo("made-by"));
        Assert.That(Cluster.ListExports().Select(e => e.InstanceName), Does.Contain(instanceName));
        Assert.That((await Alice.DescribeOneAsync(instanceId)).State.Name.Value, Is.EqualTo("stopped"));
        var bySource = await Alice.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("source-instance-id", [instanceId])] });
        Assert.That(bySource.Images.Select(i => i.ImageId), Is.EqualTo(new[] { imageId }));

        var launched = (await Alice.RunAsync(image: imageId)).Instances.Single();
        await Alice.WaitForAsync("running", launched.InstanceId);
        var create = Cluster.ListInstances().Single(i => i.Name == "snf-" + Convert.ToInt64(launched.InstanceId["i-".Length..], 16));
        Assert.That(create.Os, Is.EqualTo("noop+default"));

        var again = await FailsAsync(() => Alice.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = ImageSteps.UniqueName() }));
        Assert.That(again.ErrorCode, Is.EqualTo("IncorrectState"), "the cluster keeps one export per instance");
        await Alice.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId });
        Assert.That((await Alice.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] })).Images ?? [], Is.Empty,
            "the owner's deregistered image is described as nothing, as AWS does (ec2_ami waits for that)");
        Assert.That((await Alice.DescribeOneAsync(launched.InstanceId)).State.Name.Value, Is.EqualTo("running"), "instances launched from it keep running");
        var next = (await Alice.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = ImageSteps.UniqueName() })).ImageId;
        Assert.That((await Alice.SettledImageAsync(next)).State.Value, Is.EqualTo("available"));
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId, launched.InstanceId] });
    }

    [Test]
    public async Task An_image_of_a_running_instance_stops_and_restarts_it_and_no_reboot_is_refused_for_file_disks()
    {
        var instanceId = (await Alice.RunningAsync()).Single();

        var noReboot = await FailsAsync(() => Alice.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = ImageSteps.UniqueName(), NoReboot = true }));
        var imageId = (await Alice.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = ImageSteps.UniqueName() })).ImageId;
        var image = await Alice.SettledImageAsync(imageId);

        Assert.That(noReboot.ErrorCode, Is.EqualTo("UnsupportedOperation"));
        Assert.That(noReboot.Message, Does.Contain("NoReboot"));
        Assert.That(image.State.Value, Is.EqualTo("available"));
        Assert.That((await Alice.DescribeOneAsync(instanceId)).State.Name.Value, Is.EqualTo("running"));
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] });
    }

    [Test]
    public async Task A_failed_export_makes_a_failed_image_with_the_reason_and_it_cannot_be_launched()
    {
        var instanceId = (await Alice.StoppedAsync()).Single();
        Cluster.FailNextJob("export failed on purpose");

        var imageId = (await Alice.CreateImageAsync(new CreateImageRequest { InstanceId = instanceId, Name = ImageSteps.UniqueName() })).ImageId;
        var image = await Alice.SettledImageAsync(imageId);
        var launch = await FailsAsync(() => Alice.RunAsync(image: imageId));

        Assert.That(image.State.Value, Is.EqualTo("failed"));
        Assert.That(image.StateReason.Message, Does.Contain("export failed on purpose"));
        Assert.That(launch.ErrorCode, Is.EqualTo("InvalidAMIID.Unavailable"));
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] });
    }

    [Test]
    public async Task Names_follow_awss_rules_and_are_unique_per_owner()
    {
        var name = ImageSteps.UniqueName();
        await Alice.RegisterNoopAsync(name);

        var duplicate = await FailsAsync(() => Alice.RegisterNoopAsync(name));
        var malformed = await FailsAsync(() => Alice.RegisterNoopAsync("no*stars"));
        var bobsOwn = await _bob.RegisterNoopAsync(name);
        var unknownOs = await FailsAsync(() => Alice.RegisterImageAsync(new RegisterImageRequest { Name = ImageSteps.UniqueName(), ImageLocation = "debootstrap+default" }));
        var unknownParameter = await FailsAsync(() => Alice.RegisterImageAsync(new RegisterImageRequest { Name = ImageSteps.UniqueName(), ImageLocation = "noop+default:root_password=x" }));
        var arm = await FailsAsync(() => Alice.RegisterImageAsync(new RegisterImageRequest { Name = ImageSteps.UniqueName(), ImageLocation = "noop+default", Architecture = ArchitectureValues.Arm64 }));

        Assert.That(duplicate.ErrorCode, Is.EqualTo("InvalidAMIName.Duplicate"));
        Assert.That(malformed.ErrorCode, Is.EqualTo("InvalidAMIName.Malformed"));
        Assert.That(bobsOwn, Does.StartWith("ami-"), "names are unique per owner only");
        Assert.That((unknownOs.ErrorCode, unknownParameter.ErrorCode, arm.ErrorCode),
            Is.EqualTo(("InvalidParameterValue", "InvalidParameterValue", "InvalidParameterValue")));
    }

    [Test]
    public async Task Descriptions_change_copies_are_the_copiers_and_tags_are_per_user()
    {
        var imageId = await Alice.RegisterNoopAsync();
        await Alice.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = imageId, Description = "second words" });
        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [imageId], Tags = [new Tag("env", "prod")] });
        await Alice.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId, LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { UserId = _bobAccount }] },
        });

        var description = await Alice.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = "description" });
        var productCodes = await Alice.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = "productCodes" });
        Assert.That(productCodes.ImageAttribute.ProductCodes ?? [], Is.Empty, "no marketplace: no product codes");
        var copyId = (await _bob.CopyImageAsync(new CopyImageRequest { SourceImageId = imageId, SourceRegion = "cyclades-1", Name = ImageSteps.UniqueName("copy") })).ImageId;
        var copy = await _bob.FindImageAsync(copyId);
        var byTag = await Alice.DescribeImagesAsync(new DescribeImagesRequest { Filters = [new Filter("tag:env", ["prod"])] });
        var otherRegion = await FailsAsync(() => _bob.CopyImageAsync(new CopyImageRequest { SourceImageId = imageId, SourceRegion = "eu-west-1", Name = ImageSteps.UniqueName() }));

        Assert.That(description.ImageAttribute.Description, Is.EqualTo("second words"));
        Assert.That((copy!.OwnerId, copy.State.Value, copy.SourceImageId), Is.EqualTo((_bobAccount, "available", imageId)));
        Assert.That(byTag.Images.Select(i => i.ImageId), Is.EqualTo(new[] { imageId }));
        Assert.That((await _bob.FindImageAsync(imageId))!.Tags ?? [], Is.Empty, "Alice's tags are hers");
        Assert.That(otherRegion.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That((await FailsAsync(() => Alice.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId, LaunchPermission = new LaunchPermissionModifications { Add = [new LaunchPermission { UserId = "bob" }] },
        }))).ErrorCode, Is.EqualTo("InvalidAMIAttributeItemValue"));
    }

    [Test]
    public async Task Filters_on_name_state_owner_and_id_select_the_users_images()
    {
        var name = ImageSteps.UniqueName("flt");
        var imageId = await Alice.RegisterNoopAsync(name);

        async Task<List<string>> Ids(params Filter[] filters) =>
            ((await Alice.DescribeImagesAsync(new DescribeImagesRequest { Filters = [.. filters] })).Images ?? []).Select(i => i.ImageId).ToList();

        Assert.That(await Ids(new Filter("name", [name])), Is.EqualTo(new[] { imageId }));
        Assert.That(await Ids(new Filter("name", ["flt-*"]), new Filter("state", ["available"]), new Filter("image-id", [imageId])), Is.EqualTo(new[] { imageId }));
        Assert.That(await Ids(new Filter("owner-id", [_aliceAccount]), new Filter("name", [name])), Is.EqualTo(new[] { imageId }));
        Assert.That(await Ids(new Filter("owner-alias", ["amazon"]), new Filter("name", [name])), Is.Empty);
        Assert.That((await Alice.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images.Select(i => i.OwnerId).Distinct(),
            Is.EqualTo(new[] { "000000000000" }));
    }
}
