using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class CreateNetworkInterfaceRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("SubnetId", Required = true)]
    public string SubnetId { get; init; } = "";

    [Ec2Parameter("Description", MaxLength = 255)]
    public string? Description { get; init; }

    [Ec2Parameter("PrivateIpAddress")]
    public string? PrivateIpAddress { get; init; }

    [Ec2Parameter("SecurityGroupId")]
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    [Ec2Parameter("SecondaryPrivateIpAddressCount")]
    public int? SecondaryPrivateIpAddressCount { get; init; }

    [Ec2Parameter("Ipv6AddressCount")]
    public int? Ipv6AddressCount { get; init; }

    [Ec2Parameter("InterfaceType")]
    public string? InterfaceType { get; init; }

    /// <summary>A retry with the same token and parameters gets the interface the first request made.</summary>
    [Ec2Parameter("ClientToken", MaxLength = ClientTokens.MaxBoundLength)]
    public string? ClientToken { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
