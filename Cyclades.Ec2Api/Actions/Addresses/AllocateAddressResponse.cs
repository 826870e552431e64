using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class AllocateAddressResponse : Ec2Response
{
    [Ec2Element("publicIp")]
    public required string PublicIp { get; init; }

    [Ec2Element("allocationId")]
    public required string AllocationId { get; init; }

    [Ec2Element("domain")]
    public string Domain { get; init; } = AddressItem.VpcDomain;

    [Ec2Element("publicIpv4Pool")]
    public required string PublicIpv4Pool { get; init; }

    [Ec2Element("networkBorderGroup")]
    public required string NetworkBorderGroup { get; init; }

}
