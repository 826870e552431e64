using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class CreateVpcRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("CidrBlock", Required = true)]
    public string CidrBlock { get; init; } = "";

    [Ec2Parameter("InstanceTenancy")]
    public string? InstanceTenancy { get; init; }

    [Ec2Parameter("AmazonProvidedIpv6CidrBlock")]
    public bool? AmazonProvidedIpv6CidrBlock { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
