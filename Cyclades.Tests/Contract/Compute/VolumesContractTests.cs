using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>EBS volumes through AWSSDK.EC2 on the simulated cluster: create, describe, attach, detach, delete, and the errors tools rely on.</summary>
public sealed class VolumesContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task Create_attach_detach_as_tools_see_it()
    {
        var instanceId = (await Alice.RunningAsync()).Single();
        var zone = (await Alice.DescribeOneAsync(instanceId)).Placement.AvailabilityZone;

        var created = (await Alice.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = zone, Size = 2, VolumeType = VolumeType.Gp3,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Volume, Tags = [new Tag("Name", "data")] }],
        })).Volume;
        Assert.That(created.VolumeId, Does.Match("^vol-[0-9a-f]{17}$"));
        Assert.That((created.State.Value, created.Size, created.VolumeType.Value, created.Encrypted, created.MultiAttachEnabled),
            Is.EqualTo(("creating", 2, "gp3", false, false)));
        Assert.That(created.CreateTime, Is.Not.Null);
        await StateAsync(created.VolumeId, "available");
        var byTag = await Alice.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("tag:Name", ["data"])], MaxResults = 1000 });
        Assert.That(byTag.Volumes.Select(v => v.VolumeId), Does.Contain(created.VolumeId));

        var attaching = (await Alice.AttachVolumeAsync(new AttachVolumeRequest { VolumeId = created.VolumeId, InstanceId = instanceId, Device = "/dev/sdf" }))
            .Attachment;
        Assert.That((attaching.State.Value, attaching.Device, attaching.InstanceId), Is.EqualTo(("attaching", "/dev/sdf", instanceId)));
        var attached = await StateAsync(created.VolumeId, "in-use", attachment: "attached");
        Assert.That(attached.Attachments.Single().Device, Is.EqualTo("/dev/sdf"), "reported exactly as sent");
        var byAttachment = await Alice.DescribeVolumesAsync(new DescribeVolumesRequest
        {
            VolumeIds = [created.VolumeId],
            Filters = [new Filter("attachment.instance-id", [instanceId]), new Filter("attachment.device", ["/dev/sdf"])],
        });
        Assert.That(byAttachment.Volumes, Has.Count.EqualTo(1));

        var again = await FailsAsync(() => Alice.AttachVolumeAsync(new AttachVolumeRequest
        {
            VolumeId = created.VolumeId, InstanceId = instanceId, Device = "/dev/sdg",
        }));
        Assert.That(again.ErrorCode, Is.EqualTo("VolumeInUse"));
        var inUse = await FailsAsync(() => Alice.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = created.VolumeId }));
        Assert.That(inUse.ErrorCode, Is.EqualTo("VolumeInUse"));

        var detaching = (await Alice.DetachVolumeAsync(new DetachVolumeRequest { VolumeId = created.VolumeId, InstanceId = instanceId })).Attachment;
        Assert.That(detaching.State.Value, Is.EqualTo("detaching"));
        var detached = await StateAsync(created.VolumeId, "available");
        Assert.That(detached.Attachments ?? [], Is.Empty);
        var notAttached = await FailsAsync(() => Alice.DetachVolumeAsync(new DetachVolumeRequest { VolumeId = created.VolumeId }));
        Assert.That((notAttached.ErrorCode, notAttached.Message), Is.EqualTo(("IncorrectState", $"Volume '{created.VolumeId}' is in the 'available' state.")));
    }

    [Test]
    public async Task A_deleted_volume_is_not_found_and_other_users_never_see_it()
    {
        var zone = (await Alice.DescribeAvailabilityZonesAsync()).AvailabilityZones[0].ZoneName;
        var volumeId = (await Alice.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = zone, Size = 1 })).Volume.VolumeId;
        using var bob = Host.CreateClient(TestUser.Bob);

        var bobs = await FailsAsync(() => bob.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [volumeId] }));
        var bobDeletes = await FailsAsync(() => bob.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId }));
        var bobsList = await bob.DescribeVolumesAsync(new DescribeVolumesRequest());
        var bobTags = await FailsAsync(() => bob.CreateTagsAsync(new CreateTagsRequest { Resources = [volumeId], Tags = [new Tag("Name", "bobs")] }));
        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [volumeId], Tags = [new Tag("Name", "data")] });
        var tagged = await Alice.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [volumeId])] });
        await Alice.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId });
        var gone = await FailsAsync(() => Alice.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [volumeId] }));

        Assert.That((bobs.ErrorCode, bobDeletes.ErrorCode), Is.EqualTo(("InvalidVolume.NotFound", "InvalidVolume.NotFound")));
        Assert.That((bobsList.Volumes ?? []).Select(v => v.VolumeId), Does.Not.Contain(volumeId));
        Assert.That(bobTags.ErrorCode, Is.EqualTo("InvalidVolume.NotFound"), "another user's volume cannot be tagged");
        Assert.That(tagged.Tags.Select(t => (t.ResourceType.Value, t.Key, t.Value)), Is.EqualTo(new[] { ("volume", "Name", "data") }), "CreateTags tags a volume");
        Assert.That((gone.ErrorCode, gone.Message), Is.EqualTo(("InvalidVolume.NotFound", $"The volume '{volumeId}' does not exist.")));
    }

    [TestCase("/dev/sdz99", "InvalidParameterValue")]
    [TestCase("/dev/xvdeo", "InvalidParameterValue")]
    public async Task Invalid_device_names_are_refused(string device, string code)
    {
        var error = await FailsAsync(() => Alice.AttachVolumeAsync(new AttachVolumeRequest
        {
            VolumeId = "vol-00000000000000001", InstanceId = "i-00000000000000001", Device = device,
        }));
        Assert.That((error.ErrorCode, error.Message), Is.EqualTo((code, $"Value ({device}) for parameter device is invalid. {device} is not a valid EBS device name.")));
    }

    [Test]
    public async Task Wrong_sizes_unknown_zones_and_malformed_ids_are_refused()
    {
        var zone = (await Alice.DescribeAvailabilityZonesAsync()).AvailabilityZones[0].ZoneName;

        var tooBig = await FailsAsync(() => Alice.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = zone, Size = 2000, VolumeType = VolumeType.Standard }));
        var noZone = await FailsAsync(() => Alice.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = "nowhere-1z", Size = 1 }));
        var malformed = await FailsAsync(() => Alice.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = ["vol-xyz"] }));

        Assert.That(tooBig.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(noZone.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(malformed.ErrorCode, Is.EqualTo("InvalidVolumeID.Malformed"));
    }

    private async Task<Amazon.EC2.Model.Volume> StateAsync(string volumeId, string state, string? attachment = null)
    {
        Amazon.EC2.Model.Volume volume = null!;
        await Eventually.HoldsAsync(async () =>
        {
            volume = (await Alice.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [volumeId] })).Volumes.Single();
            return volume.State.Value == state && (attachment is null || volume.Attachments.SingleOrDefault()?.State.Value == attachment);
        }, $"{volumeId} {state}");
        return volume;
    }
}
