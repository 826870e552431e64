using System.Data.Common;
using Cyclades.Logic.Networks;
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
                LEFT JOIN networks n ON s.network_id IS NULL AND {NetworkRepository.IsDefaultOf("n", "p.user_id")}
                LEFT JOIN port_security_groups m ON m.port_id = p.id
                WHERE p.user_id = @userId AND {db.Dialect.InList("p.id", "@portIds")}
                ORDER BY m.group_id
                """,
                db.Dialect.WithList(new { userId }, "portIds", portIds), cancellationToken)).ToList();

    /// <summary>
    /// The user's ports of these servers on subnets he sees, in the order of their servers and device indexes, each with its
    /// network (as <see cref="MembersOfPortsAsync"/>) and a row for each group it is in: those set on it, or when none
    /// were, its network's default group. <c>NetworkId</c> is null while the user's default network is not made,
    /// <c>GroupId</c> while the network's default group is not. One statement for what a page of servers shows of its ports.
    /// </summary>
    /// <remarks>
    /// <c>+p.user_id</c> (a no-op on both databases) keeps the owner a check on the ports found by server: as a way in,
    /// SQLite would walk all the user's ports.
    /// </remarks>
    public static Task<List<ServerPortRow>> PortsOfServersAsync(Db db, string userId, IReadOnlyCollection<long> serverIds, CancellationToken cancellationToken) =>
        db.QueryAsync(
            $"""
            SELECT {PortRepository.Columns}, COALESCE(s.network_id, n.id) AS NetworkId, COALESCE(g.id, d.id) AS GroupId, COALESCE(g.name, d.name) AS GroupName
            FROM ports p
            JOIN subnets s ON s.id = p.subnet_id
            JOIN backends b ON b.id = s.backend_id
            LEFT JOIN networks n ON s.network_id IS NULL AND {NetworkRepository.IsDefaultOf("n", "@userId")}
            LEFT JOIN port_security_groups m ON m.port_id = p.id
            LEFT JOIN security_groups g ON g.id = m.group_id AND g.user_id = @userId
            LEFT JOIN security_groups d ON m.port_id IS NULL AND d.user_id = @userId AND d.network_id = COALESCE(s.network_id, n.id)
                AND d.name_key = @key AND d.is_default = @yes
            WHERE {db.Dialect.InList("p.server_id", "@serverIds")} AND +p.user_id = @userId AND s.deleted = @no
                AND ((s.is_public = @no AND s.user_id = @userId) OR (s.is_public = @yes AND b.enabled = @yes))
            ORDER BY p.server_id, p.device_index, p.id, COALESCE(g.id, d.id)
            """,
            db.Dialect.WithList(new { userId, key = SecurityGroupRepository.NameKey(SecurityGroupService.DefaultName), yes = true, no = false }, "serverIds", serverIds),
            ServerPortRow.Read, cancellationToken);

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
            LEFT JOIN networks n ON s.network_id IS NULL AND {NetworkRepository.IsDefaultOf("n", "p.user_id")}
            WHERE p.user_id = @userId AND p.server_id IS NOT NULL
            AND (EXISTS (SELECT 1 FROM port_security_groups m WHERE m.port_id = p.id AND m.group_id = @groupId)
            {(group.IsDefault ? "OR (COALESCE(s.network_id, n.id) = @networkId AND NOT EXISTS (SELECT 1 FROM port_security_groups m WHERE m.port_id = p.id))" : "")})
            ORDER BY p.server_id
            """,
            new { userId = group.UserId, groupId = group.Id, networkId = group.NetworkId }, cancellationToken)).ToList();

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

    /// <summary>A row of <see cref="PortsOfServersAsync"/>.</summary>
    internal sealed record ServerPortRow(PortRepository.PortRow Port, long? NetworkId, long? GroupId, string? GroupName)
    {
        public static ServerPortRow Read(DbDataReader reader)
        {
            var c = new RowCursor(reader);
            return new ServerPortRow(PortRepository.PortRow.Read(ref c), c.NullableInt64(), c.NullableInt64(), c.NullableString());
        }
    }

    internal sealed record PortMemberRow
    {
        public long PortId { get; init; }

        public long? NetworkId { get; init; }

        public long? GroupId { get; init; }
    }
}
