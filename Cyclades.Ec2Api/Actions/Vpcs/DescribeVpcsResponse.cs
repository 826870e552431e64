using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DescribeVpcsResponse : Ec2Response
{
    [Ec2Element("vpcSet")]
    public required IReadOnlyList<VpcItem> Vpcs { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}
