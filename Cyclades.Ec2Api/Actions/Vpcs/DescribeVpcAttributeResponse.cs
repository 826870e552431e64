using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Vpcs;

/// <summary>The VPC's id and the one attribute asked for.</summary>
public sealed class DescribeVpcAttributeResponse : Ec2Response
{
    [Ec2Element("vpcId")]
    public required string VpcId { get; init; }

    [Ec2Element("enableDnsHostnames")]
    public BooleanValueItem? EnableDnsHostnames { get; init; }

    [Ec2Element("enableDnsSupport")]
    public BooleanValueItem? EnableDnsSupport { get; init; }

    [Ec2Element("enableNetworkAddressUsageMetrics")]
    public BooleanValueItem? EnableNetworkAddressUsageMetrics { get; init; }
}
