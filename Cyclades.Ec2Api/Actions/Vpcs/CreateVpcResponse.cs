using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class CreateVpcResponse : Ec2Response
{
    [Ec2Element("vpc")]
    public required VpcItem Vpc { get; init; }
}
