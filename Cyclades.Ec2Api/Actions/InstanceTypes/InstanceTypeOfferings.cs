using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Filtering;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

/// <summary>
/// The core's offers (<see cref="FlavorOfferings"/>) as EC2 offerings: per availability zone (a cluster)
/// by name or id, or for the region (a type some zone offers). There are no outposts.
/// </summary>
public static class InstanceTypeOfferings
{
    public const string Region = "region";
    public const string AvailabilityZone = "availability-zone";
    public const string AvailabilityZoneId = "availability-zone-id";
    public const string Outpost = "outpost";

    public static readonly IReadOnlyList<string> LocationTypes = [Region, AvailabilityZone, AvailabilityZoneId, Outpost];

    public static readonly Ec2FilterSet<InstanceTypeOfferingItem> Filters = new Ec2FilterSet<InstanceTypeOfferingItem>()
        .Add("instance-type", o => o.InstanceType)
        .Add("location", o => o.Location);

    /// <returns>In location, then instance type order.</returns>
    public static IEnumerable<InstanceTypeOfferingItem> Of(IReadOnlyList<BackendOffer> offers, string locationType, string region) =>
        (locationType switch
        {
            Region => offers.SelectMany(o => o.Flavors).Select(f => f.Name).Distinct().Select(type => Item(type, locationType, region)),
            AvailabilityZone => offers.SelectMany(o => o.Flavors.Select(f => Item(f.Name, locationType, o.Backend.Name))),
            AvailabilityZoneId => offers.SelectMany(o => o.Flavors.Select(f => Item(f.Name, locationType, AvailabilityZoneCatalog.IdOf(region, o.Backend.Id)))),
            _ => [],
        })
        .OrderBy(o => o.Location, StringComparer.Ordinal).ThenBy(o => o.InstanceType, StringComparer.Ordinal);

    private static InstanceTypeOfferingItem Item(string type, string locationType, string location) =>
        new() { InstanceType = type, LocationType = locationType, Location = location };
}
