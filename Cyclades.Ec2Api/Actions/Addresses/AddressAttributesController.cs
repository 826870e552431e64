using Cyclades.Ec2Api.Mvc;

namespace Cyclades.Ec2Api.Actions.Addresses;

public sealed class AddressAttributesController : Ec2Controller
{
    /// <summary>No address has a PTR record here (<see cref="AddressAttributes"/>): the set is always empty.</summary>
    [Ec2Action("DescribeAddressesAttribute")]
    public DescribeAddressesAttributeResponse DescribeAddressesAttribute(DescribeAddressesAttributeRequest request) =>
        new() { Addresses = [] };
}
