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
        NetworksOf(await MembersOfPortsAsync(db, userId, portIds, cancellationToken));

    /// <summary>The network of each port of <see cref="MembersOfPortsAsync"/>'s rows that has one.</summary>
    public static IReadOnlyDictionary<long, long> NetworksOf(IEnumerable<PortMemberRow> rows) =>
        rows.Where(r => r.NetworkId is not null).DistinctBy(r => r.PortId).ToDictionary(r => r.PortId, r => r.NetworkId!.Value);

    /// <summary>
    /// Each of the user's ports with these ids, with its network (its subnet's, or for a public subnet the user's default
    /// network: null while that is not made) and the groups it was put in: a row for each group, or one without a group.
    /// </summary>
    public static async Task<IReadOnlyList<PortMemberRow>> MembersOfPortsAsync(Db db, string userId, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        portIds.Count == 0
            ? []
            : (await db.QueryAsync<PortMemberRow>(
                $"""
                SELECT p.id AS PortId, COALESCE(s.network_id, n.id) AS NetworkId, m.group_id AS GroupId
                FROM ports p
                JOIN subnets s ON s.id = p.subnet_id
                LEFT JOIN networks n ON s.network_id IS NULL AND n.user_id = p.user_id AND n.is_default = @yes AND n.deleted = @no
                LEFT JOIN port_security_groups m ON m.port_id = p.id
                WHERE p.user_id = @userId AND {db.Dialect.InList("p.id", "@portIds")}
                ORDER BY m.group_id
                """,
                db.Dialect.WithList(new { userId, yes = true, no = false }, "portIds", portIds), cancellationToken)).ToList();

    /// <summary>
    /// The servers with a port in the group: a member, or for a default group also a port on its
    /// network whose groups were never set.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ServersOfMembersAsync(Db db, SecurityGroup group, CancellationToken cancellationToken) =>
        (await db.QueryAsync<long>(
            $"""
            SELECT DISTINCT p.server_id
            FROM ports p
            JOIN subnets s ON s.id = p.subnet_id
            LEFT JOIN networks n ON s.network_id IS NULL AND n.user_id = p.user_id AND n.is_default = @yes AND n.deleted = @no
            WHERE p.user_id = @userId AND p.server_id IS NOT NULL
            AND (EXISTS (SELECT 1 FROM port_security_groups m WHERE m.port_id = p.id AND m.group_id = @groupId)
            {(group.IsDefault ? "OR (COALESCE(s.network_id, n.id) = @networkId AND NOT EXISTS (SELECT 1 FROM port_security_groups m WHERE m.port_id = p.id))" : "")})
            ORDER BY p.server_id
            """,
            new { userId = group.UserId, groupId = group.Id, networkId = group.NetworkId, yes = true, no = false }, cancellationToken)).ToList();

    /// <summary>The servers these ports are attached to.</summary>
    public static async Task<IReadOnlyList<long>> ServersOfPortsAsync(Db db, IReadOnlyCollection<long> portIds, CancellationToken cancellationToken) =>
        portIds.Count == 0
            ? []
            : (await db.QueryAsync<long>(
                "SELECT DISTINCT server_id FROM ports WHERE id IN @portIds AND server_id IS NOT NULL ORDER BY server_id",
                new { portIds = portIds.ToList() }, cancellationToken)).ToList();

    public static async Task ReplaceAsync(Db db, long portId, IReadOnlyCollection<long> groupIds, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("DELETE FROM port_security_groups WHERE port_id = @portId", new { portId }, cancellationToken);
        await db.ExecuteAsync("INSERT INTO port_security_groups (port_id, group_id) VALUES (@portId, @groupId)",
            groupIds.Select(groupId => new { portId, groupId }), cancellationToken);
    }

    internal sealed record PortMemberRow
    {
        public long PortId { get; init; }

        public long? NetworkId { get; init; }

        public long? GroupId { get; init; }
    }
}
