namespace Cyclades.Logic.Errors;

/// <summary>The subnet's pool has no free address left.</summary>
public sealed class SubnetFullException(long subnetId, string cidr)
    : DomainException($"The subnet {subnetId} ({cidr}) has no free address.")
{
    public long SubnetId { get; } = subnetId;

    public string Cidr { get; } = cidr;
}
