using System.Globalization;
using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>The DescribeVolumesModifications filters (there are no IOPS: the iops filters match nothing).</summary>
public static class VolumeModificationFilters
{
    public static readonly Ec2FilterSet<VolumeModificationItem> Set = new Ec2FilterSet<VolumeModificationItem>()
        .Add("volume-id", m => m.VolumeId)
        .Add("modification-state", m => m.ModificationState)
        .Add("original-size", m => m.OriginalSize.ToString(CultureInfo.InvariantCulture))
        .Add("target-size", m => m.TargetSize.ToString(CultureInfo.InvariantCulture))
        .Add("original-volume-type", m => m.OriginalVolumeType)
        .Add("target-volume-type", m => m.TargetVolumeType)
        .Add("originalMultiAttachEnabled", _ => "false")
        .Add("targetMultiAttachEnabled", _ => "false")
        .Add("start-time", m => m.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
        .AddEach("original-iops", _ => [])
        .AddEach("target-iops", _ => []);
}

/// <summary>The DescribeVolumeStatus filters (no volume has events or actions: those filters match nothing).</summary>
public static class VolumeStatusFilters
{
    public static readonly Ec2FilterSet<VolumeStatusItem> Set = new Ec2FilterSet<VolumeStatusItem>()
        .Add("availability-zone", v => v.AvailabilityZone)
        .Add("volume-status.status", v => v.VolumeStatus.Status)
        .AddEach("volume-status.details-name", v => (v.VolumeStatus.Details ?? []).Select(d => d.Name))
        .AddEach("volume-status.details-status", v => (v.VolumeStatus.Details ?? []).Select(d => d.Status))
        .AddEach("action.code", _ => [])
        .AddEach("action.description", _ => [])
        .AddEach("action.event-id", _ => [])
        .AddEach("event.description", _ => [])
        .AddEach("event.event-id", _ => [])
        .AddEach("event.event-type", _ => [])
        .AddEach("event.not-after", _ => [])
        .AddEach("event.not-before", _ => []);
}
