using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.NetworkAcls;

public sealed class DescribeNetworkAclsResponse : Ec2Response
{
    [Ec2Element("networkAclSet")]
    public required IReadOnlyList<NetworkAclItem> NetworkAcls { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
