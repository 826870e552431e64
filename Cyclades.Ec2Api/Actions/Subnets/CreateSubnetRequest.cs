using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class CreateSubnetRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("VpcId", Required = true)]
    public string VpcId { get; init; } = "";

    [Ec2Parameter("CidrBlock", Required = true)]
    public string CidrBlock { get; init; } = "";

    [Ec2Parameter("AvailabilityZone")]
    public string? AvailabilityZone { get; init; }

    [Ec2Parameter("AvailabilityZoneId")]
    public string? AvailabilityZoneId { get; init; }

    [Ec2Parameter("Ipv6Native")]
    public bool? Ipv6Native { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
