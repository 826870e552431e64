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
public sealed class VolumesController(VolumeCommands commands, VolumeQueries queries, TagService tags, ItemPages pages) : Ec2Controller
{
    /// <summary>A retry with the same ClientToken gets the volume the first request made, in its state now.</summary>
    [Ec2Action("CreateVolume")]
    public async Task<CreateVolumeResponse> CreateVolume(CreateVolumeRequest request, CancellationToken cancellationToken)
    {
        var type = request.VolumeType ?? "gp2";
        var volumeTags = TagRules.TagsOf(request.TagSpecifications);
        var (volume, replayed) = await commands.CreateAsync(new VolumeRequest(Caller.LogicUserId(), request.AvailabilityZone!, request.Size!.Value)
        {
            TypeLabel = type,
            Tags = volumeTags,
            IdempotencyKey = ClientTokens.KeyOf(request.ClientToken),
        }, cancellationToken);
        return new CreateVolumeResponse
        {
            VolumeId = VolumeIds.Of(volume.Id),
            Size = volume.SizeGiB,
            AvailabilityZone = request.AvailabilityZone!,
            // A new volume is `creating`, as AWS always answers; a retry's is as it is now.
            Status = VolumeStates.Of(replayed ? volume.Status : VolumeStatus.Creating),
            CreateTime = volume.CreatedAt,
            VolumeType = type,
            Tags = TagItem.From(volumeTags),
        };
    }

    [Ec2Action("DescribeVolumes")]
    public async Task<DescribeVolumesResponse> DescribeVolumes(DescribeVolumesRequest request, CancellationToken cancellationToken)
    {
        var userId = Caller.LogicUserId();
        var views = await ListAsync(userId, request.VolumeIds, cancellationToken);
        var volumeTags = await tags.ListForAsync(userId, TaggedResourceType.Volume, views.Select(v => VolumeItem.Resource(v.Volume.Id).Id).ToList(),
            cancellationToken);
        var items = TagFilters.Apply(VolumeFilters.Set, views.Select(v => VolumeItem.From(v, volumeTags[VolumeItem.Resource(v.Volume.Id).Id])),
            request.Filters, v => v.Tags);
        var (page, nextToken) = pages.Page(items, v => VolumeIds.Parse(v.VolumeId), new { Caller.UserId, request.VolumeIds, request.Filters },
            request.NextToken, request.MaxResults, MaxPageSize);
        return new DescribeVolumesResponse { Volumes = page, NextToken = nextToken };
    }

    [Ec2Action("DescribeVolumeStatus")]
    public async Task<DescribeVolumeStatusResponse> DescribeVolumeStatus(DescribeVolumeStatusRequest request, CancellationToken cancellationToken)
    {
        var views = await ListAsync(Caller.LogicUserId(), request.VolumeIds, cancellationToken);
        var items = VolumeStatusFilters.Set.Apply(views.Where(v => !v.Volume.Deleted).Select(VolumeStatusItem.From), request.Filters);
        var (page, nextToken) = pages.Page(items, v => v.Number, new { Caller.UserId, request.VolumeIds, request.Filters },
            request.NextToken, request.MaxResults, MaxPageSize);
        return new DescribeVolumeStatusResponse { VolumeStatuses = page, NextToken = nextToken };
    }

    /// <summary>
    /// Grows a volume; a new type name is recorded (every EC2 type is the same disk template here, docs/storage.md).
    /// IOPS, throughput and Multi-Attach cannot be set on a Ganeti disk.
    /// </summary>
    [Ec2Action("ModifyVolume")]
    public async Task<ModifyVolumeResponse> ModifyVolume(ModifyVolumeRequest request, CancellationToken cancellationToken)
    {
        if (request.Iops is not null || request.Throughput is not null || request.MultiAttachEnabled == true)
        {
            throw Ec2Errors.UnsupportedOperation(
                "Only the size and the volume type of a volume can be modified here: the cluster's disks have no IOPS, throughput or Multi-Attach settings.");
        }
        var modification = await commands.ModifyAsync(Caller.LogicUserId(), VolumeIds.Parse(request.VolumeId!), request.Size, request.VolumeType,
            cancellationToken);
        return new ModifyVolumeResponse { VolumeModification = VolumeModificationItem.From(modification) };
    }

    [Ec2Action("DescribeVolumesModifications")]
    public async Task<DescribeVolumesModificationsResponse> DescribeVolumesModifications(
        DescribeVolumesModificationsRequest request, CancellationToken cancellationToken)
    {
        var userId = Caller.LogicUserId();
        var ids = request.VolumeIds.Count == 0 ? null : (await ListAsync(userId, request.VolumeIds, cancellationToken)).Select(v => v.Volume.Id).ToList();
        var modifications = await queries.ListModificationsAsync(userId, ids, cancellationToken);
        var items = VolumeModificationFilters.Set.Apply(modifications.Select(VolumeModificationItem.From), request.Filters);
        var (page, nextToken) = pages.Page(items, m => m.Number, new { Caller.UserId, request.VolumeIds, request.Filters },
            request.NextToken, request.MaxResults, MaxPageSize);
        return new DescribeVolumesModificationsResponse { VolumeModifications = page, NextToken = nextToken };
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

    private const int MaxPageSize = 500;

    /// <summary>The caller's volumes: all not deleted, or these ids (each must be the caller's and not deleted).</summary>
    private async Task<IReadOnlyList<VolumeView>> ListAsync(string userId, IReadOnlyList<string> volumeIds, CancellationToken cancellationToken)
    {
        var ids = volumeIds.Count == 0 ? null : volumeIds.Select(VolumeIds.Parse).Distinct().ToList();
        var views = await queries.ListAsync(userId, ids, cancellationToken);
        if (ids?.FirstOrDefault(id => views.All(v => v.Volume.Id != id || v.Volume.Deleted)) is { } missing and not 0)
        {
            throw Ec2Errors.InvalidVolumeNotFound(VolumeIds.Of(missing));
        }
        return views;
    }
}
