using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.AvailabilityZones;

public sealed class DescribeAvailabilityZonesResponse : Ec2Response
{
    [Ec2Element("availabilityZoneInfo")]
    public IReadOnlyList<AvailabilityZoneItem> AvailabilityZones { get; init; } = [];
}

/// <summary>The model's <c>AvailabilityZone</c> shape.</summary>
public sealed class AvailabilityZoneItem
{
    [Ec2Element("zoneState")]
    public string State { get; init; } = "available";

    [Ec2Element("optInStatus")]
    public string OptInStatus { get; init; } = "opt-in-not-required";

    [Ec2Element("messageSet")]
    public IReadOnlyList<AvailabilityZoneMessage> Messages { get; init; } = [];

    [Ec2Element("regionName")]
    public required string RegionName { get; init; }

    [Ec2Element("zoneName")]
    public required string ZoneName { get; init; }

    [Ec2Element("zoneId")]
    public required string ZoneId { get; init; }

    [Ec2Element("groupName")]
    public required string GroupName { get; init; }

    [Ec2Element("networkBorderGroup")]
    public required string NetworkBorderGroup { get; init; }

    [Ec2Element("zoneType")]
    public string ZoneType { get; init; } = "availability-zone";

    public static AvailabilityZoneItem From(AvailabilityZone zone) => new()
    {
        RegionName = zone.Region,
        ZoneName = zone.Name,
        ZoneId = zone.Id,
        GroupName = zone.Region,
        NetworkBorderGroup = zone.Region,
    };
}

public sealed class AvailabilityZoneMessage
{
    [Ec2Element("message")]
    public required string Message { get; init; }
}
