using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class CreateSubnetResponse : Ec2Response
{
    [Ec2Element("subnet")]
    public required SubnetItem Subnet { get; init; }
}
