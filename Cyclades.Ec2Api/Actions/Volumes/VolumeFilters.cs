using System.Globalization;
using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>The DescribeVolumes filters (with <c>tag:&lt;key&gt;</c>).</summary>
public static class VolumeFilters
{
    public static readonly Ec2FilterSet<VolumeItem> Set = new Ec2FilterSet<VolumeItem>()
        .Add("volume-id", v => v.VolumeId)
        .Add("status", v => v.Status)
        .Add("availability-zone", v => v.AvailabilityZone)
        .Add("size", v => v.Size.ToString(CultureInfo.InvariantCulture))
        .Add("volume-type", v => v.VolumeType)
        .Add("encrypted", v => "false")
        .Add("multi-attach-enabled", v => "false")
        .AddEach("attachment.instance-id", v => v.Attachments.Select(a => a.InstanceId))
        .AddEach("attachment.device", v => v.Attachments.Select(a => a.Device))
        .AddEach("attachment.status", v => v.Attachments.Select(a => a.Status))
        .AddEach("attachment.delete-on-termination", v => v.Attachments.Select(a => a.DeleteOnTermination ? "true" : "false"))
        .AddEach("tag-key", v => v.Tags.Select(t => t.Key));
}
