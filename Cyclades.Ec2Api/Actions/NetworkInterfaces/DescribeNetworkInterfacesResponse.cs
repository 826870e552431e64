using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class DescribeNetworkInterfacesResponse : Ec2Response
{
    [Ec2Element("networkInterfaceSet")]
    public required IReadOnlyList<NetworkInterfaceItem> NetworkInterfaces { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
