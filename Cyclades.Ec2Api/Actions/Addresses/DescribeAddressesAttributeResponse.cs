using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class DescribeAddressesAttributeResponse : Ec2Response
{
    [Ec2Element("addressSet")]
    public required IReadOnlyList<AddressAttributeItem> Addresses { get; init; }

    [Ec2Element("nextToken")]
    public string? NextToken { get; init; }
}

public sealed class AddressAttributeItem
{
    [Ec2Element("publicIp")]
    public required string PublicIp { get; init; }

    [Ec2Element("allocationId")]
    public required string AllocationId { get; init; }

    [Ec2Element("ptrRecord")]
    public string? PtrRecord { get; init; }
}
