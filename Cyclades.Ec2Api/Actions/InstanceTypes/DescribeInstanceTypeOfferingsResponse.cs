using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.InstanceTypes;

public sealed class DescribeInstanceTypeOfferingsResponse : Ec2Response
{
    [Ec2Element("instanceTypeOfferingSet")]
    public required IReadOnlyList<InstanceTypeOfferingItem> InstanceTypeOfferings { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

public sealed class InstanceTypeOfferingItem
{
    [Ec2Element("instanceType")]
    public required string InstanceType { get; init; }

    [Ec2Element("locationType")]
    public required string LocationType { get; init; }

    [Ec2Element("location")]
    public required string Location { get; init; }
}
