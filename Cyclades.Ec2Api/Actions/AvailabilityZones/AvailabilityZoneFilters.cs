using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

/// <summary>The DescribeAvailabilityZones filters documented by the model.</summary>
public static class AvailabilityZoneFilters
{
    public static readonly Ec2FilterSet<AvailabilityZoneItem> Set = new Ec2FilterSet<AvailabilityZoneItem>()
        .Add("group-long-name", _ => null)
        .Add("group-name", z => z.GroupName)
        .Add("message", z => z.Messages.FirstOrDefault()?.Message)
        .Add("opt-in-status", z => z.OptInStatus)
        .Add("parent-zone-id", _ => null)
        .Add("parent-zone-name", _ => null)
        .Add("region-name", z => z.RegionName)
        .Add("state", z => z.State)
        .Add("zone-id", z => z.ZoneId)
        .Add("zone-name", z => z.ZoneName)
        .Add("zone-type", z => z.ZoneType);
}
