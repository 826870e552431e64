namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>
/// Reverse DNS of Elastic IPs (<c>domain-name</c>, the one attribute): this cloud sets no PTR records,
/// so no address has one and the set is empty — what Terraform's <c>aws_eip</c> reads on every refresh.
/// </summary>
public static class AddressAttributes
{
    public const string AllocationPrefix = "eipalloc-";
}
