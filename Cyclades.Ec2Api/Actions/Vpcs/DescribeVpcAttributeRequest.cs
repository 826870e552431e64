using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DescribeVpcAttributeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("VpcId", Required = true)]
    public string VpcId { get; init; } = "";

    [Ec2Parameter("Attribute", Required = true)]
    public string Attribute { get; init; } = "";

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
