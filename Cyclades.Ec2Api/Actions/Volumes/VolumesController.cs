using Cyclades.Logic.Servers;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>
/// EBS volumes on the core's volumes (docs/storage.md): every EC2 volume type is the zone's default disk
/// template, reported back as the type given. Another user's volume is as unknown as one that never was.
/// </summary>
public sealed class VolumesController(VolumeCommands commands, VolumeQueries queries, TagService tags) : Ec2Controller
{
    [Ec2Action("CreateVolume")]
    public async Task<CreateVolumeResponse> CreateVolume(CreateVolumeRequest request, CancellationToken cancellationToken)
    {
        var userId = Caller.LogicUserId();
        var type = request.VolumeType ?? "gp2";
        var volume = await commands.CreateAsync(userId, request.AvailabilityZone!, request.Size!.Value, null, type, cancellationToken);
        var volumeTags = TagRules.TagsOf(request.TagSpecifications);
        if (volumeTags.Count > 0)
        {
            await tags.SetAsync(userId, [VolumeItem.Resource(volume.Id)], volumeTags, cancellationToken);
        }
        return new CreateVolumeResponse
        {
            VolumeId = VolumeIds.Of(volume.Id),
            Size = volume.SizeGiB,
            AvailabilityZone = request.AvailabilityZone!,
            CreateTime = volume.CreatedAt,
            VolumeType = type,
            Tags = TagItem.From(volumeTags),
        };
    }

    [Ec2Action("DescribeVolumes")]
    public async Task<DescribeVolumesResponse> DescribeVolumes(DescribeVolumesRequest request, CancellationToken cancellationToken)
    {
        var userId = Caller.LogicUserId();
        var ids = request.VolumeIds.Count == 0 ? null : request.VolumeIds.Select(VolumeIds.Parse).Distinct().ToList();
        var views = await queries.ListAsync(userId, ids, cancellationToken);
        if (ids?.FirstOrDefault(id => views.All(v => v.Volume.Id != id || v.Volume.Deleted)) is { } missing and not 0)
        {
            throw Ec2Errors.InvalidVolumeNotFound(VolumeIds.Of(missing));
        }
        var volumeTags = await tags.ListForAsync(userId, TaggedResourceType.Volume, views.Select(v => VolumeItem.Resource(v.Volume.Id).Id).ToList(),
            cancellationToken);
        var items = views.Select(v => VolumeItem.From(v, volumeTags[VolumeItem.Resource(v.Volume.Id).Id]));
        return new DescribeVolumesResponse { Volumes = TagFilters.Apply(VolumeFilters.Set, items, request.Filters, v => v.Tags).ToList() };
    }

    [Ec2Action("AttachVolume")]
    public async Task<AttachVolumeResponse> AttachVolume(AttachVolumeRequest request, CancellationToken cancellationToken)
    {
        var serverId = InstanceIds.TryParse(request.InstanceId!, out var id) ? id : throw Ec2Errors.InvalidInstanceIdMalformed(request.InstanceId!);
        var volume = await commands.AttachAsync(Caller.LogicUserId(), VolumeIds.Parse(request.VolumeId!), serverId, request.Device!, cancellationToken);
        return VolumeAttachmentResponse.From<AttachVolumeResponse>(VolumeAttachmentItem.From(volume));
    }

    [Ec2Action("DetachVolume")]
    public async Task<DetachVolumeResponse> DetachVolume(DetachVolumeRequest request, CancellationToken cancellationToken)
    {
        long? serverId = request.InstanceId is null ? null
            : InstanceIds.TryParse(request.InstanceId, out var id) ? id : throw Ec2Errors.InvalidInstanceIdMalformed(request.InstanceId);
        var volume = await commands.DetachAsync(Caller.LogicUserId(), VolumeIds.Parse(request.VolumeId!), serverId, request.Device, cancellationToken);
        return VolumeAttachmentResponse.From<DetachVolumeResponse>(VolumeAttachmentItem.From(volume));
    }

    [Ec2Action("DeleteVolume")]
    public async Task<Ec2ReturnResponse> DeleteVolume(DeleteVolumeRequest request, CancellationToken cancellationToken)
    {
        await commands.DeleteAsync(Caller.LogicUserId(), VolumeIds.Parse(request.VolumeId!), cancellationToken);
        return new Ec2ReturnResponse();
    }
}
