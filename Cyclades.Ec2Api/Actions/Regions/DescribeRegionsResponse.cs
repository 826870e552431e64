using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Regions;

public sealed class DescribeRegionsResponse : Ec2Response
{
    [Ec2Element("regionInfo")]
    public IReadOnlyList<RegionItem> Regions { get; init; } = [];
}

/// <summary>The model's <c>Region</c> shape.</summary>
public sealed class RegionItem
{
    [Ec2Element("regionName")]
    public required string RegionName { get; init; }

    [Ec2Element("regionEndpoint")]
    public required string Endpoint { get; init; }

    [Ec2Element("optInStatus")]
    public string OptInStatus { get; init; } = "opt-in-not-required";
}
