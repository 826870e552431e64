namespace Cyclades.Logic.Networks;

/// <summary>
/// An IPv4 range on one backend (a subnet lives on one cluster), whose addresses the IP pool hands
/// out. Public subnets are the operator's (one per backend, its <c>network_cidr</c>), shared by all
/// users and seen by each as the subnets of his default network; private subnets belong to one
/// user's private network and are a Ganeti network <c>snf-net-&lt;id&gt;</c> on their cluster.
/// </summary>
/// <param name="NetworkId">The private network holding it; null for a public subnet.</param>
/// <param name="UserId">The owner; null for a public subnet.</param>
/// <param name="Gateway">The first host; never handed out (nor the network and broadcast addresses).</param>
/// <param name="AutoPublicAddress">Whether servers launched into it get a public address (recorded for the owner).</param>
/// <param name="ClusterReady">A private subnet's Ganeti network exists and is connected on its cluster.</param>
public sealed record Subnet(
    long Id,
    long? NetworkId,
    string? UserId,
    long BackendId,
    string Cidr,
    string Gateway,
    bool IsPublic,
    bool AutoPublicAddress,
    SubnetState State,
    bool ClusterReady,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public enum SubnetState
{
    Active,
    Deleted,
}
