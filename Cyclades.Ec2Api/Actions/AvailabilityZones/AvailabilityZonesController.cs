using Cyclades.Ec2Api.Mvc;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

public sealed class AvailabilityZonesController(AvailabilityZoneCatalog catalog) : Ec2Controller
{
    [Ec2Action("DescribeAvailabilityZones")]
    public DescribeAvailabilityZonesResponse DescribeAvailabilityZones(DescribeAvailabilityZonesRequest request)
    {
        var zones = catalog.Zones
            .Where(z => request.ZoneNames.Count == 0 || request.ZoneNames.Contains(z.Name))
            .Where(z => request.ZoneIds.Count == 0 || request.ZoneIds.Contains(z.Id))
            .Select(AvailabilityZoneItem.From);
        return new DescribeAvailabilityZonesResponse { AvailabilityZones = AvailabilityZoneFilters.Set.Apply(zones, request.Filters).ToList() };
    }
}
