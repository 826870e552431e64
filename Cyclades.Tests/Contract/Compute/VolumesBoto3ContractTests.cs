using System.Text.Json;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// Every volume action as boto3 sends it, botocore's <c>volume_available</c>, <c>volume_in_use</c> and
/// <c>volume_deleted</c> waiters, and the codes botocore reads, on the simulated cluster.
/// </summary>
public sealed class VolumesBoto3ContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task A_volume_lives_through_the_waiters_grows_while_attached_and_is_deleted()
    {
        var instanceId = (await Alice.RunningAsync()).Single();
        var zone = await ZoneAsync();

        var created = await Call("create_volume", new
        {
            AvailabilityZone = zone, Size = 1, VolumeType = "gp2",
            TagSpecifications = new[] { new { ResourceType = "volume", Tags = new[] { new { Key = "Name", Value = "boto-data" } } } },
        });
        var volumeId = created.GetProperty("VolumeId").GetString()!;
        await Host.Boto3WaitAsync(TestUser.Alice, "volume_available", new { VolumeIds = new[] { volumeId } });

        await Call("attach_volume", new { VolumeId = volumeId, InstanceId = instanceId, Device = "/dev/sdf" });
        await Host.Boto3WaitAsync(TestUser.Alice, "volume_in_use", new { VolumeIds = new[] { volumeId } });
        var inUse = (await Call("describe_volumes", new { VolumeIds = new[] { volumeId } })).GetProperty("Volumes")[0];
        Assert.That((inUse.GetProperty("State").GetString(), inUse.GetProperty("Attachments")[0].GetProperty("State").GetString()),
            Is.EqualTo(("in-use", "attached")));

        var modified = (await Call("modify_volume", new { VolumeId = volumeId, Size = 3 })).GetProperty("VolumeModification");
        Assert.That((modified.GetProperty("ModificationState").GetString(), modified.GetProperty("OriginalSize").GetInt32(),
                modified.GetProperty("TargetSize").GetInt32(), modified.GetProperty("TargetVolumeType").GetString(),
                modified.GetProperty("OriginalVolumeType").GetString(), modified.GetProperty("TargetMultiAttachEnabled").GetBoolean()),
            Is.EqualTo(("modifying", 1, 3, "gp2", "gp2", false)), "every Target* field is filled, as Ansible reads them");
        JsonElement completed = default;
        await Eventually.HoldsAsync(async () =>
        {
            completed = (await Call("describe_volumes_modifications", new { VolumeIds = new[] { volumeId } })).GetProperty("VolumesModifications")[0];
            return completed.GetProperty("ModificationState").GetString() == "completed";
        }, "the growth completes");
        Assert.That((completed.GetProperty("Progress").GetInt64(), completed.TryGetProperty("EndTime", out _)), Is.EqualTo((100L, true)));
        var grown = (await Call("describe_volumes", new { VolumeIds = new[] { volumeId } })).GetProperty("Volumes")[0];
        Assert.That(grown.GetProperty("Size").GetInt32(), Is.EqualTo(3));

        var shrink = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_volume", new { VolumeId = volumeId, Size = 2 });
        Assert.That(shrink, Is.EqualTo(("InvalidParameterValue", 400, "New size cannot be smaller than existing size")));

        var status = (await Call("describe_volume_status", new { VolumeIds = new[] { volumeId } })).GetProperty("VolumeStatuses")[0];
        Assert.That((status.GetProperty("VolumeId").GetString(), status.GetProperty("AvailabilityZone").GetString(),
                status.GetProperty("VolumeStatus").GetProperty("Status").GetString(),
                status.GetProperty("VolumeStatus").GetProperty("Details")[0].GetProperty("Name").GetString(),
                status.GetProperty("VolumeStatus").GetProperty("Details")[0].GetProperty("Status").GetString()),
            Is.EqualTo((volumeId, zone, "ok", "io-enabled", "passed")));

        await Call("detach_volume", new { VolumeId = volumeId, InstanceId = instanceId });
        await Host.Boto3WaitAsync(TestUser.Alice, "volume_available", new { VolumeIds = new[] { volumeId } });
        var spare = (await Call("create_volume", new { AvailabilityZone = zone, Size = 1 })).GetProperty("VolumeId").GetString()!;
        await Call("delete_volume", new { VolumeId = spare });
        await Host.Boto3WaitAsync(TestUser.Alice, "volume_deleted", new { VolumeIds = new[] { spare } });
        var gone = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_volumes", new { VolumeIds = new[] { spare } });
        Assert.That(gone.Code, Is.EqualTo("InvalidVolume.NotFound"));
        // A detached disk lives on in Ganeti: it is removed through the zone's volume keeper (docs/storage.md).
        await Call("delete_volume", new { VolumeId = volumeId });
        await Host.Boto3WaitAsync(TestUser.Alice, "volume_deleted", new { VolumeIds = new[] { volumeId } });
        var detachedGone = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_volumes", new { VolumeIds = new[] { volumeId } });
        Assert.That(detachedGone.Code, Is.EqualTo("InvalidVolume.NotFound"));
        var listed = (await Call("describe_volumes", new { })).GetProperty("Volumes").EnumerateArray().Select(v => v.GetProperty("VolumeId").GetString());
        Assert.That(listed, Does.Not.Contain(volumeId));
        var again = await Host.Boto3ErrorAsync(TestUser.Alice, "delete_volume", new { VolumeId = volumeId });
        Assert.That(again.Code, Is.EqualTo("InvalidVolume.NotFound"));
    }

    [Test]
    public async Task A_volume_of_no_instance_grows_at_once_and_is_relabelled()
    {
        var volumeId = (await Call("create_volume", new { AvailabilityZone = await ZoneAsync(), Size = 1 })).GetProperty("VolumeId").GetString()!;

        var modified = (await Call("modify_volume", new { VolumeId = volumeId, Size = 2, VolumeType = "gp3" })).GetProperty("VolumeModification");
        var volume = (await Call("describe_volumes", new { VolumeIds = new[] { volumeId } })).GetProperty("Volumes")[0];
        var listed = (await Call("describe_volumes_modifications", new
        {
            Filters = new[] { new { Name = "modification-state", Values = new[] { "completed" } }, new { Name = "volume-id", Values = new[] { volumeId } } },
        })).GetProperty("VolumesModifications");
        var unchanged = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_volume", new { VolumeId = volumeId, Size = 2 });
        var iops = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_volume", new { VolumeId = volumeId, Iops = 4000 });

        Assert.That((modified.GetProperty("ModificationState").GetString(), modified.GetProperty("OriginalVolumeType").GetString(),
            modified.GetProperty("TargetVolumeType").GetString()), Is.EqualTo(("completed", "gp2", "gp3")), "CreateVolume without a type records gp2");
        Assert.That((volume.GetProperty("Size").GetInt32(), volume.GetProperty("VolumeType").GetString()), Is.EqualTo((2, "gp3")));
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        Assert.That((unchanged.Code, unchanged.Status), Is.EqualTo(("InvalidParameterValue", 400)));
        Assert.That((iops.Code, iops.Status), Is.EqualTo(("UnsupportedOperation", 400)));
        await Call("delete_volume", new { VolumeId = volumeId });
    }

    [Test]
    public async Task Errors_carry_awss_codes_and_another_users_volume_is_unknown()
    {
        var zone = await ZoneAsync();
        var volumeId = (await Call("create_volume", new { AvailabilityZone = zone, Size = 1 })).GetProperty("VolumeId").GetString()!;
        const string unknown = "vol-0000000000000fffe";

        Assert.That((await Host.Boto3ErrorAsync(TestUser.Alice, "create_volume", new { AvailabilityZone = zone, Size = 0 })).Code,
            Is.EqualTo("InvalidParameterValue"));
        Assert.That((await Host.Boto3ErrorAsync(TestUser.Alice, "create_volume", new { AvailabilityZone = zone, Size = 1, Encrypted = true })).Code,
            Is.EqualTo("InvalidParameterValue"));
        Assert.That((await Host.Boto3ErrorAsync(TestUser.Alice, "describe_volumes", new { VolumeIds = new[] { "vol-nope" } })).Code,
            Is.EqualTo("InvalidVolumeID.Malformed"));
        foreach (var (user, operation, parameters) in new (TestUser, string, object)[]
                 {
                     (TestUser.Alice, "describe_volumes", new { VolumeIds = new[] { unknown } }),
                     (TestUser.Alice, "describe_volume_status", new { VolumeIds = new[] { unknown } }),
                     (TestUser.Alice, "describe_volumes_modifications", new { VolumeIds = new[] { unknown } }),
                     (TestUser.Alice, "modify_volume", new { VolumeId = unknown, Size = 5 }),
                     (TestUser.Alice, "delete_volume", new { VolumeId = unknown }),
                     (TestUser.Alice, "detach_volume", new { VolumeId = unknown }),
                     (TestUser.Bob, "describe_volumes", new { VolumeIds = new[] { volumeId } }),
                     (TestUser.Bob, "modify_volume", new { VolumeId = volumeId, Size = 5 }),
                     (TestUser.Bob, "delete_volume", new { VolumeId = volumeId }),
                 })
        {
            var error = await Host.Boto3ErrorAsync(user, operation, parameters);
            Assert.That((error.Code, error.Status), Is.EqualTo(("InvalidVolume.NotFound", 400)), $"{user} {operation}");
        }
        var detachAvailable = await Host.Boto3ErrorAsync(TestUser.Alice, "detach_volume", new { VolumeId = volumeId });
        Assert.That(detachAvailable, Is.EqualTo(("IncorrectState", 400, $"Volume '{volumeId}' is in the 'available' state.")));
        var attachNowhere = await Host.Boto3ErrorAsync(TestUser.Alice, "attach_volume", new { VolumeId = volumeId, InstanceId = "i-0000000000000fffe", Device = "/dev/sdf" });
        Assert.That(attachNowhere.Code, Is.EqualTo("InvalidInstanceID.NotFound"));
        var badFilter = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_volume_status", new { Filters = new[] { new { Name = "nope", Values = new[] { "x" } } } });
        Assert.That(badFilter.Code, Is.EqualTo("InvalidParameterValue"));
        await Call("delete_volume", new { VolumeId = volumeId });
    }

    [Test]
    public async Task Volume_status_and_volumes_come_in_pages_and_filter()
    {
        var zone = await ZoneAsync();
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await Call("create_volume", new { AvailabilityZone = zone, Size = 1 })).GetProperty("VolumeId").GetString()!);
        }

        var seen = new List<string>();
        var volumesSeen = new List<string>();
        string? token = null;
        string? volumesToken = null;
        do
        {
            var page = await Call("describe_volume_status", token is null ? new { MaxResults = 5 } : new { MaxResults = 5, NextToken = token });
            seen.AddRange(page.GetProperty("VolumeStatuses").EnumerateArray().Select(s => s.GetProperty("VolumeId").GetString()!));
            token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        do
        {
            var page = await Call("describe_volumes", volumesToken is null ? new { MaxResults = 5 } : new { MaxResults = 5, NextToken = volumesToken });
            volumesSeen.AddRange(page.GetProperty("Volumes").EnumerateArray().Select(s => s.GetProperty("VolumeId").GetString()!));
            volumesToken = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (volumesToken is not null);
        var impaired = await Call("describe_volume_status", new { Filters = new[] { new { Name = "volume-status.status", Values = new[] { "impaired" } } } });
        var ok = await Call("describe_volume_status", new { Filters = new[] { new { Name = "volume-status.status", Values = new[] { "ok" } } } });

        Assert.That(seen, Is.SupersetOf(ids).And.Unique);
        Assert.That(volumesSeen, Is.SupersetOf(ids).And.Unique);
        Assert.That(impaired.GetProperty("VolumeStatuses").GetArrayLength(), Is.Zero);
        Assert.That(ok.GetProperty("VolumeStatuses").EnumerateArray().Select(s => s.GetProperty("VolumeId").GetString()), Is.SupersetOf(ids));
        foreach (var id in ids)
        {
            await Call("delete_volume", new { VolumeId = id });
        }
    }

    private Task<JsonElement> Call(string operation, object parameters) => Host.Boto3Async(TestUser.Alice, operation, parameters);

    private async Task<string> ZoneAsync() =>
        (await Call("describe_availability_zones", new { })).GetProperty("AvailabilityZones")[0].GetProperty("ZoneName").GetString()!;
}
