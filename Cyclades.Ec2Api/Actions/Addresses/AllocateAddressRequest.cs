using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class AllocateAddressRequest : Ec2Request, ISupportsDryRun
{
    /// <summary><c>vpc</c> or <c>standard</c> (Ansible's default): either way a VPC address with an allocation id, as AWS today.</summary>
    [Ec2Parameter("Domain")]
    public string? Domain { get; init; }

    /// <summary>The availability zone (cluster) whose public network the address comes from; any by default.</summary>
    [Ec2Parameter("NetworkBorderGroup")]
    public string? NetworkBorderGroup { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
