using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.InternetGateways;

public sealed class DescribeInternetGatewaysResponse : Ec2Response
{
    [Ec2Element("internetGatewaySet")]
    public required IReadOnlyList<InternetGatewayItem> InternetGateways { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
