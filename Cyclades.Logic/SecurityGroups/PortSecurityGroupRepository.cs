using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>Which groups each port is a member of (<c>port_security_groups</c>).</summary>
internal static class PortSecurityGroupRepository
{
    /// <summary>
    /// The network of each of the user's ports with these ids: its subnet's network, or for a public
    /// subnet (which belongs to every user's default network) the user's default network.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, long>> NetworksOfPortsAsync(Db db, string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        portIds.Count == 0
            ? new Dictionary<long, long>()
            : (await db.QueryAsync<PortNetworkRow>(
                """
                SELECT p.id AS PortId, COALESCE(s.network_id, n.id) AS NetworkId
                FROM ports p
                JOIN subnets s ON s.id = p.subnet_id
                LEFT JOIN networks n ON s.network_id IS NULL AND n.user_id = p.user_id AND n.is_default = @yes AND n.deleted = @no
                WHERE p.user_id = @userId AND p.id IN @portIds
                """,
                new { userId, portIds = portIds.ToList(), yes = true, no = false }, cancellationToken))
                .Where(r => r.NetworkId is not null)
                .ToDictionary(r => r.PortId, r => r.NetworkId!.Value);

    public static async Task<ILookup<long, long>> GroupsOfPortsAsync(Db db, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        portIds.Count == 0
            ? Array.Empty<MemberRow>().ToLookup(r => r.PortId, r => r.GroupId)
            : (await db.QueryAsync<MemberRow>(
                "SELECT port_id AS PortId, group_id AS GroupId FROM port_security_groups WHERE port_id IN @portIds ORDER BY group_id",
                new { portIds = portIds.ToList() }, cancellationToken)).ToLookup(r => r.PortId, r => r.GroupId);

    public static async Task ReplaceAsync(Db db, long portId, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("DELETE FROM port_security_groups WHERE port_id = @portId", new { portId }, cancellationToken);
        await db.ExecuteAsync("INSERT INTO port_security_groups (port_id, group_id) VALUES (@portId, @groupId)",
            groupIds.Select(groupId => new { portId, groupId }), cancellationToken);
    }

    private sealed record PortNetworkRow
    {
        public long PortId { get; init; }

        public long? NetworkId { get; init; }
    }

    private sealed record MemberRow
    {
        public long PortId { get; init; }

        public long GroupId { get; init; }
    }
}
