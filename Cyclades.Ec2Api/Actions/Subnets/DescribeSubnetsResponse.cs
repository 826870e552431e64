using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class DescribeSubnetsResponse : Ec2Response
{
    [Ec2Element("subnetSet")]
    public required IReadOnlyList<SubnetItem> Subnets { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
