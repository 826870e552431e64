using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.Regions;

/// <summary>The DescribeRegions filters (the model documents these three).</summary>
public static class RegionFilters
{
    public static readonly Ec2FilterSet<RegionItem> Set = new Ec2FilterSet<RegionItem>()
        .Add("endpoint", r => r.Endpoint)
        .Add("opt-in-status", r => r.OptInStatus)
        .Add("region-name", r => r.RegionName);
}
