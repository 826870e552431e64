using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

public sealed class AvailabilityZonesController(AvailabilityZoneCatalog catalog) : Ec2Controller
{
    [Ec2Action("DescribeAvailabilityZones")]
    public async Task<DescribeAvailabilityZonesResponse> DescribeAvailabilityZones(
        DescribeAvailabilityZonesRequest request, CancellationToken cancellationToken)
    {
        var all = await catalog.ListAsync(cancellationToken);
        if (request.ZoneNames.FirstOrDefault(name => all.All(z => z.Name != name)) is { } unknownName)
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid availability zone: [{unknownName}]");
        }
        if (request.ZoneIds.FirstOrDefault(id => all.All(z => z.Id != id)) is { } unknownId)
        {
            throw Ec2Errors.InvalidParameterValue($"Invalid availability zone ID: [{unknownId}]");
        }
        var zones = all
            .Where(z => request.ZoneNames.Count == 0 || request.ZoneNames.Contains(z.Name))
            .Where(z => request.ZoneIds.Count == 0 || request.ZoneIds.Contains(z.Id))
            .Select(AvailabilityZoneItem.From);
        return new DescribeAvailabilityZonesResponse { AvailabilityZones = AvailabilityZoneFilters.Set.Apply(zones, request.Filters).ToList() };
    }
}
