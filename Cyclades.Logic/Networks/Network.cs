namespace Cyclades.Logic.Networks;

/// <summary>
/// A user's layer-3 container of subnets. Every user has one default network, made lazily, whose
/// subnets are the public subnets (one per backend); his other networks are private (quota
/// <c>cyclades.network.private</c>) and hold his private subnets.
/// </summary>
/// <param name="Cidr">The network's IPv4 block; for the default network, the smallest block holding every public subnet.</param>
/// <param name="DnsSupport">Whether the network's resolver answers (recorded for the owner).</param>
/// <param name="DnsHostnames">Whether servers get DNS host names (recorded for the owner).</param>
public sealed record Network(
    long Id,
    string UserId,
    string Cidr,
    bool IsDefault,
    NetworkState State,
    bool DnsSupport,
    bool DnsHostnames,
    long? CommissionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public enum NetworkState
{
    Active,
    Deleted,
}
