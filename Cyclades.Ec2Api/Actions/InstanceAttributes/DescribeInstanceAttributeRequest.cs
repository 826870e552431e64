using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

public sealed class DescribeInstanceAttributeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("InstanceId", Required = true)]
    public string InstanceId { get; init; } = "";

    [Ec2Parameter("Attribute", Required = true)]
    public string Attribute { get; init; } = "";

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
